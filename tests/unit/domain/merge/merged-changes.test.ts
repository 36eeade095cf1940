import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deleteAnnotation,
  setAnnotationStatus,
  updateAnnotation,
} from '../../../../shared/domain/annotations/edit-annotations';
import { addReply } from '../../../../shared/domain/annotations/replies';
import { mergeReviews } from '../../../../shared/domain/merge/merge-reviews';
import { readMergedChanges, withCheckedRecords } from '../../../../shared/domain/merge/merged-changes';
import { fieldText, readMergeable } from '../../../../shared/domain/merge/mergeable-review';
import { versionContents } from '../../../../shared/domain/merge/review-records';
import { renameReview } from '../../../../shared/domain/reviews/edit-review';
import { Review, SEVERITIES } from '../../../../shared/model';
import { plainTextToRichText } from '../../../../shared/rich-text';
import { CHAIR, Laptop, laptopClock, LEGAL, receive, startingReview } from './support-laptops';

// A merge reads back only what the changes that arrived wrote, and takes the rest from the review as it was: the
// result must be exactly the review read from the whole merged document, whatever the two sides did.

const edit = fc.oneof(
  fc.record({ kind: fc.constant('severity' as const), n: fc.nat(4), severity: fc.constantFrom(...SEVERITIES) }),
  fc.record({ kind: fc.constant('reply' as const), n: fc.nat(4) }),
  fc.record({ kind: fc.constant('delete' as const), n: fc.nat(4) }),
  fc.record({ kind: fc.constant('rename' as const), title: fc.constantFrom('Policy A', 'Policy B') }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function apply(laptop: Laptop, item: Edit): void {
  laptop.act((review, actor, clock) => {
    const target = review.annotations[('n' in item ? item.n : 0) % Math.max(1, review.annotations.length)];
    try {
      if (item.kind === 'rename') renameReview(review, item.title, actor, clock);
      else if (!target) return;
      else if (item.kind === 'severity') updateAnnotation(review, target.id, { severity: item.severity }, actor, clock);
      else if (item.kind === 'reply') addReply(review, target.id, plainTextToRichText('Noted.'), actor, clock);
      else deleteAnnotation(review, target.id, actor, clock);
    } catch {
      // Refused by the domain (a deleted annotation): nothing changed.
    }
  });
}

/** The laptop the review began on, and where its versions' content is read from. */
function firstLaptop() {
  const base = Laptop.first(
    startingReview(laptopClock(0, '2026-03-02T09:00:00.000Z')),
    laptopClock(1, '2026-03-02T10:00:00.000Z'),
  );
  const contents = versionContents(base.review);
  return { base, contentOf: (id: string) => contents.get(id) };
}

describe('reading a merge back (property)', () => {
  it('gives the review the whole merged document reads as, and checks every record that changed', () => {
    const { base, contentOf } = firstLaptop();
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.array(edit, { maxLength: 6 }), (mine, theirs) => {
        const chair = base.copyTo(1, CHAIR, laptopClock(1, '2026-03-02T10:00:00.000Z'));
        const legal = base.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:00:00.000Z'));
        mine.forEach((item, n) => (chair.clock.setTo(`2026-03-02T1${n}:01:00.000Z`), apply(chair, item)));
        theirs.forEach((item, n) => (legal.clock.setTo(`2026-03-02T1${n}:02:00.000Z`), apply(legal, item)));

        const before = chair.read();
        const { document, touched } = mergeReviews(receive(chair.document), legal.document);
        const changes = readMergedChanges(document, touched, before, contentOf);
        const whole = Review.parse(readMergeable(document, contentOf));
        const checked = withCheckedRecords(changes.review, Review.parse(changes.arrived));
        expect(fieldText(Review.parse(changes.review))).toBe(fieldText(whole));
        expect(fieldText(checked)).toBe(fieldText(whole));
        // Every record that reads differently after the merge is among those checked.
        const arrivedIds = new Set(JSON.stringify(changes.arrived).match(/"id":"[^"]+"/g));
        for (const annotation of whole.annotations) {
          const was = before.annotations.find((a) => a.id === annotation.id);
          if (!was || fieldText(was) !== fieldText(annotation))
            expect(arrivedIds.has(`"id":"${annotation.id}"`)).toBe(true);
        }
        // Every record the merge did not write is the very object the review held before, so whoever saves the
        // merged review finds what changed by identity (the store's journal writes only those).
        const held = new Map(before.annotations.map((a) => [a.id, a]));
        for (const annotation of changes.review.annotations)
          if (!arrivedIds.has(`"id":"${annotation.id}"`)) expect(annotation).toBe(held.get(annotation.id));
        expect(changes.review.versions).toBe(before.versions);
        expect(changes.review.checklist.criteria).toBe(before.checklist.criteria);
      }),
      { numRuns: 40, seed: Number(process.env['TEST_SEED'] ?? 1405) },
    );
  });
});

describe('reading a merge back', () => {
  it('reads a time field both laptops wrote as the later of the two, whichever the engine shows', () => {
    const { base, contentOf } = firstLaptop();
    const [first, second] = base.review.annotations;
    const chair = base.copyTo(1, CHAIR, laptopClock(1, '2026-03-02T11:00:00.000Z'));
    const legal = base.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:30:00.000Z'));
    // The legal advisor writes more before she changes the first annotation, so the engine shows her (earlier) time.
    legal.act((review, actor, clock) => updateAnnotation(review, second!.id, { severity: 'minor' }, actor, clock));
    legal.act((review, actor, clock) => renameReview(review, 'Riverton policy (legal)', actor, clock));
    legal.act((review, actor, clock) => setAnnotationStatus(review, first!.id, 'resolved', actor, clock));
    chair.act((review, actor, clock) => updateAnnotation(review, first!.id, { severity: 'critical' }, actor, clock));

    const before = chair.read();
    const { document, touched } = mergeReviews(receive(chair.document), legal.document);
    const shown = readMergeable(document, contentOf);
    const merged = readMergedChanges(document, touched, before, contentOf).review;
    for (const review of [shown, merged])
      expect(review.annotations.find((a) => a.id === first!.id)).toMatchObject({
        severity: 'critical',
        status: 'resolved',
        updatedAt: '2026-03-02T11:00:00.000Z',
      });
  });
});
