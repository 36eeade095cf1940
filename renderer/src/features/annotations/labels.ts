import { markBidiControls } from '../../../../shared/document';
import type { Severity } from '../../../../shared/model';

/** How the highlights' underline looks for each severity, said in words (the legend for colour-blind readers). */
export const SEVERITY_UNDERLINES: Record<Severity, string> = {
  info: 'dotted',
  minor: 'dashed',
  major: 'solid',
  critical: 'wavy',
};

/** A quote cut to a readable length for lists and summaries. */
export function shortQuote(text: string, max = 140): string {
  const flat = markBidiControls(text).replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
