import { copyFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { call, importFile, reviewIn, RIVERTON } from '../import/support-import';
import { useTempDirs } from '../support/temp-dir';
import { openTestWorkstation } from '../../support/test-workstation';

const tempDir = useTempDirs();
const opened = closedAfterEach<Workstation>();

describe('an imported version’s id', () => {
  it('is the same on two laptops importing one file into copies of a review; importing it again makes another', async () => {
    const { ws: first, reviewId } = await reviewIn(await tempDir());
    opened.push(first);
    // The second laptop's library holds a copy of the review's file, as opening a package of it would.
    const secondDir = await tempDir();
    const file = first.library.fileFor(reviewId);
    await mkdir(join(secondDir, 'reviews'));
    await copyFile(file, join(secondDir, 'reviews', basename(file)));
    const second = await openTestWorkstation({ dataDir: secondDir });
    opened.push(second);

    const onFirst = (await importFile(first, reviewId, `${RIVERTON}/v1.txt`)).version;
    const onSecond = (await importFile(second, reviewId, `${RIVERTON}/v1.txt`)).version;
    expect(onSecond.id).toBe(onFirst.id);
    expect((await importFile(second, reviewId, `${RIVERTON}/v2.txt`)).version.id).not.toBe(onFirst.id);

    // The same bytes imported again into one review stay allowed, and make a version of their own.
    const again = (await importFile(first, reviewId, `${RIVERTON}/v1.txt`)).version;
    expect(again.id).not.toBe(onFirst.id);
    const { review } = await call(first, 'reviews.open', { reviewId });
    expect(review.versions.map((v) => [v.id, v.source.sha256])).toEqual([
      [onFirst.id, onFirst.source.sha256],
      [again.id, onFirst.source.sha256],
    ]);
  });
});
