import { AppError } from '../../shared/errors';
import type { Author } from '../../shared/model';
import type { ReviewLibrary } from '../services/library/review-library';
import { takeOverReviewLock } from '../services/library/review-file-repairs';
import type { ReviewStore } from '../services/storage/review-store';

export interface ChangeOptions {
  /** Take over a lock another computer holds on the review (the person asked for it with --take-over-lock). */
  takeOverLock?: boolean | undefined;
  /** Who takes the lock over, for the audit log. */
  actor: () => Promise<Author>;
}

/**
 * Opens a review for a change from the command line, as the app does (taking its lock), runs `change`, and
 * closes it. A review open in the app (or another process), or in a folder that cannot be written, is refused
 * with the reason, before anything is done. A lock from another computer is taken over only when asked.
 */
export async function openForChange<T>(library: ReviewLibrary, reviewId: string, options: ChangeOptions, change: (store: ReviewStore) => Promise<T>): Promise<T> {
  try {
    let store = await library.openReview(reviewId);
    const lock = store.readOnly ? store.lockSeen : undefined;
    if (lock?.canTakeOver && options.takeOverLock) {
      store = await takeOverReviewLock(library, reviewId, lock.fingerprint, await options.actor());
    }
    if (store.readOnlyReason !== undefined) {
      const hint = lock?.canTakeOver
        ? ` To take it over from the command line, run the command again with --take-over-lock; only do so if no one is editing it${lock.holder ? ` on ${lock.holder.host}` : ''}, or their next changes will be refused.`
        : '';
      throw new AppError(store.readOnlyCode, `${store.readOnlyReason.replace(/ If no one is editing it .*$/, '')}${hint}`);
    }
    return await change(store);
  } finally {
    await library.closeReview(reviewId);
  }
}
