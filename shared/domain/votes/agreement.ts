import { VOTE_VERDICTS, type Category, type Criterion, type Vote, type VoteVerdict } from '../../model';

/** How the members' votes on one criterion fall. */
export interface CriterionAgreement {
  criterionId: string;
  /** How many members voted on it. */
  voters: number;
  counts: Record<VoteVerdict, number>;
  /** The verdicts most voted for (more than one on a tie); none without votes. */
  mostVoted: VoteVerdict[];
  /** The share of the voters on the most voted verdict, from 0 to 1; undefined without votes. */
  share: number | undefined;
}

/** Agreement beyond chance over a set of criteria. */
export interface GroupAgreement {
  /** The criteria that count for kappa: those with at least two votes. */
  criteriaCompared: number;
  /** Fleiss' kappa across members; undefined when it cannot be computed (see fleissKappa). */
  kappa: number | undefined;
}

export interface VersionAgreement {
  /** In the order of the criteria given. */
  criteria: CriterionAgreement[];
  /** One per category that has criteria, in the order categories first appear. */
  categories: (GroupAgreement & { category: Category })[];
  overall: GroupAgreement;
}

/**
 * How far the members agree on a version: per criterion, the share on the most voted verdict; per category and
 * overall, Fleiss' kappa, with the criteria as the subjects rated and the four verdicts as the categories.
 * `votes` are the live votes on that version; votes on criteria not given (removed ones) are left out.
 */
export function versionAgreement(criteria: readonly Criterion[], votes: readonly Vote[]): VersionAgreement {
  const perCriterion = criteria.map((criterion) =>
    criterionAgreement(
      criterion.id,
      votes.filter((v) => v.criterionId === criterion.id && !v.deletedAt),
    ),
  );
  const categories = [...new Set(criteria.map((c) => c.category))].map((category) => ({
    category,
    ...groupAgreement(perCriterion.filter((_, i) => criteria[i]!.category === category)),
  }));
  return { criteria: perCriterion, categories, overall: groupAgreement(perCriterion) };
}

export function criterionAgreement(criterionId: string, votes: readonly Vote[]): CriterionAgreement {
  const counts = Object.fromEntries(VOTE_VERDICTS.map((v) => [v, 0])) as Record<VoteVerdict, number>;
  for (const vote of votes) counts[vote.verdict]++;
  const most = Math.max(...Object.values(counts));
  const voters = votes.length;
  return {
    criterionId,
    voters,
    counts,
    mostVoted: voters ? VOTE_VERDICTS.filter((v) => counts[v] === most) : [],
    share: voters ? most / voters : undefined,
  };
}

function groupAgreement(criteria: readonly CriterionAgreement[]): GroupAgreement {
  const compared = criteria.filter((c) => c.voters >= 2);
  return {
    criteriaCompared: compared.length,
    kappa: fleissKappa(compared.map((c) => VOTE_VERDICTS.map((v) => c.counts[v]))),
  };
}

/**
 * Fleiss' kappa of subjects each rated by several raters into categories: `ratings[i][j]` is how many raters put
 * subject i in category j. Members do not all vote on every criterion, so the number of raters may differ from
 * subject to subject: each subject's agreement P_i = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1)) is averaged over the
 * subjects, and the chance agreement P_e = Σ_j p_j² uses the categories' shares of all ratings (the form for
 * unequal numbers of raters in Fleiss, Levin & Paik; with equal numbers it is exactly Fleiss' 1971 kappa).
 * Subjects rated by fewer than two raters have no P_i and are left out. Undefined without any subject left, and
 * when every rating is in one category (P_e = 1: no variation, so no agreement beyond chance to measure).
 */
export function fleissKappa(ratings: readonly (readonly number[])[]): number | undefined {
  const subjects = ratings.filter((row) => sum(row) >= 2);
  if (!subjects.length) return undefined;
  const observed =
    subjects.reduce((total, row) => {
      const n = sum(row);
      return total + row.reduce((pairs, nij) => pairs + nij * (nij - 1), 0) / (n * (n - 1));
    }, 0) / subjects.length;
  const allRatings = subjects.reduce((total, row) => total + sum(row), 0);
  const categories = Math.max(...subjects.map((row) => row.length));
  let chance = 0;
  for (let j = 0; j < categories; j++) {
    const share = subjects.reduce((total, row) => total + (row[j] ?? 0), 0) / allRatings;
    chance += share * share;
  }
  if (1 - chance < 1e-12) return undefined;
  return (observed - chance) / (1 - chance);
}

/** The criteria the members disagree on most first: the smallest share agreeing, then the most voters; unvoted last. */
export function mostDisagreedFirst<T extends { voters: number; share?: number | undefined }>(
  criteria: readonly T[],
): T[] {
  return [...criteria].sort((a, b) => (a.share ?? Infinity) - (b.share ?? Infinity) || b.voters - a.voters);
}

function sum(row: readonly number[]): number {
  return row.reduce((total, n) => total + n, 0);
}
