import type { ChecklistView } from '../../../../shared/api';
import type { Criterion } from '../../../../shared/model';

export type CategoryInfo = ChecklistView['categories'][number];

export interface CategoryGroup {
  category: CategoryInfo;
  criteria: Criterion[];
}

/** The checklist's criteria under their categories, in the categories' order, keeping each criterion's order. */
export function groupByCategory(view: ChecklistView, criteria: readonly Criterion[] = view.criteria): CategoryGroup[] {
  return view.categories.map((category) => ({
    category,
    criteria: criteria.filter((c) => c.category === category.id),
  }));
}

/** Criteria whose words or id contain every word of `query`, case-insensitively. */
export function filterCriteria(criteria: readonly Criterion[], query: string): Criterion[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...criteria];
  return criteria.filter((c) => {
    const haystack = [c.id, c.title, c.question, c.guidance, c.reference ?? ''].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export const categorySectionId = (category: string) => `checklist-category-${category}`;
