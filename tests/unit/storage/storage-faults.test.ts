import { spawnSync } from 'node:child_process';
import { chmod, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asUnprivilegedUser,
  inPrivateMounts,
  privateMounts,
  readOnlyFolder,
  seenBy,
  smallDisk,
} from '../support/private-mounts';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { createReview, ReviewChild, reviewTextOnDisk, sha256OfFile } from './fixtures';

const tempDir = useTempDirs();
const children: ReviewChild[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
});

function start(dataDir: string, reviewId: string, setup: string): ReviewChild {
  const child = ReviewChild.start('commands', dataDir, reviewId, {}, (argv) => inPrivateMounts(setup, argv));
  children.push(child);
  return child;
}

/** Fills the disk that holds `folder` to the last byte, as the process that sees it (`pid`) sees it. */
async function fillDisk(pid: number, folder: string): Promise<void> {
  const run = spawnSync('dd', ['if=/dev/zero', `of=${seenBy(pid, join(folder, 'filler'))}`, 'bs=4096'], {
    encoding: 'utf8',
  });
  expect(run.stderr).toContain('No space left on device');
}

const mountsNote = privateMounts.available ? '' : ` (skipped: ${privateMounts.why})`;
if (!privateMounts.available)
  console.warn(`storage-faults.test.ts: read-only folders and full disks are not tested here: ${privateMounts.why}.`);

describe.skipIf(!privateMounts.available)(`a review in a folder that cannot be written${mountsNote}`, () => {
  it('opens read-only in a read-only folder, saying why in words, and refuses changes without writing anything', async () => {
    const dataDir = await tempDir();
    const { id, file } = await createReview(dataDir);
    const reviews = join(dataDir, 'reviews');
    const [filesBefore, sha256] = [await readdir(reviews), await sha256OfFile(file)];

    const child = start(dataDir, id, readOnlyFolder(dataDir));
    const reason =
      `The folder “${reviews}” is read-only, so this review opens ` +
      `read-only: nothing can be saved. Copy the review to a ` +
      `folder you can write to.`;
    expect(await child.waitForLine((line) => line.startsWith('ready'))).toBe(`ready read-only ${reason}`);
    expect(await child.ask('summary')).toContain('"title":"Social media policy 2026"');
    expect(await child.ask('add Zed')).toBe(`refused E_READ_ONLY ${reason}`);
    expect(await child.finish()).toEqual({ code: 0, signal: null });

    expect(await readdir(reviews)).toEqual(filesBefore);
    expect(await sha256OfFile(file)).toBe(sha256);
  });

  it('opens read-only on a full disk, saying why in words, and leaves no lock or temp file behind', async () => {
    const [seed, dataDir] = [await tempDir(), await tempDir()];
    const { id } = await createReview(seed);
    const reviews = join(dataDir, 'reviews');

    const child = start(dataDir, id, smallDisk(dataDir, seed, 1024, { leaveBytes: 0 }));
    const reason =
      `The disk that holds “${reviews}” is full, so this review opens read-only: nothing can be ` +
      `saved. Free some space on that disk, then open the review again.`;
    expect(await child.waitForLine((line) => line.startsWith('ready'))).toBe(`ready read-only ${reason}`);
    expect(await child.ask('summary')).toContain('"title":"Social media policy 2026"');
    expect(await readdir(seenBy(child.pid, reviews))).toEqual([`${id}.review.json`]);
    expect(await child.ask('add Zed')).toBe(`refused E_READ_ONLY ${reason}`);
    expect(await readdir(seenBy(child.pid, reviews))).toEqual([`${id}.review.json`]);
  });

  it('opens read-only when the lock fits on the disk but a backup of the review does not, and takes its lock and folders away again', async () => {
    const [seed, dataDir] = [await tempDir(), await tempDir()];
    const { id } = await createReview(seed);
    const reviews = join(dataDir, 'reviews');

    // Two pages left: one for the lock file, none to spare for a copy of the review.
    const child = start(dataDir, id, smallDisk(dataDir, seed, 1024, { leaveBytes: 8192 }));
    expect(await child.waitForLine((line) => line.startsWith('ready'))).toMatch(
      /^ready read-only The disk that holds “.*” is full, so this review opens read-only/,
    );
    expect(await readdir(seenBy(child.pid, reviews))).toEqual([`${id}.review.json`]);
  });

  it('refuses a change when the disk fills up while the review is open, saying so, leaves the file as it was, and saves once there is room again', async () => {
    const [seed, dataDir] = [await tempDir(), await tempDir()];
    const { id } = await createReview(seed);
    const reviews = join(dataDir, 'reviews');
    const child = start(dataDir, id, smallDisk(dataDir, seed, 1024));
    expect(await child.waitForLine((line) => line.startsWith('ready'))).toBe('ready writable');
    const reviewFile = seenBy(child.pid, join(reviews, `${id}.review.json`));
    const filesBefore = await readdir(seenBy(child.pid, reviews));
    const sha256 = await sha256OfFile(reviewFile);
    const onDiskBefore = await reviewTextOnDisk(reviewFile);

    await fillDisk(child.pid, dataDir);
    expect(await child.ask('add Zed')).toBe(
      `refused E_DISK_FULL The disk that holds “${reviews}” is full, so this change was not ` +
        `saved; the review is as it was before it. Free some space on that disk, then try again.`,
    );
    expect(await sha256OfFile(reviewFile)).toBe(sha256);
    expect(await reviewTextOnDisk(reviewFile)).toBe(onDiskBefore);
    expect(await readdir(seenBy(child.pid, reviews)), 'no temp or journal file left').toEqual(filesBefore);
    expect(await child.ask('summary')).toContain('"members":["Test Chair"]');

    await rm(seenBy(child.pid, join(dataDir, 'filler')));
    expect(await child.ask('add Zed')).toBe('saved Zed');
    expect(await reviewTextOnDisk(reviewFile)).toContain('"name": "Zed"');
  });

  it('lets the command line read a review in a read-only folder, and refuses to change it in words', async () => {
    const dataDir = await tempDir();
    const { id } = await createReview(dataDir);
    const policy = join(await tempDir(), 'policy.txt');
    await writeFile(policy, 'Staff may post on official accounts only with approval.\n');
    const inReadOnlyFolder = (argv: string[]) => inPrivateMounts(readOnlyFolder(dataDir), argv);

    const show = await runCli(['show', id, '--data-dir', dataDir], {}, inReadOnlyFolder);
    expect(show).toMatchObject({ code: 0, stderr: '' });
    expect(show.stdout).toContain('Social media policy 2026');

    const imported = await runCli(['import', id, policy, '--data-dir', dataDir], {}, inReadOnlyFolder);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(
      `policy-review import: The folder “${join(dataDir, 'reviews')}” is read-only, so this ` +
        `review opens read-only: nothing can be saved. Copy the review to a folder you can write to.\n`,
    );

    const created = await runCli(['new', '--title', 'Another review', '--data-dir', dataDir], {}, inReadOnlyFolder);
    expect(created.code).toBe(1);
    expect(created.stderr).toBe(
      `policy-review new: The folder “${join(dataDir, 'reviews')}” is read-only, so the new ` +
        `review could not be created. Choose a data folder you can write to.\n`,
    );
  });

  it('tells the command line that the disk is full when a change cannot be saved', async () => {
    const [seed, dataDir] = [await tempDir(), await tempDir()];
    const { id } = await createReview(seed);
    const policy = join(await tempDir(), 'policy.txt');
    await writeFile(policy, 'Staff may post on official accounts only with approval.\n');
    const onFullDisk = (argv: string[]) => inPrivateMounts(smallDisk(dataDir, seed, 1024, { leaveBytes: 0 }), argv);
    const imported = await runCli(['import', id, policy, '--data-dir', dataDir], {}, onFullDisk);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(
      /^policy-review import: The disk that holds “.*” is full, so this review opens read-only: nothing can be saved\. Free some space on that disk/,
    );
  });
});

