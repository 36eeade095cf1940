import type { Verdict } from '../../../../shared/model';

/** A verdict that calls for corrective action (the action plan). */
export function needsAction(verdict: Verdict): boolean {
  return verdict === 'partial' || verdict === 'not-met';
}

/** Every verdict but "unreviewed" counts as reviewed. */
export function isReviewed(verdict: Verdict | undefined): boolean {
  return verdict !== undefined && verdict !== 'unreviewed';
}
