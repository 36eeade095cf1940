import { nameBasedId } from '../../model/name-based-id';

/** The namespace of vote ids: fixed for ever, since changing it would split every vote already recorded in two. */
const VOTE_NAMESPACE = 'bb5dbdf0-dad6-46e5-a757-d647bc269522';

/**
 * A vote's id, from whose vote it is on what: the same member's vote on the same version and criterion has the
 * same id on every laptop, so merging two copies finds one vote (changed on both sides at worst), never two.
 */
export function voteId(voterId: string, versionId: string, criterionId: string): string {
  // None of the three holds a line break (two are UUIDs, criterion ids are [a-z0-9.-]), so the name is unambiguous.
  return nameBasedId(VOTE_NAMESPACE, `${voterId}\n${versionId}\n${criterionId}`);
}
