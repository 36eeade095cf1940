import { AppError } from '../../errors';
import { Vote, copyOf, type Author, type Review, type VoteVerdict } from '../../model';
import { VERDICT_LABELS } from '../../vocabulary';
import { liveCriterion } from '../assessments/set-assessment';
import type { Clock } from '../clock';
import { recordAudit } from '../reviews/audit';
import { validRecord } from '../valid-record';
import { liveVersion } from '../versions/version-summary';
import { voteId } from './vote-id';
import { voterFor } from './voter';

export interface VoteInput {
  versionId: string;
  criterionId: string;
  verdict: VoteVerdict;
  /** Left out, the rationale stays as it was: none for a first vote. */
  rationale?: string | undefined;
}

/**
 * Records the acting member's own vote on one criterion for one version. Voting again changes the same vote (one
 * per member, version and criterion), and brings back a withdrawn one. The committee's verdict is not touched.
 */
export function recordVote(review: Review, input: VoteInput, actor: Author, clock: Clock): Vote {
  const voter = voterFor(review, actor);
  const version = liveVersion(review, input.versionId);
  const criterion = liveCriterion(review, input.criterionId);
  const id = voteId(voter.id, version.id, criterion.id);
  const existing = review.votes.find((v) => v.id === id);
  const rationale = input.rationale?.trim() ?? (existing && !existing.deletedAt ? existing.rationale : '');
  if (existing && !existing.deletedAt && existing.verdict === input.verdict && existing.rationale === rationale)
    return existing;
  const now = clock.now();
  const before = existing && !existing.deletedAt ? existing.verdict : undefined;
  let vote: Vote;
  if (existing) {
    Object.assign(existing, { verdict: input.verdict, rationale, author: actor, updatedAt: now });
    delete existing.deletedAt;
    vote = validRecord(Vote, existing, 'vote');
  } else {
    vote = validRecord(
      Vote,
      {
        id,
        voterId: voter.id,
        versionId: version.id,
        criterionId: criterion.id,
        verdict: input.verdict,
        rationale,
        author: actor,
        createdAt: now,
        updatedAt: now,
      },
      'vote',
    );
    review.votes.push(vote);
  }
  const what =
    before && before !== input.verdict
      ? `Changed ${voter.name}’s vote from “${VERDICT_LABELS[before]}” to “${VERDICT_LABELS[input.verdict]}”`
      : `${voter.name} voted “${VERDICT_LABELS[input.verdict]}”`;
  recordAudit(
    review,
    actor,
    clock,
    'votes.record',
    `${what} on “${criterion.title}” for version “${version.label}”.`,
    vote.id,
  );
  return vote;
}

/** Withdraws the acting member's vote on a criterion for a version: it leaves a tombstone, so merges keep it gone. */
export function withdrawVote(
  review: Review,
  input: { versionId: string; criterionId: string },
  actor: Author,
  clock: Clock,
): Vote {
  const voter = voterFor(review, actor);
  const version = liveVersion(review, input.versionId);
  const criterion = liveCriterion(review, input.criterionId);
  const vote = review.votes.find((v) => v.id === voteId(voter.id, version.id, criterion.id) && !v.deletedAt);
  if (!vote)
    throw new AppError(
      'E_NOT_FOUND',
      `${voter.name} has no vote on “${criterion.title}” for version “${version.label}” to withdraw.`,
    );
  const now = clock.now();
  vote.deletedAt = now;
  vote.updatedAt = now;
  recordAudit(
    review,
    actor,
    clock,
    'votes.withdraw',
    `${voter.name} withdrew their vote “${VERDICT_LABELS[vote.verdict]}” on “${criterion.title}” for version “${version.label}”.`,
    vote.id,
  );
  return vote;
}

/** The live votes on a version, as copies (the services' door copies what a change returns, not what a read does). */
export function listVotes(review: Review, versionId: string): Vote[] {
  const version = liveVersion(review, versionId);
  return review.votes.filter((v) => v.versionId === version.id && !v.deletedAt).map((v) => copyOf(v));
}
