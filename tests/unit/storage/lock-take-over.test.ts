import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileLock, type LockHolder } from '../../../electron/services/storage/file-lock';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { decodeReviewText } from '../../../shared/model';
import { call, failure, workstationOn } from '../annotations/support-review';
import { hostNamed, inPrivateMounts, privateMounts } from '../support/private-mounts';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { createReview, ReviewChild, reviewTextOnDisk } from './fixtures';

const tempDir = useTempDirs();
const workstations: Workstation[] = [];
const children: ReviewChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  await Promise.all(workstations.splice(0).map((ws) => ws.close()));
});

const OTHER_COMPUTER: LockHolder = {
  pid: 4242,
  host: 'old-laptop.example',
  since: '2026-01-05T09:30:00.000Z',
  app: 'Policy Review Workstation',
};

/** A review whose lock file names another computer: a renamed laptop, or a colleague on a shared folder. */
async function reviewLockedElsewhere(holder: LockHolder = OTHER_COMPUTER) {
  const dataDir = await tempDir();
  const { id, file } = await createReview(dataDir);
  await writeFile(FileLock.lockFileFor(file), JSON.stringify(holder));
  const ws = await workstationOn(dataDir);
  workstations.push(ws);
  return { dataDir, id, file, ws };
}

const auditOf = async (file: string) => {
  const decoded = decodeReviewText(await reviewTextOnDisk(file));
  return decoded.kind === 'current' ? decoded.review.audit : [];
};

