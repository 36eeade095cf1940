import type { ImpactedCriterion } from '../../../../shared/api';
import type { Version } from '../../../../shared/model';
import { useCompareMode, useReviewData, useReviewNavigation } from '../workspace';
import { impactById, useChangeImpact } from './useChangeImpact';

/**
 * The criteria the Checklist marks "re-check" for the version under review: against the older version the
 * person compared it with in the Compare area, else against the version just before it in the review's order.
 */
export function useRecheckCriteria(): {
  from: Version | undefined;
  byCriterion: ReadonlyMap<string, ImpactedCriterion>;
} {
  const { versions } = useReviewData();
  const { selectedVersion } = useReviewNavigation();
  const { comparedPair } = useCompareMode();
  const at = selectedVersion ? versions.findIndex((v) => v.id === selectedVersion.id) : -1;
  const compared =
    comparedPair?.toVersionId === selectedVersion?.id
      ? versions.find((v) => v.id === comparedPair?.fromVersionId)
      : undefined;
  const from = compared && compared.id !== selectedVersion?.id ? compared : at > 0 ? versions[at - 1] : undefined;
  const impact = useChangeImpact(from, selectedVersion);
  const current =
    impact.data?.fromVersionId === from?.id && impact.data?.toVersionId === selectedVersion?.id
      ? impact.data
      : undefined;
  return { from, byCriterion: impactById(current) };
}
