import { useMemo } from 'react';
import type { ChangeImpact, ImpactedCriterion } from '../../../../shared/api';
import type { Version } from '../../../../shared/model';
import { callInReview } from '../../api';
import { useAsyncValue, type AsyncValue } from '../../ui/useAsyncValue';
import { useAnnotations, useReviewData } from '../workspace';

/**
 * The criteria to re-check between two versions, from the services. Asked again whenever what it depends on
 * changes here: the older version's annotations (where they sit, their criteria) and its verdicts.
 */
export function useChangeImpact(from: Version | undefined, to: Version | undefined): AsyncValue<ChangeImpact> {
  const { reviewId, annotations: store, assessments } = useReviewData();
  const all = useAnnotations(store);
  const olderVerdicts = from ? assessments.forVersion(from.id) : undefined;
  const basis = useMemo(() => {
    if (!from) return '';
    const annotations = all.filter((a) => a.versionId === from.id).map((a) => `${a.id}@${a.updatedAt}`);
    const verdicts = (olderVerdicts ?? []).map((a) => `${a.criterionId}=${a.verdict}`);
    return [...annotations, ...verdicts].join(',');
  }, [all, from, olderVerdicts]);
  const key = from && to && from.id !== to.id ? `impact:${from.id}>${to.id}:${basis}` : null;
  return useAsyncValue(key, () =>
    callInReview(reviewId, 'compare.impact', { reviewId, fromVersionId: from!.id, toVersionId: to!.id }),
  );
}

/** The impacted criteria by id, for the Checklist's markers. */
export function impactById(impact: ChangeImpact | undefined): ReadonlyMap<string, ImpactedCriterion> {
  return new Map((impact?.criteria ?? []).map((c) => [c.criterionId, c]));
}
