import { useEffect } from 'react';
import { call } from '../../api';

/**
 * The services load a review's history ahead of the work that needs it (a merge, an export, a decision) while the
 * person still chooses the package, where to save, or which side to keep: that work then takes a second or more
 * less at a large review. Asked outside the review's queue of calls (neither behind nor ahead of its other calls),
 * and in the order asked: a release never overtakes the load asked before it (which would leave an engine loading
 * for nobody) nor ends one asked after it. Nothing is said if either fails: the work then loads the history itself.
 */
let asked: Promise<unknown> = Promise.resolve();

export function prepareHistory(reviewId: string): void {
  asked = asked.then(() => call('history.prepare', { reviewId })).catch(() => undefined);
}

export function releaseHistory(reviewId: string): void {
  asked = asked.then(() => call('history.release', { reviewId })).catch(() => undefined);
}

/**
 * Keeps the review's history loaded ahead while `wanted` (a dialog or an area is shown), and again each time `again`
 * changes (the work took the one loaded, and more may follow); lets it go once not wanted.
 */
export function useHistoryLoadedAhead(reviewId: string, wanted: boolean, again?: unknown): void {
  useEffect(() => {
    if (!wanted) return;
    prepareHistory(reviewId);
    return () => releaseHistory(reviewId);
  }, [reviewId, wanted, again]);
}
