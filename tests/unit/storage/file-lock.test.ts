import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewLibrary } from '../../../electron/services/library/review-library';
import { FileLock, type LockHolder } from '../../../electron/services/storage/file-lock';
import { AppError } from '../../../shared/errors';
import { decodeReviewText } from '../../../shared/model';
import { useTempDirs } from '../support/temp-dir';
import { createReview, member, ReviewChild, reviewTextOnDisk, sha256OfFile } from './fixtures';

const tempDir = useTempDirs();
const children: ReviewChild[] = [];
const libraries: ReviewLibrary[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  await Promise.all(libraries.splice(0).map((library) => library.closeAll()));
});

/** A review held open for writing by another real process. */
async function reviewHeldByAnotherProcess() {
  const dataDir = await tempDir();
  const created = await createReview(dataDir);
  libraries.push(created.library);
  const child = ReviewChild.start('hold', dataDir, created.id);
  children.push(child);
  expect(await child.waitForLine((line) => line.startsWith('ready'))).toBe('ready writable');
  return { ...created, child };
}

/** The id of a process that ran on this computer and has ended. */
function pidOfEndedProcess(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

async function writeLockFile(file: string, holder: LockHolder): Promise<void> {
  await writeFile(FileLock.lockFileFor(file), JSON.stringify(holder));
}

describe('the lock on a review file', () => {
  it('opens the review read-only, naming the other process, while another process holds it', async () => {
    const { library, id, child } = await reviewHeldByAnotherProcess();
    const store = await library.openReview(id);
    expect(store.readOnly).toBe(true);
    expect(store.readOnlyReason).toContain(`process ${child.pid} on ${hostname()}`);
  });

  it('refuses writes with E_LOCKED, leaving the file as it was, while another process holds the review', async () => {
    const { library, id, file } = await reviewHeldByAnotherProcess();
    const before = await sha256OfFile(file);
    const store = await library.openReview(id);
    const attempt = store.mutate((draft) => void draft.committee.push(member('Not saved')));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'E_LOCKED' });
    expect(await sha256OfFile(file)).toBe(before);
  });

  it('gives a writable review once the other process has exited normally', async () => {
    const { library, id, file, child } = await reviewHeldByAnotherProcess();
    expect(await child.finish()).toEqual({ code: 0, signal: null });
    // Gone, not merely stale: a stale lock would be taken over anyway, so only this shows the release.
    expect(existsSync(FileLock.lockFileFor(file))).toBe(false);
    const store = await library.openReview(id);
    expect(store.readOnlyReason).toBeUndefined();
    await store.mutate((draft) => void draft.committee.push(member('Saved after the other process left')));
    expect(await reviewTextOnDisk(file)).toContain('Saved after the other process left');
  });

  it('takes over a lock file left by a process on this computer that no longer runs', async () => {
    const { library, id, file } = await createReview(await tempDir());
    libraries.push(library);
    const deadPid = pidOfEndedProcess();
    await writeLockFile(file, {
      pid: deadPid,
      host: hostname(),
      since: '2026-01-01T00:00:00.000Z',
      app: 'Policy Review Workstation',
    });
    const store = await library.openReview(id);
    expect(store.readOnlyReason).toBeUndefined();
    expect(JSON.parse(await readFile(FileLock.lockFileFor(file), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
  });

  it('respects a lock file from another computer, even when no process with its id runs here', async () => {
    const { library, id, file } = await createReview(await tempDir());
    libraries.push(library);
    const deadPid = pidOfEndedProcess();
    await writeLockFile(file, {
      pid: deadPid,
      host: 'reviewer-laptop.example',
      since: '2026-01-01T00:00:00.000Z',
      app: 'Policy Review Workstation',
    });
    const lockBytes = await readFile(FileLock.lockFileFor(file));
    const store = await library.openReview(id);
    expect(store.readOnlyReason).toContain(`process ${deadPid} on reviewer-laptop.example`);
    await expect(store.mutate(() => undefined)).rejects.toMatchObject({ code: 'E_LOCKED' });
    await library.closeAll();
    expect(await readFile(FileLock.lockFileFor(file))).toEqual(lockBytes);
  });

  it('hands the review from one process to the next without losing a write, when two take turns with it', async () => {
    const dataDir = await tempDir();
    const { file, id } = await createReview(dataDir);
    const writers = ['alice', 'bob'].map((name) => ReviewChild.start('take-turns', dataDir, id, { name, count: 80 }));
    children.push(...writers);
    expect(await Promise.all(writers.map((writer) => writer.exited))).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    const decoded = decodeReviewText(await reviewTextOnDisk(file));
    const names = decoded.kind === 'current' ? decoded.review.committee.map((m) => m.name) : [];
    for (const [i, name] of ['alice', 'bob'].entries()) {
      const acknowledged = writers[i]?.acks().map((n) => `${name}-${n}`);
      expect(
        names.filter((n) => n.startsWith(`${name}-`)),
        `${name}'s acknowledged writes on disk`,
      ).toEqual(acknowledged);
    }
  });
});
