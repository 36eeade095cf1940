import type { Annotation, Version } from '../../../../shared/model';
import { type AnnotationStore } from '../workspace';

/** Carried as moved or fuzzy and not yet checked by a person. */
export const awaitsConfirmation = (annotation: Annotation): boolean =>
  annotation.anchorState === 'moved' || annotation.anchorState === 'fuzzy';

/**
 * The label of the version a carried annotation came from (through the annotation it was carried from), or
 * undefined when it was not carried or its source is gone.
 */
export function carriedFromLabel(
  annotation: Annotation,
  store: AnnotationStore,
  versions: readonly Version[],
): string | undefined {
  if (!annotation.carriedFrom) return undefined;
  const source = store.get(annotation.carriedFrom);
  return source ? versions.find((v) => v.id === source.versionId)?.label : undefined;
}
