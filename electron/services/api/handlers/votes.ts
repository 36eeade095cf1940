import type { VOTE_METHODS } from '../../../../shared/api';
import { recordVote, withdrawVote } from '../../../../shared/domain/votes/record-vote';
import { versionVotes } from '../../../../shared/domain/votes/version-votes';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** Each member's own vote per criterion, and how far the members agree. */
export function voteHandlers(ws: WorkstationServices): HandlersFor<typeof VOTE_METHODS> {
  return {
    'votes.record': ({ reviewId, ...input }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => recordVote(review, input, actor, clock)),
    'votes.withdraw': ({ reviewId, ...input }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => withdrawVote(review, input, actor, clock)),
    'votes.list': async ({ reviewId, versionId }, caller) =>
      versionVotes((await ws.sessions.open(reviewId, caller)).store.review, versionId),
  };
}
