import { useMemo } from 'react';
import type { SelectedRange } from '../../../../shared/api';
import { callInReview } from '../../api';
import { useReviewData } from '../workspace';

/**
 * A person's decisions on carried anchors (confirm, mark orphaned, re-attach to selected words): each calls the
 * services and applies the annotation they return to the store, which redraws (or drops) its highlight.
 */
export function useAnchorDecisions() {
  const { reviewId, annotations } = useReviewData();
  return useMemo(() => {
    const ref = (annotationId: string) => ({ reviewId, annotationId });
    return {
      async confirm(annotationId: string) {
        const annotation = await callInReview(reviewId, 'annotations.confirmAnchor', ref(annotationId));
        annotations.upsert(annotation);
        return annotation;
      },
      async markOrphaned(annotationId: string) {
        const annotation = await callInReview(reviewId, 'annotations.markOrphaned', ref(annotationId));
        annotations.upsert(annotation);
        return annotation;
      },
      async reattach(annotationId: string, range: SelectedRange) {
        const annotation = await callInReview(reviewId, 'annotations.reattach', { ...ref(annotationId), range });
        annotations.upsert(annotation);
        return annotation;
      },
    };
  }, [reviewId, annotations]);
}
