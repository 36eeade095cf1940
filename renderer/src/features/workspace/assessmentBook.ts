import { useCallback, useMemo, useState } from 'react';
import type { Assessment } from '../../../../shared/model';
import { callInReview } from '../../api';

/** The verdicts of the open review by version, as the services last confirmed them. */
export interface AssessmentBook {
  forVersion: (versionId: string) => readonly Assessment[];
  /** Applies one assessment the services returned. */
  put: (assessment: Assessment) => void;
  /** Asks the services again for one version's assessments (after an action changed). */
  reload: (versionId: string) => Promise<void>;
}

function byVersion(assessments: readonly Assessment[]): Map<string, Assessment[]> {
  const map = new Map<string, Assessment[]>();
  for (const assessment of assessments) {
    const list = map.get(assessment.versionId);
    if (list) list.push(assessment);
    else map.set(assessment.versionId, [assessment]);
  }
  return map;
}

const NONE: readonly Assessment[] = [];

export function useAssessmentBook(reviewId: string, initial: readonly Assessment[]): AssessmentBook {
  const [book, setBook] = useState(() => byVersion(initial));
  const put = useCallback(
    (assessment: Assessment) =>
      setBook((current) => {
        const list = current.get(assessment.versionId) ?? [];
        const others = list.filter((a) => a.criterionId !== assessment.criterionId);
        return new Map(current).set(assessment.versionId, [...others, assessment]);
      }),
    [],
  );
  const reload = useCallback(
    async (versionId: string) => {
      const list = await callInReview(reviewId, 'assessments.list', { reviewId, versionId });
      setBook((current) => new Map(current).set(versionId, list));
    },
    [reviewId],
  );
  return useMemo(
    () => ({ forVersion: (versionId: string) => book.get(versionId) ?? NONE, put, reload }),
    [book, put, reload],
  );
}
