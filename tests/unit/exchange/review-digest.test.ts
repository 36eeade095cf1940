import { describe, expect, it } from 'vitest';
import { reviewDigest } from '../../../electron/services/exchange/review-digest';
import { changeOnCopy } from '../../../electron/services/storage/change-on-copy';
import { updateAnnotation } from '../../../shared/domain/annotations/edit-annotations';
import { Review } from '../../../shared/model';
import { CHAIR, laptopClock, startingReview } from '../domain/merge/support-laptops';

/** The same review as its file reads: every field in the schema's order, every object a new one. */
const asRead = (review: Review) => Review.parse(JSON.parse(JSON.stringify(review)));

/** The same content with each annotation's fields in another order, as a change that added a field leaves them. */
const reordered = (review: Review): Review => ({
  ...review,
  annotations: review.annotations.map((a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a),
});

describe('a review’s digest (what the conflicts as listed last were listed for)', () => {
  const clock = laptopClock(1, '2026-03-02T10:00:00.000Z');
  const review = asRead(startingReview(clock));

  it('is the same for reviews that read alike, however their records were made or their fields ordered', () => {
    expect(review.annotations.length).toBeGreaterThan(0);
    const digest = reviewDigest(review);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(reviewDigest(asRead(review))).toBe(digest);
    expect(reviewDigest(reordered(review))).toBe(digest);
  });

  it('tells a change of any record, and of the review’s own fields, after the records it kept were told before', () => {
    const digest = reviewDigest(review);
    const [first] = review.annotations;
    // A change as the store makes it: a new review sharing every record it did not write.
    const { next } = changeOnCopy(review, (draft) =>
      updateAnnotation(draft, first!.id, { severity: first!.severity === 'major' ? 'minor' : 'major' }, CHAIR, clock),
    );
    expect(next.annotations[1]).toBe(review.annotations[1]);
    expect(reviewDigest(next)).not.toBe(digest);
    // Told from records already told, it is what the same review read afresh is told.
    expect(reviewDigest(next)).toBe(reviewDigest(asRead(next)));
    expect(reviewDigest({ ...review, title: 'Another title' })).not.toBe(digest);
  });

  it('is none for a review the schema refuses', () => {
    const broken = { ...review, annotations: [{ ...review.annotations[0]!, severity: 'unheard-of' }] };
    expect(reviewDigest(broken as unknown as Review)).toBeUndefined();
  });
});
