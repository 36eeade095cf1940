import { callInReview } from '../../api';
import { useAsyncValue } from '../../ui/useAsyncValue';

/** The open review's conflicts, asked in the review's queue of calls; `reload()` after a merge or a decision. */
export function useConflicts(reviewId: string, open: boolean) {
  return useAsyncValue(open ? `conflicts:${reviewId}` : null, () =>
    callInReview(reviewId, 'conflicts.list', { reviewId }),
  );
}
