import type { AnchorState, AnnotationStatus, Severity } from '../model';

export const SEVERITY_LABELS: Record<Severity, string> = {
  info: 'Info',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};

/** What each severity asks of the policy's authors: the picker shows it, so every member grades alike. */
export const SEVERITY_DESCRIPTIONS: Record<Severity, string> = {
  info: 'A remark or a question; nothing needs to change.',
  minor: 'Worth improving; the policy works without it.',
  major: 'Must change before the policy is adopted.',
  critical: 'Unlawful, unsafe or blocking: must change now.',
};

/** No contraction: the report is a signed record, and “Will not fix” reads the same to every reader and screen reader. */
export const ANNOTATION_STATUS_LABELS: Record<AnnotationStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  wontfix: 'Will not fix',
};

/** Where a carried annotation's words were found in the newer version. */
export const ANCHOR_STATE_LABELS: Record<AnchorState, string> = {
  anchored: 'In place',
  moved: 'Moved',
  fuzzy: 'Text changed',
  orphaned: 'Orphaned',
};

/** The same, said in full for a reader who does not know the label: lower case, to follow a label or a count. */
export const ANCHOR_STATE_DESCRIPTIONS: Record<AnchorState, string> = {
  anchored: 'same words, same place',
  moved: 'same words, elsewhere',
  fuzzy: 'the words changed a little',
  orphaned: 'words no longer in this version',
};
