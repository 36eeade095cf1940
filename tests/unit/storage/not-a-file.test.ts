import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { createReview, sampleReview } from './fixtures';

const tempDir = useTempDirs();

/** Pipes are made with the system's `mkfifo`, which Windows has not (nor such pipes in a folder). */
const PIPES = process.platform !== 'win32';

/**
 * A library with one good review and, beside it, entries named as review files that are none: a folder (a review
 * file unpacked from an archive by mistake, say) and a named pipe, which a read of the file would wait on for ever.
 */
async function libraryWithOddEntries() {
  const dataDir = await tempDir();
  const good = await createReview(dataDir, sampleReview('Code of conduct 2026'));
  const folderId = randomUUID();
  const folder = join(dataDir, 'reviews', `${folderId}.review.json`);
  await mkdir(folder);
  const pipeId = randomUUID();
  if (PIPES) execFileSync('mkfifo', [join(dataDir, 'reviews', `${pipeId}.review.json`)]);
  return { dataDir, goodId: good.id, folderId, folder, odd: PIPES ? [folderId, pipeId] : [folderId] };
}

const notAFile = (id: string) =>
  `“${id}.review.json” is not a file (it is a folder, or another kind of entry), so it cannot be shown as a review. ` +
  'Move it out of the folder “';

describe('an entry named as a review file that is not a file (a folder, a pipe)', () => {
  it('is listed as unreadable, with what to do, and the rest of the library is listed as usual', async () => {
    const { dataDir, goodId, odd } = await libraryWithOddEntries();
    const listed = await new ReviewLibrary(dataDir).list();
    expect(listed.find((r) => r.id === goodId)).toMatchObject({ state: 'ok', title: 'Code of conduct 2026' });
    for (const id of odd) {
      const entry = listed.find((r) => r.id === id);
      expect(entry).toMatchObject({ state: 'unreadable', title: `${id}.review.json` });
      expect(entry?.problem).toContain(notAFile(id));
    }
  });

  it('is refused, saying so, when opened or read, and is left as it was', async () => {
    const { dataDir, folderId, folder, odd } = await libraryWithOddEntries();
    const library = new ReviewLibrary(dataDir);
    for (const id of odd) {
      const refusal = { code: 'E_FORBIDDEN', message: expect.stringContaining(notAFile(id)) as unknown };
      await expect(library.openReview(id)).rejects.toMatchObject(refusal);
      await expect(library.read(id)).rejects.toMatchObject(refusal);
    }
    expect((await stat(folder)).isDirectory(), `${folderId}'s folder is still there`).toBe(true);
  });

  it('can be deleted from the library like any review, which moves it aside as it is', async () => {
    const { dataDir, goodId, folder, odd } = await libraryWithOddEntries();
    const library = new ReviewLibrary(dataDir);
    for (const id of odd) {
      const { movedTo } = await library.delete(id);
      expect((await stat(join(movedTo, `${id}.review.json`))).isFile()).toBe(false);
    }
    await expect(stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await library.list()).map((r) => r.id)).toEqual([goodId]);
  });

  it('does not stop `policy-review list`, nor a command that names another review', async () => {
    const { dataDir, goodId, odd } = await libraryWithOddEntries();
    const list = await runCli(['list', '--data-dir', dataDir]);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain(`${goodId}  Code of conduct 2026  (0 versions, 0 annotations,`);
    for (const id of odd) expect(list.stdout).toContain(`[unreadable]\n    ${notAFile(id)}`);

    // Named by its id, by the start of its id and by its title: the last two look through the whole library.
    for (const name of [goodId, goodId.slice(0, 8), 'code of conduct 2026']) {
      const conflicts = await runCli(['conflicts', name, '--json', '--data-dir', dataDir]);
      expect(conflicts, name).toMatchObject({ code: 0, stderr: '', stdout: '[]\n' });
    }
  });
});
