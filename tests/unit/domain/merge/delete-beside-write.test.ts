import { describe, expect, it } from 'vitest';
import { listConflicts } from '../../../../shared/domain/merge/conflicts';
import { mergeReviews } from '../../../../shared/domain/merge/merge-reviews';
import { readMergeable, type MergeableReview } from '../../../../shared/domain/merge/mergeable-review';
import { versionContents } from '../../../../shared/domain/merge/review-records';
import { renameReview } from '../../../../shared/domain/reviews/edit-review';
import type { Review } from '../../../../shared/model';
import { Laptop, laptopClock, LEGAL, PRIVACY, receive, setLegalAdvisorsEmail, startingReview } from './support-laptops';

const START = '2026-03-02T09:00:00.000Z';

// Automerge 3.2.6, the engine before Yjs, took in a deletion wrongly in memory when a write to the same field arrived
// with it, made without knowledge of the deleted value and ordered before it (a lower operation counter). Here the
// chair renames the review first, so her email's operation counted higher than the privacy officer's, made on a
// laptop that saw none of the chair's work. Kept: a clear beside a write made apart is where registers are subtle.
describe('a field cleared on one laptop while another laptop writes it', () => {
  it('reads as the write on a third laptop that held the cleared value, as the merged history reads', () => {
    const start = startingReview(laptopClock(0, START));
    const contents = versionContents(start);
    const chair = Laptop.first(start, laptopClock(1, '2026-03-02T10:00:00.000Z'));
    const legal = chair.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:30:00.000Z'));
    const privacy = chair.copyTo(3, PRIVACY, laptopClock(3, '2026-03-02T10:40:00.000Z'));
    const lena = (review: Review) => review.committee.find((m) => m.name === LEGAL.name)!;
    const lenasEmail = (document: MergeableReview) => lena(readMergeable(document, (id) => contents.get(id))).email;

    chair.act((review, actor, clock) => renameReview(review, 'Riverton social media policy, 2023 draft', actor, clock));
    chair.act((review, actor, clock) => setLegalAdvisorsEmail(review, 'lena@riverton.example', actor, clock));
    // The legal advisor takes in the chair's work: her laptop now holds the email the chair will clear.
    const legalHolding = mergeReviews(receive(legal.document), chair.document).document;
    expect(lenasEmail(legalHolding)).toBe('lena@riverton.example');

    chair.clock.setTo('2026-03-02T11:00:00.000Z');
    chair.act((review, actor, clock) => setLegalAdvisorsEmail(review, undefined, actor, clock));
    privacy.act((review, actor, clock) => setLegalAdvisorsEmail(review, 'legal@riverton.example', actor, clock));
    const chairMerged = mergeReviews(receive(chair.document), privacy.document).document;
    expect(lenasEmail(chairMerged)).toBe('legal@riverton.example');

    // The chair's package reaches the legal advisor: the deletion and the privacy officer's write arrive together.
    const { document, counts } = mergeReviews(receive(legalHolding), chairMerged);
    expect(lenasEmail(receive(document))).toBe('legal@riverton.example');
    expect(lenasEmail(document)).toBe('legal@riverton.example');
    // A write and a deletion made apart are no conflict: the write stands, on every laptop.
    expect(listConflicts(document)).toEqual([]);
    expect(counts.conflicts).toBe(0);
    expect(counts.changed).toBeGreaterThan(0);
  });
});