describe('a lock held under another computer’s name', () => {
  it('opens read-only, saying what a person can do, and offers a take-over of that very lock', async () => {
    const { id, ws } = await reviewLockedElsewhere();
    const opened = await call(ws, 'reviews.open', { reviewId: id });
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toBe(
      'This review is marked as open for editing on another computer (Policy Review ' +
        'Workstation, process 4242 on old-laptop.example since 2026-01-05 09:30 UTC). ' +
        'It is shown read-only. If no one is editing it there any more (the computer was renamed, ' +
        'or the app did not close properly on it), take over the lock to edit it here.',
    );
    expect(opened.lock).toMatchObject({
      canTakeOver: true,
      holder: { host: 'old-laptop.example', pid: 4242 },
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
  });

  it('is taken over when a person asks, which opens the review for editing and is recorded in the audit log', async () => {
    const { id, file, ws } = await reviewLockedElsewhere();
    const opened = await call(ws, 'reviews.open', { reviewId: id });
    const taken = await call(ws, 'reviews.takeOverLock', { reviewId: id, fingerprint: opened.lock!.fingerprint });
    expect(taken).toMatchObject({ readOnly: false });
    expect(taken.lock).toBeUndefined();
    expect(JSON.parse(await readFile(FileLock.lockFileFor(file), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    await call(ws, 'committee.set', { reviewId: id, members: [{ name: 'Bo Member', role: 'member' }] });
    expect((await auditOf(file)).find((entry) => entry.action === 'reviews.takeOverLock')).toMatchObject({
      actor: { name: 'Ada Chair' },
      summary:
        'Took over the lock on this review held by process 4242 on “old-laptop.example” (Policy Review Workstation, since 2026-01-05 09:30 UTC).',
    });
  });

  it('is not taken over when it changed after the person saw it', async () => {
    const { id, file, ws } = await reviewLockedElsewhere();
    const opened = await call(ws, 'reviews.open', { reviewId: id });
    await writeFile(
      FileLock.lockFileFor(file),
      JSON.stringify({ ...OTHER_COMPUTER, since: '2026-01-06T08:00:00.000Z' }),
    );
    const lockBytes = await readFile(FileLock.lockFileFor(file));
    const error = await failure(ws, 'reviews.takeOverLock', { reviewId: id, fingerprint: opened.lock!.fingerprint });
    expect(error).toMatchObject({
      code: 'E_LOCKED',
      message: expect.stringContaining(
        'The lock on this review changed since it was shown, so it was not taken over.',
      ) as unknown,
    });
    expect(await readFile(FileLock.lockFileFor(file))).toEqual(lockBytes);
  });

  it('is never offered, nor taken over, when a process on this computer holds it', async () => {
    const dataDir = await tempDir();
    const { id, file } = await createReview(dataDir);
    const child = ReviewChild.start('hold', dataDir, id);
    children.push(child);
    expect(await child.waitForLine((line) => line.startsWith('ready'))).toBe('ready writable');
    const ws = await workstationOn(dataDir);
    workstations.push(ws);
    const opened = await call(ws, 'reviews.open', { reviewId: id });
    expect(opened.lock).toMatchObject({ canTakeOver: false, holder: { pid: child.pid } });
    const error = await failure(ws, 'reviews.takeOverLock', { reviewId: id, fingerprint: opened.lock!.fingerprint });
    expect(error).toMatchObject({
      code: 'E_LOCKED',
      message: expect.stringContaining('cannot be taken over') as unknown,
    });
    expect(JSON.parse(await readFile(FileLock.lockFileFor(file), 'utf8'))).toMatchObject({ pid: child.pid });
  });

  it('is taken over by a writing command only with --take-over-lock, which the refusal names', async () => {
    const { dataDir, id, file } = await reviewLockedElsewhere();
    await workstations.splice(0)[0]?.close();
    const policy = join(await tempDir(), 'policy.txt');
    await writeFile(policy, 'Staff may post on official accounts only with approval.\n');

    const refused = await runCli(['import', id, policy, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'policy-review import: This review is marked as open for editing on another computer ' +
        '(Policy Review Workstation, process 4242 on old-laptop.example since 2026-01-05 09:30 UTC). ' +
        'It is shown read-only. To take it over from the command line, run the command again with ' +
        '--take-over-lock; only do so if no one is editing it on old-laptop.example, or their next ' +
        'changes will be refused.\n',
    );

    const taken = await runCli(['import', id, policy, '--take-over-lock', '--data-dir', dataDir]);
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    const audit = await auditOf(file);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['reviews.takeOverLock', 'versions.import']),
    );
    // The command is done, so it let go of the lock it took over.
    await expect(readFile(FileLock.lockFileFor(file))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe.skipIf(!privateMounts.available)(
  `the computer whose lock was taken over${privateMounts.available ? '' : ` (skipped: ${privateMounts.why})`}`,
  () => {
    it('has its next change refused, saying who took it over, and leaves the new holder’s lock in place', async () => {
      const dataDir = await tempDir();
      const { id, file } = await createReview(dataDir);
      const laptop = ReviewChild.start('commands', dataDir, id, {}, (argv) =>
        inPrivateMounts(hostNamed('old-laptop.example'), argv),
      );
      children.push(laptop);
      expect(await laptop.waitForLine((line) => line.startsWith('ready'))).toBe('ready writable');
      expect(await laptop.ask('add Before')).toBe('saved Before');

      const ws = await workstationOn(dataDir);
      workstations.push(ws);
      const opened = await call(ws, 'reviews.open', { reviewId: id });
      expect(opened.lock).toMatchObject({ canTakeOver: true, holder: { host: 'old-laptop.example' } });
      await call(ws, 'reviews.takeOverLock', { reviewId: id, fingerprint: opened.lock!.fingerprint });

      expect(await laptop.ask('add After')).toBe(
        `refused E_LOCKED Nothing was saved: This review was taken over by process ${process.pid} ` +
          `on ${hostname()} while it was open here. It is shown read-only now; open it again to see ` +
          `it as it is.`,
      );
      expect(await laptop.finish()).toEqual({ code: 0, signal: null });
      const decoded = decodeReviewText(await reviewTextOnDisk(file));
      expect(decoded.kind === 'current' && decoded.review.committee.map((m) => m.name)).toEqual([
        'Test Chair',
        'Before',
      ]);
      expect(JSON.parse(await readFile(FileLock.lockFileFor(file), 'utf8'))).toMatchObject({
        pid: process.pid,
        host: hostname(),
      });
    });
  },
);
