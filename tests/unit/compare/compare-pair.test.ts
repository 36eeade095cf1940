import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import { compareVersions } from '../../../shared/compare';
import { comparePair } from '../../../shared/domain/compare/version-pair';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { call, importFile, reviewIn, RIVERTON } from '../import/support-import';
import { useTempDirs } from '../support/temp-dir';
import { annotate } from './support-review';

const tempDir = useTempDirs();
const opened = closedAfterEach<Workstation>();

describe('comparePair', () => {
  it('compares a pair of versions once while the review is open, across changes to the review', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    opened.push(ws);
    const v1 = (await importFile(ws, reviewId, `${RIVERTON}/v1.md`)).version;
    const v2 = (await importFile(ws, reviewId, `${RIVERTON}/v2.md`)).version;
    const store = await ws.library.openReview(reviewId);
    const versionsOf = () => [v1, v2].map((v) => store.review.versions.find((s) => s.id === v.id)!);

    const [older, newer] = versionsOf();
    const first = comparePair(older!, newer!);
    expect(first).toEqual(compareVersions(older!, newer!));
    expect(comparePair(older!, newer!)).toBe(first);
    // The other way round is another comparison.
    expect(comparePair(newer!, older!)).not.toBe(first);
    expect(comparePair(newer!, older!)).toEqual(compareVersions(newer!, older!));

    // A change to the review leaves its versions the same objects, so the pair is not compared again.
    await annotate(store, v1, [{ exact: 'Accounts opened without approval', criterionId: 'privacy.consent' }]);
    const [olderAfter, newerAfter] = versionsOf();
    expect(comparePair(olderAfter!, newerAfter!)).toBe(first);

    const answered = await call(ws, 'compare.versions', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    expect(answered.blocks).toEqual(first.blocks);
    expect(answered.counts).toEqual(first.counts);
  });
});
