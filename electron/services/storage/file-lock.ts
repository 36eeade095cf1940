import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isNodeError } from './json-file-adapter';

/** Who holds a review open for writing, as recorded in its lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  app: string;
}

export type LockAttempt = { acquired: true; lock: FileLock } | { acquired: false; holder: LockHolder | undefined };

/**
 * One writer per file across processes: a `<file>.lock` created atomically (written to a temp name, then
 * hard-linked to the lock name, which fails if it exists), so a lock file is never seen half-written.
 * A lock left by a process on this computer that no longer runs (killed, crashed) is taken over.
 */
export class FileLock {
  private released = false;

  private constructor(readonly lockFile: string) {}

  static lockFileFor(file: string): string {
    return `${file}.lock`;
  }

  static tryAcquire(file: string, app = 'Policy Review Workstation'): LockAttempt {
    const lockFile = FileLock.lockFileFor(file);
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), app };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (createExclusively(lockFile, JSON.stringify(holder))) {
        const lock = new FileLock(lockFile);
        LIVE_LOCKS.add(lock);
        return { acquired: true, lock };
      }
      const current = readHolder(lockFile);
      if (current === 'missing') continue;
      if (current === 'unreadable') return { acquired: false, holder: undefined };
      if (!isStale(current, lockFile)) return { acquired: false, holder: current };
      removeIfUnchanged(lockFile, current);
    }
    const last = readHolder(lockFile);
    return { acquired: false, holder: typeof last === 'object' ? last : undefined };
  }

  /** Who holds the lock on `file` now, if anyone alive does. */
  static holderOf(file: string): LockHolder | undefined {
    const lockFile = FileLock.lockFileFor(file);
    const current = readHolder(lockFile);
    return typeof current === 'object' && !isStale(current, lockFile) ? current : undefined;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    LIVE_LOCKS.delete(this);
    try {
      const current = readHolder(this.lockFile);
      if (typeof current === 'object' && current.pid === process.pid && current.host === hostname()) {
        unlinkSync(this.lockFile);
      }
    } catch {
      // The lock file is already gone: nothing to release.
    }
  }
}

const LIVE_LOCKS = new Set<FileLock>();
// Locks must not outlive a normal exit; after a crash the next process finds them stale and takes them over.
process.once('exit', () => {
  for (const lock of [...LIVE_LOCKS]) lock.release();
});

function createExclusively(lockFile: string, content: string): boolean {
  const temp = join(dirname(lockFile), `.${basename(lockFile)}.${process.pid}.${randomBytes(6).toString('hex')}`);
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    linkSync(temp, lockFile);
    return true;
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function readHolder(lockFile: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'missing';
    return 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, since: String(value.since ?? ''), app: String(value.app ?? '') };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

/** A lock is stale when its process ran on this computer and is gone. Locks from other hosts are respected. */
function isStale(holder: LockHolder, lockFile: string): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return ![...LIVE_LOCKS].some((lock) => lock.lockFile === lockFile);
  return !isProcessAlive(holder.pid);
}

/** Whether a process with this id runs on this computer (one we may not signal still counts as running). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isNodeError(error, 'EPERM');
  }
}

function removeIfUnchanged(lockFile: string, expected: LockHolder): void {
  const current = readHolder(lockFile);
  if (typeof current === 'object' && current.pid === expected.pid && current.since === expected.since) {
    try {
      unlinkSync(lockFile);
    } catch {
      // Another process removed it first.
    }
  }
}
