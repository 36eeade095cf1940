import { describe, expect, it } from 'vitest';
import { setAssessment } from '../../../../shared/domain/assessments/set-assessment';
import { listConflicts } from '../../../../shared/domain/merge/conflicts';
import { mergeReviews } from '../../../../shared/domain/merge/merge-reviews';
import { readMergeable } from '../../../../shared/domain/merge/mergeable-review';
import { versionContents } from '../../../../shared/domain/merge/review-records';
import type { Author, Review, Verdict } from '../../../../shared/model';
import type { Clock } from '../../../../shared/domain/clock';
import { Laptop, laptopClock, LEGAL, receive, startingReview } from './support-laptops';

// Records two laptops make about the same thing get the same id (shared/model/name-based-id.ts), so a merge,
// matching records by id, finds one record changed on both sides where random ids would find two.

const START = '2026-03-02T09:00:00.000Z';

describe('records two laptops make about the same thing', () => {
  it('are one assessment when both set the committee’s verdict on one criterion, its verdict a conflict', () => {
    const chair = Laptop.first(startingReview(laptopClock(0, START)), laptopClock(1, '2026-03-02T10:00:00.000Z'));
    const legal = chair.copyTo(2, LEGAL, laptopClock(2, '2026-03-02T10:30:00.000Z'));
    const versionId = chair.review.versions[0]!.id;
    const assess = (verdict: Verdict) => (review: Review, actor: Author, clock: Clock) =>
      setAssessment(
        review,
        { versionId, criterionId: 'privacy.consent', verdict, rationale: 'Read twice.', annotationIds: [] },
        actor,
        clock,
      );
    const onChair = chair.act(assess('met'));
    const onLegal = legal.act(assess('not-met'));
    expect(onLegal.id).toBe(onChair.id);

    const contents = versionContents(chair.review);
    for (const [into, from] of [
      [chair, legal],
      [legal, chair],
    ] as const) {
      const outcome = mergeReviews(receive(into.document), from.document);
      const assessments = readMergeable(outcome.document, (id) => contents.get(id)).assessments;
      expect(assessments.map((a) => [a.id, a.versionId, a.criterionId])).toEqual([
        [onChair.id, versionId, 'privacy.consent'],
      ]);
      // Both verdicts kept until a person decides, each side saying who set it; who set it last (`author`) and
      // when are bookkeeping, never a conflict of their own.
      const conflicts = listConflicts(outcome.document);
      expect(conflicts.map((c) => [c.record, c.field])).toEqual([
        [{ collection: 'assessments', id: onChair.id }, 'verdict'],
      ]);
      expect(conflicts[0]!.values.map((v) => [v.value, v.author?.name])).toEqual([
        ['met', 'Ada Chair'],
        ['not-met', 'Lena Legal'],
      ]);
    }
  });
});
