import { AppError } from '../../errors';
import type { Author, Criterion, Review } from '../../model';
import { recordAudit } from '../reviews/audit';
import type { Clock } from '../clock';

/**
 * Puts the live criteria of the checklist in the given order, which must name each of them exactly once;
 * removed criteria (tombstones) keep their place at the end. Returns the live criteria in their new order.
 */
export function reorderCriteria(
  review: Review,
  criterionIds: readonly string[],
  actor: Author,
  clock: Clock,
): Criterion[] {
  const live = review.checklist.criteria.filter((c) => !c.deletedAt);
  const byId = new Map(live.map((c) => [c.id, c]));
  const wanted = new Set(criterionIds);
  if (
    wanted.size !== criterionIds.length ||
    criterionIds.length !== live.length ||
    criterionIds.some((id) => !byId.has(id))
  ) {
    throw new AppError(
      'E_INVALID_INPUT',
      'The new order must list every criterion of the checklist exactly once. Reload the checklist and try again.',
    );
  }
  const ordered = criterionIds.map((id) => byId.get(id)!);
  const unchanged = ordered.every((c, index) => live[index] === c);
  if (unchanged) return ordered;
  review.checklist.criteria = [...ordered, ...review.checklist.criteria.filter((c) => c.deletedAt)];
  const first = ordered
    .slice(0, 3)
    .map((c) => `“${c.title}”`)
    .join(', ');
  recordAudit(
    review,
    actor,
    clock,
    'checklist.reorder',
    `Reordered the checklist’s ${ordered.length} criteria, now starting with ${first}.`,
  );
  return ordered;
}
