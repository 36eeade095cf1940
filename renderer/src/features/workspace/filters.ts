import type { Annotation, AnnotationStatus, Category, Criterion, Severity } from '../../../../shared/model';

/** Which annotations to show: each set field must match; an empty filter shows them all. */
export interface AnnotationFilter {
  criterionId?: string | undefined;
  category?: Category | undefined;
  severity?: Severity | undefined;
  status?: AnnotationStatus | undefined;
  /** The author's name, as recorded on the annotation. */
  author?: string | undefined;
}

export const NO_FILTER: AnnotationFilter = {};

export function activeFilterCount(filter: AnnotationFilter): number {
  return Object.values(filter).filter((value) => value !== undefined && value !== '').length;
}

export function matchesFilter(
  annotation: Annotation,
  filter: AnnotationFilter,
  criteria: ReadonlyMap<string, Criterion>,
): boolean {
  if (filter.criterionId && !annotation.criterionIds.includes(filter.criterionId)) return false;
  if (filter.category && !annotation.criterionIds.some((id) => criteria.get(id)?.category === filter.category))
    return false;
  if (filter.severity && annotation.severity !== filter.severity) return false;
  if (filter.status && annotation.status !== filter.status) return false;
  if (filter.author && annotation.author.name !== filter.author) return false;
  return true;
}
