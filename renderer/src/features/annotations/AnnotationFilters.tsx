import { useId, useMemo } from 'react';
import {
  type Annotation,
  ANNOTATION_STATUSES,
  type AnnotationStatus,
  CATEGORIES,
  type Category,
  SEVERITIES,
  type Severity,
} from '../../../../shared/model';
import { ANNOTATION_STATUS_LABELS, SEVERITY_LABELS } from '../../../../shared/vocabulary';
import { Button } from '../../ui/Button';
import { activeFilterCount, type AnnotationFilter, useReviewData, useReviewNavigation } from '../workspace';

/**
 * Narrows the annotations (in the list and in the text) by criterion, category, severity, status and author.
 * Authors are the committee's members and anyone else who has annotated this review.
 */
export function AnnotationFilters({ annotations }: { annotations: readonly Annotation[] }) {
  const { checklist, review, categoryLabel } = useReviewData();
  const { filter, setFilter } = useReviewNavigation();
  const id = useId();
  const authors = useMemo(() => {
    const names = new Set(review.committee.filter((m) => !m.deletedAt).map((m) => m.name));
    for (const annotation of annotations) names.add(annotation.author.name);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [review.committee, annotations]);
  const set = (change: Partial<AnnotationFilter>) => setFilter({ ...filter, ...change });
  const categories = checklist?.categories.map((c) => c.id) ?? [...CATEGORIES];

  const select = (
    key: keyof AnnotationFilter,
    label: string,
    options: { value: string; label: string }[],
    groups?: { label: string; options: { value: string; label: string }[] }[],
  ) => (
    <div className="filter-field">
      <label htmlFor={`${id}-${key}`} className="filter-label">
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        className="input select filter-select"
        value={filter[key] ?? ''}
        onChange={(event) => set({ [key]: event.target.value || undefined })}
      >
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );

  return (
    <div className="annotation-filters" role="group" aria-label="Filter annotations">
      {select(
        'criterionId',
        'Criterion',
        [],
        (checklist?.categories ?? []).map((category) => ({
          label: category.label,
          options: (checklist?.criteria ?? [])
            .filter((c) => c.category === category.id)
            .map((c) => ({ value: c.id, label: c.title })),
        })),
      )}
      {select(
        'category',
        'Category',
        categories.map((category: Category) => ({ value: category, label: categoryLabel(category) })),
      )}
      {select(
        'severity',
        'Severity',
        SEVERITIES.map((s: Severity) => ({ value: s, label: SEVERITY_LABELS[s] })),
      )}
      {select(
        'status',
        'Status',
        ANNOTATION_STATUSES.map((s: AnnotationStatus) => ({ value: s, label: ANNOTATION_STATUS_LABELS[s] })),
      )}
      {select(
        'author',
        'Author',
        authors.map((name) => ({ value: name, label: name })),
      )}
      {activeFilterCount(filter) > 0 && (
        <Button variant="ghost" size="sm" className="filter-clear" onClick={() => setFilter({})}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
