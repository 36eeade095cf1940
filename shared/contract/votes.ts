import { z } from 'zod';
import { Category, CommitteeRole, CriterionId, RecordId, Verdict, Vote, VoteVerdict } from '../model';
import { method } from './common';

const VoteTarget = { reviewId: RecordId, versionId: RecordId, criterionId: CriterionId };

/** A member's vote as people read it: with the voter's name, and whether it differs from the committee's verdict. */
export const VoteView = Vote.extend({
  voterName: z.string(),
  voterRole: CommitteeRole.optional(),
  /** The committee has decided, and decided otherwise: a dissenting vote, kept visible in the report. */
  dissents: z.boolean(),
});
export type VoteView = z.infer<typeof VoteView>;

const Share = z.number().min(0).max(1);
/** Fleiss' kappa runs from −1 to 1; absent when it cannot be computed (fewer than two votes, or no variation). */
const Kappa = z.number().min(-1).max(1).optional();

export const CriterionVotes = z.object({
  criterionId: CriterionId,
  title: z.string(),
  category: Category,
  /** The committee's own verdict (the chair's or secretary's decision), "unreviewed" until there is one. */
  committeeVerdict: Verdict,
  votes: z.array(VoteView),
  voters: z.int().min(0),
  counts: z.record(VoteVerdict, z.int().min(0)),
  mostVoted: z.array(VoteVerdict),
  /** The share of the voters on the most voted verdict; absent without votes. */
  share: Share.optional(),
});
export type CriterionVotes = z.infer<typeof CriterionVotes>;

export const GroupAgreement = z.object({ criteriaCompared: z.int().min(0), kappa: Kappa });

/** The members' votes on a version, criterion by criterion in checklist order, with the agreement among them. */
export const VersionVotes = z.object({
  versionId: RecordId,
  criteria: z.array(CriterionVotes),
  categories: z.array(GroupAgreement.extend({ category: Category })),
  overall: GroupAgreement,
});
export type VersionVotes = z.infer<typeof VersionVotes>;

export const VOTE_METHODS = {
  /** The acting member's own vote on a criterion for a version; voting again replaces it. */
  'votes.record': method(
    z
      .object({
        ...VoteTarget,
        verdict: VoteVerdict,
        /** Left out: the member's rationale stays as it was (none for a first vote). */
        rationale: z.string().max(10_000, 'A rationale has at most 10,000 characters.').optional(),
      })
      .strict(),
    Vote,
  ),
  /** Withdraws the acting member's vote on a criterion for a version. */
  'votes.withdraw': method(z.object(VoteTarget).strict(), Vote),
  'votes.list': method(z.object({ reviewId: RecordId, versionId: RecordId }).strict(), VersionVotes),
} as const;
