import type { CriterionVotes } from '../../../../shared/api';

/** The members disagree on a criterion when two or more voted and not all of them voted the same. */
export function membersDisagree(criterion: Pick<CriterionVotes, 'voters' | 'share'>): boolean {
  return criterion.voters > 1 && (criterion.share ?? 1) < 1;
}
