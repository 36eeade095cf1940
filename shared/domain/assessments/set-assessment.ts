import { AppError } from '../../errors';
import { Assessment, copyOf, type Author, type Criterion, type Review, type Verdict } from '../../model';
import { reviewRecordId } from '../../model/name-based-id';
import { VERDICT_LABELS } from '../../vocabulary';
import { quoteOf } from '../annotations/edit-annotations';
import { validRecord } from '../valid-record';
import { recordAudit } from '../reviews/audit';
import { liveVersion } from '../versions/version-summary';
import type { Clock } from '../clock';

export interface VerdictInput {
  versionId: string;
  criterionId: string;
  verdict: Verdict;
  rationale: string;
  /** The annotations of that version that support the verdict. */
  annotationIds: string[];
}

/**
 * Records the committee's verdict on one criterion for one version: one assessment per (version, criterion),
 * created on first use and changed in place after, by the person acting. Its actions stay as they are.
 */
export function setAssessment(review: Review, input: VerdictInput, actor: Author, clock: Clock): Assessment {
  const version = liveVersion(review, input.versionId);
  const criterion = liveCriterion(review, input.criterionId);
  const annotationIds = [...new Set(input.annotationIds)];
  for (const id of annotationIds) {
    const annotation = review.annotations.find((a) => a.id === id && !a.deletedAt);
    if (!annotation)
      throw new AppError(
        'E_NOT_FOUND',
        'An annotation given in support of the verdict is not in this review any more; it may have been deleted. Reload and try again.',
      );
    if (annotation.versionId !== version.id) {
      const other = review.versions.find((v) => v.id === annotation.versionId)?.label ?? 'another version';
      throw new AppError(
        'E_INVALID_INPUT',
        `The annotation on ${quoteOf(annotation)} is on version ` +
          `“${other}”; a verdict on version “${version.label}” can ` +
          `only cite annotations of that version.`,
      );
    }
  }
  const rationale = input.rationale.trim();
  const now = clock.now();
  const existing = review.assessments.find((a) => a.versionId === version.id && a.criterionId === criterion.id);
  if (
    existing &&
    existing.verdict === input.verdict &&
    existing.rationale === rationale &&
    existing.annotationIds.join() === annotationIds.join()
  )
    return existing;
  const before = existing?.verdict ?? 'unreviewed';
  const assessment =
    existing ??
    validRecord(
      Assessment,
      {
        id: assessmentId(review, version.id, criterion.id),
        versionId: version.id,
        criterionId: criterion.id,
        verdict: input.verdict,
        rationale,
        annotationIds,
        author: actor,
        createdAt: now,
        updatedAt: now,
        actions: [],
      },
      'verdict',
    );
  if (existing) {
    Object.assign(existing, { verdict: input.verdict, rationale, annotationIds, author: actor, updatedAt: now });
    validRecord(Assessment, existing, 'verdict');
  } else {
    review.assessments.push(assessment);
  }
  const change =
    before === input.verdict
      ? `Updated the verdict “${VERDICT_LABELS[input.verdict]}”`
      : `Set the verdict ${before === 'unreviewed' ? '' : `from “${VERDICT_LABELS[before]}” `}to “${VERDICT_LABELS[input.verdict]}”`;
  const support = annotationIds.length
    ? `, citing ${annotationIds.length} annotation${annotationIds.length === 1 ? '' : 's'}`
    : '';
  recordAudit(
    review,
    actor,
    clock,
    'assessments.set',
    `${change} on “${criterion.title}” for version “${version.label}”${support}.`,
    assessment.id,
  );
  return assessment;
}

/**
 * An assessment's id, from the version and criterion it judges (there is one per pair): the committee's verdict
 * set on the same criterion on two laptops is one record when their copies merge, changed on both sides at worst.
 * A review made before keeps its assessments' random ids: `setAssessment` finds an assessment by the pair.
 */
export function assessmentId(review: Review, versionId: string, criterionId: string): string {
  return reviewRecordId(review.id, 'assessment', versionId, criterionId);
}

/** The verdicts recorded for a version, with their live actions. */
export function listAssessments(review: Review, versionId: string): Assessment[] {
  const version = liveVersion(review, versionId);
  // Copies, so later changes do not reach a list someone holds (the services' door copies what a change returns).
  return review.assessments.filter((a) => a.versionId === version.id).map((a) => copyOf(assessmentView(a)));
}

/** An assessment as people see it: its deleted actions left out. Not a copy. */
export function assessmentView(assessment: Assessment): Assessment {
  return { ...assessment, actions: assessment.actions.filter((a) => !a.deletedAt) };
}

export function liveCriterion(review: Review, criterionId: string): Criterion {
  const criterion = review.checklist.criteria.find((c) => c.id === criterionId && !c.deletedAt);
  if (!criterion)
    throw new AppError('E_NOT_FOUND', `The criterion “${criterionId}” is not in this review’s checklist.`);
  return criterion;
}
