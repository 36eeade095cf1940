import { describe, expect, it } from 'vitest';
import { composeVersionText } from '../../../shared/document';
import { addReply } from '../../../shared/domain/annotations/replies';
import { assessmentId, setAssessment } from '../../../shared/domain/assessments/set-assessment';
import type { Clock } from '../../../shared/domain/clock';
import { carryAnnotations } from '../../../shared/domain/compare/carry-annotations';
import { deleteVersion } from '../../../shared/domain/versions/edit-versions';
import { importedVersionId } from '../../../shared/domain/versions/version-id';
import { RecordId, type Block, type Review, type Version } from '../../../shared/model';
import { reviewRecordId } from '../../../shared/model/name-based-id';
import { plainTextToRichText } from '../../../shared/rich-text';
import { CHAIR, laptopClock, LEGAL, startingReview } from './merge/support-laptops';

// Versions, verdicts and carried annotations get ids named from what they are about, in the review's own
// namespace: two laptops holding copies of one review (as a package brings it) that make "the same" record give it
// the same id, whatever ids their clocks would have drawn; a merge then finds one record, not two.

const START = '2026-03-02T09:00:00.000Z';
const CONSENT = 'privacy.consent';
const SHA = 'b'.repeat(64);

/** The starting review (one version, two annotations) and a copy of it on a second laptop with a clock of its own. */
function twoCopies(): { first: Review; second: Review; clocks: [Clock, Clock] } {
  const first = startingReview(laptopClock(0, START));
  return {
    first,
    second: structuredClone(first),
    clocks: [laptopClock(1, '2026-03-02T10:00:00.000Z'), laptopClock(2, '2026-03-02T10:30:00.000Z')],
  };
}

/** A newer version of the starting review's policy: its last paragraph reworded. */
function newerVersion(review: Review, id: string): Version {
  const [older] = review.versions;
  const blocks: Block[] = older!.blocks.map((b, i, all) =>
    i === all.length - 1 ? { ...b, text: b.text.replace('are hidden', 'are removed') } : { ...b },
  );
  return { ...older!, id, label: '2024', blocks, text: composeVersionText(blocks).text };
}

describe('a review record id', () => {
  it('is a record id for any review id, even an older one that is not a UUID, and differs between reviews', () => {
    for (const reviewId of ['0b7c4b7e-1d2a-4c6e-9a51-3f2b8f7d6c10', 'riverton-2019', 'é'])
      expect(RecordId.safeParse(reviewRecordId(reviewId, 'version', SHA)).success).toBe(true);
    expect(reviewRecordId('riverton-2019', 'version', SHA)).toBe(reviewRecordId('riverton-2019', 'version', SHA));
    expect(reviewRecordId('riverton-2019', 'version', SHA)).not.toBe(reviewRecordId('riverton-2020', 'version', SHA));
    expect(reviewRecordId('riverton-2019', 'version', SHA)).not.toBe(reviewRecordId('riverton-2019', 'other', SHA));
    // The ids it is about are kept apart: (a, bc) is not (ab, c).
    expect(reviewRecordId('r', 'k', 'a', 'bc')).not.toBe(reviewRecordId('r', 'k', 'ab', 'c'));
  });
});

describe('an imported version’s id', () => {
  it('is the same on two copies of a review importing the same bytes, and another for other bytes', () => {
    const { first, second, clocks } = twoCopies();
    const id = importedVersionId(first, SHA, clocks[0]);
    expect(importedVersionId(second, SHA, clocks[1])).toBe(id);
    expect(id).toBe(reviewRecordId(first.id, 'version', SHA));
    expect(importedVersionId(first, 'c'.repeat(64), clocks[0])).not.toBe(id);
  });

  it('is a fresh one for the same bytes imported again into one review, even once the first is deleted', () => {
    const { first: review, clocks } = twoCopies();
    const [clock] = clocks;
    const named = importedVersionId(review, SHA, clock);
    review.versions.push(newerVersion(review, named));
    const again = importedVersionId(review, SHA, clock);
    expect(again).not.toBe(named);
    review.versions.push(newerVersion(review, again));
    expect(new Set(review.versions.map((v) => v.id)).size).toBe(review.versions.length);
    // A deleted version keeps its id as a tombstone, so importing its bytes again cannot take it back.
    deleteVersion(review, named, CHAIR, clock);
    deleteVersion(review, again, CHAIR, clock);
    expect([named, again]).not.toContain(importedVersionId(review, SHA, clock));
  });
});

