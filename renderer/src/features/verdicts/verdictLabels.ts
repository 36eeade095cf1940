import { VERDICTS, type Verdict } from '../../../../shared/model';

export const VERDICT_ORDER: readonly Verdict[] = VERDICTS;

export const VERDICT_LABELS: Record<Verdict, string> = {
  unreviewed: 'Unreviewed',
  met: 'Met',
  partial: 'Partial',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

/** A verdict that calls for corrective action (the action plan). */
export function needsAction(verdict: Verdict): boolean {
  return verdict === 'partial' || verdict === 'not-met';
}

/** Every verdict but "unreviewed" counts as reviewed. */
export function isReviewed(verdict: Verdict | undefined): boolean {
  return verdict !== undefined && verdict !== 'unreviewed';
}
