import type { SelectedRange } from '../../../../shared/api';
import { type RichText, SEVERITIES, type Severity } from '../../../../shared/model';
import type { AnnotationFormValue } from './AnnotationForm';

/** Where the draft of a new annotation on a version is kept. */
export const newAnnotationDraftKey = (versionId: string) => `annotation:new:${versionId}`;

/** An annotation being written: the selection it is about, and what was filled in so far. */
export interface PendingAnnotation {
  versionId: string;
  range: SelectedRange;
  initial: AnnotationFormValue;
  /** Restored from a draft left when the window closed. */
  restored: boolean;
}

export const EMPTY_ANNOTATION: AnnotationFormValue = { criterionIds: [], severity: 'minor', body: undefined };

export function serializeDraft(range: SelectedRange, value: AnnotationFormValue): string {
  return JSON.stringify({ range, ...value });
}

/** A draft read back; undefined when it is not one (from an older app, or damaged). */
export function parseDraft(versionId: string, text: string | undefined): PendingAnnotation | undefined {
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as {
      range?: SelectedRange;
      criterionIds?: unknown;
      severity?: unknown;
      body?: unknown;
    };
    const range = data.range;
    if (!range || typeof range.start !== 'number' || typeof range.end !== 'number' || typeof range.exact !== 'string')
      return undefined;
    const criterionIds = Array.isArray(data.criterionIds)
      ? data.criterionIds.filter((id): id is string => typeof id === 'string')
      : [];
    const severity = SEVERITIES.includes(data.severity as Severity) ? (data.severity as Severity) : 'minor';
    const body =
      data.body && typeof data.body === 'object' && 'root' in data.body ? (data.body as RichText) : undefined;
    return { versionId, range, initial: { criterionIds, severity, body }, restored: true };
  } catch {
    return undefined;
  }
}
