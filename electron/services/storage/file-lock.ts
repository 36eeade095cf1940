import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isNodeError } from './json-file-adapter';
import { randomHex, sha256Hex } from './on-demand-crypto';
import { storageFaultOf, type StorageFault } from './storage-faults';

/** Who holds a review open for writing, as recorded in its lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  app: string;
}

/** A lock someone else holds, as this process found it. */
export interface LockSeen {
  /** Who holds it; `undefined` when the lock file cannot be read. */
  holder: LockHolder | undefined;
  /** The sha256 of the lock file's bytes: names this very lock, so a take-over never removes a newer one. */
  fingerprint: string;
  /**
   * Whether a person may take it over: the lock names another computer (or cannot be read), so this computer
   * cannot tell whether it is still in use. A lock of a running process on this computer is never taken over.
   */
  canTakeOver: boolean;
}

export type LockAttempt =
  | { acquired: true; lock: FileLock; held?: undefined; fault?: undefined }
  | { acquired: false; held: LockSeen; fault?: undefined }
  /** The lock could not be written at all: the folder is read-only, or the disk is full. */
  | { acquired: false; fault: StorageFault; held?: undefined };

export type TakeOverOutcome = 'removed' | 'gone' | 'changed' | 'running-here';

/**
 * One writer per file across processes: a `<file>.lock` created atomically (written to a temp name, then
 * hard-linked to the lock name, which fails if it exists), so a lock file is never seen half-written.
 * A lock left by a process on this computer that no longer runs (killed, crashed) is taken over; one that
 * names another computer is taken over only when a person asks for it (`removeForTakeOver`).
 */
export class FileLock {
  private released = false;

  private constructor(
    readonly lockFile: string,
    private readonly holder: LockHolder,
  ) {}

  static lockFileFor(file: string): string {
    return `${file}.lock`;
  }

  static tryAcquire(file: string, app = 'Policy Review Workstation'): LockAttempt {
    const lockFile = FileLock.lockFileFor(file);
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), app };
    for (let attempt = 0; attempt < 3; attempt++) {
      let created: boolean;
      try {
        created = createExclusively(lockFile, JSON.stringify(holder));
      } catch (error) {
        const fault = storageFaultOf(error);
        if (fault) return { acquired: false, fault };
        throw error;
      }
      if (created) {
        const lock = new FileLock(lockFile, holder);
        LIVE_LOCKS.add(lock);
        return { acquired: true, lock };
      }
      const current = readLock(lockFile);
      if (current === 'missing') continue;
      if (!isStale(current.holder, lockFile)) return { acquired: false, held: seen(current) };
      removeIfUnchanged(lockFile, current.fingerprint);
    }
    const last = readLock(lockFile);
    return {
      acquired: false,
      held: last === 'missing' ? { holder: undefined, fingerprint: '', canTakeOver: false } : seen(last),
    };
  }

  /** Who holds the lock on `file` now, if anyone alive (or on another computer) does. */
  static holderOf(file: string): LockSeen | undefined {
    const lockFile = FileLock.lockFileFor(file);
    const current = readLock(lockFile);
    return current !== 'missing' && !isStale(current.holder, lockFile) ? seen(current) : undefined;
  }

  /**
   * Removes the lock on `file` that a person saw (`fingerprint`) and chose to take over, so the next
   * `tryAcquire` can take the review. Refused when the lock changed since, or is held by a process that runs
   * on this computer.
   */
  static removeForTakeOver(file: string, fingerprint: string): TakeOverOutcome {
    const lockFile = FileLock.lockFileFor(file);
    const current = readLock(lockFile);
    if (current === 'missing') return 'gone';
    if (current.fingerprint !== fingerprint) return 'changed';
    if (!seen(current).canTakeOver && !isStale(current.holder, lockFile)) return 'running-here';
    return removeIfUnchanged(lockFile, fingerprint) ? 'removed' : 'changed';
  }

  /**
   * Whether this process still holds the lock: a person on another computer may have taken it over, and
   * from then on this process must not write.
   */
  isHeld(): boolean {
    if (this.released) return false;
    const current = readLock(this.lockFile);
    return current !== 'missing' && current.holder !== undefined && sameHolder(current.holder, this.holder);
  }

  /** Who holds the lock now that this process lost it, if it did. */
  currentHolder(): LockSeen | undefined {
    const current = readLock(this.lockFile);
    return current === 'missing' ? undefined : seen(current);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    LIVE_LOCKS.delete(this);
    try {
      const current = readLock(this.lockFile);
      // A lock taken over by someone else is theirs now: leave it.
      if (current !== 'missing' && current.holder && sameHolder(current.holder, this.holder)) unlinkSync(this.lockFile);
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

/**
 * Writes `content` to a temp file and hard-links it to `lockFile`. The temp file is removed whatever happens,
 * also when the disk is full and it was created but could not be written.
 */
function createExclusively(lockFile: string, content: string): boolean {
  const temp = join(dirname(lockFile), `.${basename(lockFile)}.${process.pid}.${randomHex(6)}`);
  try {
    writeFileSync(temp, content, { mode: 0o600 });
    linkSync(temp, lockFile);
    return true;
  } catch (error) {
    if (isNodeError(error, 'EEXIST')) return false;
    throw error;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Never created (a read-only folder), or already gone.
    }
  }
}

interface LockFound {
  holder: LockHolder | undefined;
  fingerprint: string;
}

function readLock(lockFile: string): LockFound | 'missing' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(lockFile);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return 'missing';
    return { holder: undefined, fingerprint: '' };
  }
  return { holder: parseHolder(bytes), fingerprint: sha256Hex(bytes) };
}

function parseHolder(bytes: Buffer): LockHolder | undefined {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<LockHolder> | null;
    if (value && typeof value.pid === 'number' && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, since: String(value.since ?? ''), app: String(value.app ?? '') };
    }
  } catch {
    // fall through
  }
  return undefined;
}

function seen(found: LockFound): LockSeen {
  // A lock file that cannot even be opened cannot be compared either, so it cannot be taken over by name.
  const canTakeOver = found.fingerprint !== '' && (found.holder === undefined || found.holder.host !== hostname());
  return { holder: found.holder, fingerprint: found.fingerprint, canTakeOver };
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.host === b.host && a.since === b.since;
}

/** A lock is stale when its process ran on this computer and is gone. Locks from other hosts are respected. */
function isStale(holder: LockHolder | undefined, lockFile: string): boolean {
  if (!holder || holder.host !== hostname()) return false;
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

/** Removes the lock file if it still holds the bytes that were seen; whether it did. */
function removeIfUnchanged(lockFile: string, fingerprint: string): boolean {
  const current = readLock(lockFile);
  if (current === 'missing' || current.fingerprint !== fingerprint) return false;
  try {
    unlinkSync(lockFile);
    return true;
  } catch {
    // Another process removed it first.
    return false;
  }
}