describe('an assessment’s id', () => {
  it('is the same on two copies of a review setting the verdict on the same version and criterion', () => {
    const { first, second, clocks } = twoCopies();
    const versionId = first.versions[0]!.id;
    const input = { versionId, criterionId: CONSENT, rationale: '', annotationIds: [] };
    const onFirst = setAssessment(first, { ...input, verdict: 'met' }, CHAIR, clocks[0]);
    const onSecond = setAssessment(second, { ...input, verdict: 'not-met' }, LEGAL, clocks[1]);
    expect(onSecond.id).toBe(onFirst.id);
    expect(onFirst.id).toBe(assessmentId(first, versionId, CONSENT));
    const other = setAssessment(
      first,
      { ...input, criterionId: 'privacy.impact-assessment', verdict: 'met' },
      CHAIR,
      clocks[0],
    );
    expect(other.id).not.toBe(onFirst.id);
  });

  it('stays what it was in a review made before, whose assessments have random ids', () => {
    const { first: review, clocks } = twoCopies();
    const versionId = review.versions[0]!.id;
    const input = { versionId, criterionId: CONSENT, rationale: '', annotationIds: [] };
    const made = setAssessment(review, { ...input, verdict: 'met' }, CHAIR, clocks[0]);
    const older = clocks[0].newId();
    made.id = older;
    expect(setAssessment(review, { ...input, verdict: 'partial' }, CHAIR, clocks[0]).id).toBe(older);
    expect(review.assessments.map((a) => [a.id, a.verdict])).toEqual([[older, 'partial']]);
  });
});

describe('a carried annotation’s id', () => {
  /** Both copies hold a newer version (imported on the first, as the package brought it) and a reply to carry. */
  function copiesToCarry() {
    const { first, clocks } = twoCopies();
    first.versions.push(newerVersion(first, clocks[0].newId()));
    addReply(first, first.annotations[0]!.id, plainTextToRichText('Ask IT.'), CHAIR, clocks[0]);
    return { first, second: structuredClone(first), clocks, from: first.versions[0]!.id, to: first.versions[1]!.id };
  }

  it('and its replies’ are the same on two copies carrying the same annotations to the same version', () => {
    const { first, second, clocks, from, to } = copiesToCarry();
    const onFirst = carryAnnotations(first, from, to, CHAIR, clocks[0]);
    const onSecond = carryAnnotations(second, from, to, LEGAL, clocks[1]);
    expect(onFirst.carried).toHaveLength(2);
    expect(onSecond.carried).toEqual(onFirst.carried);
    const carried = (review: Review) =>
      review.annotations.filter((a) => a.versionId === to).map((a) => [a.id, a.replies.map((r) => r.id)]);
    expect(carried(second)).toEqual(carried(first));
    const [source] = first.annotations;
    expect(carried(first)[0]).toEqual([
      reviewRecordId(first.id, 'carried-annotation', source!.id, to),
      [reviewRecordId(first.id, 'carried-reply', source!.replies[0]!.id, to)],
    ]);
  });

  it('is a fresh one where the named id is already taken, and carrying again still carries nothing twice', () => {
    const { first: review, clocks, from, to } = copiesToCarry();
    const [source] = review.annotations;
    // A record of a hand-edited file holding the id the first copy would be named.
    const named = reviewRecordId(review.id, 'carried-annotation', source!.id, to);
    review.annotations[1]!.id = named;
    const outcome = carryAnnotations(review, from, to, CHAIR, clocks[0]);
    const ids = review.annotations.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(outcome.carried.map((c) => c.annotationId)).not.toContain(named);
    expect(carryAnnotations(review, from, to, CHAIR, clocks[0])).toMatchObject({ carried: [], alreadyCarried: 2 });
  });
});
