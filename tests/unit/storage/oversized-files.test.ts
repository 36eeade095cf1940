import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { createReview, sampleReview, sha256OfFile } from './fixtures';

const tempDir = useTempDirs();
const SIZE = 600 * 1024 * 1024;

/**
 * A library with one good review and one `<uuid>.review.json` of 600 MB beside it. The large file is sparse
 * (ftruncate), so it takes no disk space; it reads as 600 MB of zero bytes.
 */
async function libraryWithHugeFile() {
  const dataDir = await tempDir();
  const good = await createReview(dataDir, sampleReview('Code of conduct 2026'));
  const hugeId = randomUUID();
  const huge = join(dataDir, 'reviews', `${hugeId}.review.json`);
  const handle = await open(huge, 'w');
  await handle.truncate(SIZE);
  await handle.close();
  expect((await stat(huge)).size).toBe(SIZE);
  return { dataDir, goodId: good.id, hugeId, huge };
}

const tooLarge = (hugeId: string) =>
  `The review file “${hugeId}.review.json” is 600 MB, more than the 256 MB a review can be, so it was not read. It has not been changed. ` +
  'It is probably not a review (a file copied there by mistake) or a damaged one. Move it out of the folder “';

describe('a review file far larger than a review can be', () => {
  it('is listed as too large, with what to do, and the rest of the library is listed as usual', async () => {
    const { dataDir, goodId, hugeId } = await libraryWithHugeFile();
    const listed = await new ReviewLibrary(dataDir).list();
    expect(listed.find((r) => r.id === goodId)).toMatchObject({ state: 'ok', title: 'Code of conduct 2026' });
    const entry = listed.find((r) => r.id === hugeId);
    expect(entry).toMatchObject({ state: 'too-large', title: `${hugeId}.review.json` });
    expect(entry?.problem).toContain(tooLarge(hugeId));
  });

  it('is refused with E_TOO_LARGE when opened or read, and is left as it was', async () => {
    const { dataDir, hugeId, huge } = await libraryWithHugeFile();
    const library = new ReviewLibrary(dataDir);
    await expect(library.openReview(hugeId)).rejects.toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining(tooLarge(hugeId)) as unknown,
    });
    await expect(library.read(hugeId)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    expect((await stat(huge)).size).toBe(SIZE);
    expect((await stat(huge)).blocks, 'still sparse: nothing was written into it').toBeLessThan(64);
  });

  it('does not stop `policy-review list`, and `show` says it is too large', async () => {
    const { dataDir, goodId, hugeId } = await libraryWithHugeFile();
    const list = await runCli(['list', '--data-dir', dataDir]);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain(`${goodId}  Code of conduct 2026  (0 versions, 0 annotations,`);
    expect(list.stdout).toContain(
      `${hugeId}  ${hugeId}.review.json  (0 versions, 0 annotations, 0 criteria)  [too-large]\n    ${tooLarge(hugeId)}`,
    );

    const show = await runCli(['show', hugeId, '--data-dir', dataDir]);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain(`policy-review show: ${tooLarge(hugeId)}`);
  });

  it('can be replaced by its last good backup, which moves it aside without reading it', async () => {
    const dataDir = await tempDir();
    const { library, id, file } = await createReview(dataDir);
    await library.openReview(id);
    await library.closeAll();
    const good = await sha256OfFile(file);
    const handle = await open(file, 'r+');
    await handle.truncate(SIZE);
    await handle.close();

    const fresh = new ReviewLibrary(dataDir);
    const listed = (await fresh.list()).find((r) => r.id === id);
    expect(listed).toMatchObject({ state: 'too-large', title: 'Social media policy 2026' });
    expect(listed?.lastGoodBackup).toBeDefined();
    expect((await fresh.restoreBackup(id)).state).toBe('ok');
    expect(await sha256OfFile(file)).toBe(good);
  });
});
