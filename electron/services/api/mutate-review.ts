import type { Clock } from '../../../shared/domain/clock';
import type { ReviewChange } from '../../../shared/domain/review-change';
import type { Author, Review } from '../../../shared/model';
import type { Caller, ReviewSessions } from '../library/review-sessions';
import type { ReviewStore } from '../storage/review-store';

/** What the door needs of the workstation: which window edits which review, who is acting, and the clock operations record by. */
export interface MutationServices {
  readonly sessions: ReviewSessions;
  readonly clock: Clock;
  actor(): Author;
}

/**
 * The one door every writing method of the contract goes through: the review must be writable by this caller
 * (checked once, by ReviewSessions.writable, with one code per cause), the operation runs inside the store's
 * queue and is saved durably before the answer is given, and the answer is a copy, never a live part of the review
 * that a later change could alter under the caller.
 */
export async function mutateReview<T>(
  ws: MutationServices,
  reviewId: string,
  caller: Caller,
  operation: (review: Review, actor: Author, clock: Clock) => T,
): Promise<T> {
  const store = await ws.sessions.writable(reviewId, caller);
  const actor = ws.actor();
  return structuredClone(await store.mutate((review) => operation(review, actor, ws.clock)));
}

/** The same door for an operation that may find nothing to change (carrying annotations already carried). */
export async function mutateReviewIfChanged<T>(
  ws: MutationServices,
  reviewId: string,
  caller: Caller,
  change: (actor: Author, clock: Clock) => ReviewChange<T>,
): Promise<T> {
  return applyChange(await ws.sessions.writable(reviewId, caller), change(ws.actor(), ws.clock));
}

/** Applies a change to a store already known to be writable; when there is nothing to change, nothing is written. */
export async function applyChange<T>(store: ReviewStore, change: ReviewChange<T>): Promise<T> {
  const unchanged = change.answerIfUnchanged(store.review);
  if (unchanged !== undefined) return structuredClone(unchanged);
  return structuredClone(await store.mutate((review, asItWas) => change.apply(review, asItWas)));
}
