import { markBidiControls } from '../../../../shared/document';
import { ANNOTATION_STATUSES, SEVERITIES, type AnnotationStatus, type Severity } from '../../../../shared/model';

export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;

export const SEVERITY_LABELS: Record<Severity, string> = { info: 'Info', minor: 'Minor', major: 'Major', critical: 'Critical' };

/** What each severity means, for the picker's descriptions. */
export const SEVERITY_HINTS: Record<Severity, string> = {
  info: 'A remark or a question; nothing needs to change.',
  minor: 'Worth improving; the policy works without it.',
  major: 'Must change before the policy is adopted.',
  critical: 'Unlawful, unsafe or blocking: must change now.',
};

/** How the highlights' underline looks for each severity, said in words (the legend for colour-blind readers). */
export const SEVERITY_UNDERLINES: Record<Severity, string> = { info: 'dotted', minor: 'dashed', major: 'solid', critical: 'wavy' };

export const STATUS_LABELS: Record<AnnotationStatus, string> = { open: 'Open', resolved: 'Resolved', wontfix: 'Won’t fix' };

export const STATUS_ORDER: readonly AnnotationStatus[] = ANNOTATION_STATUSES;

/** A quote cut to a readable length for lists and summaries. */
export function shortQuote(text: string, max = 140): string {
  const flat = markBidiControls(text).replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
