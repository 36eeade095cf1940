import type { Annotation, Version } from '../../../../shared/model';
import { type AnnotationStore } from '../workspace';

export type AnchorState = Annotation['anchorState'];

export const ANCHOR_STATES: readonly AnchorState[] = ['anchored', 'moved', 'fuzzy', 'orphaned'];

/** Each anchor state in words, as a count reads ("3 anchored", "1 fuzzy: text changed"). */
export const ANCHOR_STATE_LABELS: Record<AnchorState, string> = {
  anchored: 'anchored: same words found',
  moved: 'moved: same words, elsewhere',
  fuzzy: 'fuzzy: the words changed a little',
  orphaned: 'orphaned: words no longer there',
};

/** Carried as moved or fuzzy and not yet checked by a person. */
export const awaitsConfirmation = (annotation: Annotation): boolean => annotation.anchorState === 'moved' || annotation.anchorState === 'fuzzy';

/**
 * The label of the version a carried annotation came from (through the annotation it was carried from), or
 * undefined when it was not carried or its source is gone.
 */
export function carriedFromLabel(annotation: Annotation, store: AnnotationStore, versions: readonly Version[]): string | undefined {
  if (!annotation.carriedFrom) return undefined;
  const source = store.get(annotation.carriedFrom);
  return source ? versions.find((v) => v.id === source.versionId)?.label : undefined;
}
