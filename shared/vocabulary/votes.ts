/** A share of voters as people read it: "67 %"; "—" where there is none (nobody voted). */
export function shareLabel(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)} %`;
}

/** Fleiss' kappa to two decimals: "0.16", "−0.33"; "—" where it cannot be computed, never "NaN". */
export function kappaLabel(kappa: number | undefined): string {
  if (kappa === undefined || !Number.isFinite(kappa)) return '—';
  return kappa
    .toFixed(2)
    .replace(/^-/, '−')
    .replace(/^−0\.00$/, '0.00');
}

/** Why a kappa is missing, for the places that explain the dash. */
export const KAPPA_MISSING =
  'Kappa needs at least two members’ votes on a criterion, and more than one verdict among all the votes.';

/** “2 of 3 agree”: how many voters are on the most voted verdict. */
export function agreeingLabel(criterion: { voters: number; counts: Record<string, number>; mostVoted: string[] }) {
  if (!criterion.voters) return 'No votes';
  const agreeing = criterion.counts[criterion.mostVoted[0] ?? ''] ?? 0;
  return criterion.voters === 1 ? '1 vote' : `${agreeing} of ${criterion.voters} agree`;
}
