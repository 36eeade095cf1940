import type { Verdict } from '../model';

/** The words a committee says of a criterion: “partly met” beside “met” and “not met”, not “partial”. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  unreviewed: 'Not yet reviewed',
  met: 'Met',
  partial: 'Partly met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

/** Column heads of the verdict tables, where the full words do not fit. */
export const VERDICT_SHORT_LABELS: Record<Verdict, string> = {
  unreviewed: 'Not reviewed',
  met: 'Met',
  partial: 'Partly met',
  'not-met': 'Not met',
  'not-applicable': 'N/A',
};
