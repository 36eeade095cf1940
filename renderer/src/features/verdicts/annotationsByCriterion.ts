import type { Annotation } from '../../../../shared/model';

/**
 * A version's annotations grouped by the criteria they are made against, each list in the order of the text: the
 * support a verdict records, in the Checklist and in the presenter view alike.
 */
export function annotationsByCriterion(all: readonly Annotation[], versionId: string): Map<string, Annotation[]> {
  const map = new Map<string, Annotation[]>();
  const onVersion = all
    .filter((a) => a.versionId === versionId)
    .sort((a, b) => a.target.selector[1].start - b.target.selector[1].start);
  for (const annotation of onVersion) {
    for (const id of annotation.criterionIds) {
      const list = map.get(id);
      if (list) list.push(annotation);
      else map.set(id, [annotation]);
    }
  }
  return map;
}