const canDropPrivileges = process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status === 0;

describe.skipIf(!canDropPrivileges)(
  `a review in a folder this app may not write ` +
    `in${canDropPrivileges ? '' : ' (skipped: running as root without util-linux setpriv, so file permissions cannot apply)'}`,
  () => {
    it('opens read-only, saying permission is denied, and refuses changes', async () => {
      const dataDir = await tempDir();
      const { id, file } = await createReview(dataDir);
      const reviews = join(dataDir, 'reviews');
      // Readable by anyone, writable by no one but the owner, who is not the process that opens it.
      await chmod(dataDir, 0o755);
      await chmod(file, 0o644);
      await chmod(reviews, 0o555);
      const child = ReviewChild.start('commands', dataDir, id, {}, asUnprivilegedUser);
      children.push(child);
      const reason =
        `This app may not write in the folder “${reviews}” (permission denied), so this review ` +
        `opens read-only: nothing can be saved. Ask for permission to write in that folder, or ` +
        `copy the review to a folder you can write to.`;
      try {
        expect(await child.waitForLine((line) => line.startsWith('ready'))).toBe(`ready read-only ${reason}`);
        expect(await child.ask('add Zed')).toBe(`refused E_READ_ONLY ${reason}`);
        expect(await readdir(reviews)).toEqual([`${id}.review.json`]);
      } finally {
        await chmod(reviews, 0o755);
      }
    });
  },
);
