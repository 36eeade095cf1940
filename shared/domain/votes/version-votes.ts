import type { CriterionVotes, VersionVotes, VoteView } from '../../api';
import { copyOf, type Review } from '../../model';
import { liveVersion } from '../versions/version-summary';
import { versionAgreement } from './agreement';

/**
 * The members' votes on a version as the Checklist, the report and the command line show them: each live
 * criterion in checklist order with the committee's verdict beside its votes (voters in committee order) and the
 * agreement among them, then per category and overall.
 */
export function versionVotes(review: Review, versionId: string): VersionVotes {
  const version = liveVersion(review, versionId);
  const criteria = review.checklist.criteria.filter((c) => !c.deletedAt);
  const votes = review.votes.filter((v) => v.versionId === version.id && !v.deletedAt);
  const agreement = versionAgreement(criteria, votes);
  const place = new Map(review.committee.map((m, i) => [m.id, i]));
  return {
    versionId: version.id,
    criteria: criteria.map((criterion, i): CriterionVotes => {
      const committeeVerdict =
        review.assessments.find((a) => a.versionId === version.id && a.criterionId === criterion.id)?.verdict ??
        'unreviewed';
      const onCriterion = votes
        .filter((v) => v.criterionId === criterion.id)
        .sort((a, b) => (place.get(a.voterId) ?? Infinity) - (place.get(b.voterId) ?? Infinity));
      const viewed = onCriterion.map((vote): VoteView => {
        const voter = review.committee.find((m) => m.id === vote.voterId);
        const view: VoteView = {
          ...copyOf(vote),
          voterName: voter?.name ?? vote.author.name,
          dissents: committeeVerdict !== 'unreviewed' && vote.verdict !== committeeVerdict,
        };
        const role = voter?.role ?? vote.author.role;
        if (role) view.voterRole = role;
        return view;
      });
      const { share, ...counted } = agreement.criteria[i]!;
      const entry: CriterionVotes = {
        ...counted,
        title: criterion.title,
        category: criterion.category,
        committeeVerdict,
        votes: viewed,
      };
      if (share !== undefined) entry.share = share;
      return entry;
    }),
    categories: agreement.categories,
    overall: agreement.overall,
  };
}
