import type { Verdict } from './review';

/** The verdicts that call for corrective action: only they can carry actions in the action plan. */
export const VERDICTS_NEEDING_ACTION: readonly Verdict[] = ['partial', 'not-met'];

export function needsAction(verdict: Verdict): boolean {
  return VERDICTS_NEEDING_ACTION.includes(verdict);
}

/** Every verdict but “unreviewed” counts as reviewed; no assessment at all is not reviewed either. */
export function isReviewed(verdict: Verdict | undefined): boolean {
  return verdict !== undefined && verdict !== 'unreviewed';
}
