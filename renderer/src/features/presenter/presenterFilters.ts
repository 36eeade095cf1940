import type { Criterion, Verdict } from '../../../../shared/model';

/** Which criteria the chair walks through: all of them, those the members split on, or those without a verdict. */
export const PRESENTER_FILTERS = [
  { id: 'all', label: 'All criteria' },
  { id: 'disagreement', label: 'With disagreement' },
  { id: 'unreviewed', label: 'Not yet reviewed' },
] as const;

export type PresenterFilter = (typeof PRESENTER_FILTERS)[number]['id'];

export interface CriterionFacts {
  /** The committee's verdict on the criterion for the version presented. */
  verdictOf: (criterionId: string) => Verdict;
  /** Whether the members' votes on it differ. */
  disagree: (criterionId: string) => boolean;
}

export function inFilter(filter: PresenterFilter, criterion: Criterion, facts: CriterionFacts): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'disagreement':
      return facts.disagree(criterion.id);
    case 'unreviewed':
      return facts.verdictOf(criterion.id) === 'unreviewed';
  }
}

/**
 * The criteria a filter shows, in checklist order. The one on screen stays while it is shown even once it leaves
 * the filter (the chair just recorded its verdict): it goes when the chair moves on, so nothing jumps meanwhile.
 */
export function criteriaInFilter(
  criteria: readonly Criterion[],
  filter: PresenterFilter,
  facts: CriterionFacts,
  shownId: string | undefined,
): Criterion[] {
  return criteria.filter((criterion) => criterion.id === shownId || inFilter(filter, criterion, facts));
}

/** "Criterion 3 of 12", or what the filter leaves when it leaves nothing. */
export function positionLabel(index: number, count: number): string {
  return count === 0 ? 'No criteria' : `Criterion ${index + 1} of ${count}`;
}
