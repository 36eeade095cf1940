import type { VersionVotes } from '../../../../shared/api';
import { callInReview } from '../../api';
import { useAsyncValue, type AsyncValue } from '../../ui/useAsyncValue';

/** The members' votes on a version and their agreement, asked again with `reload()` after a vote. */
export function useVersionVotes(reviewId: string, versionId: string | undefined): AsyncValue<VersionVotes> {
  return useAsyncValue(versionId ? `votes:${reviewId}:${versionId}` : null, () =>
    callInReview(reviewId, 'votes.list', { reviewId, versionId: versionId! }),
  );
}
