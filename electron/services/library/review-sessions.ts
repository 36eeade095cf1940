import { AppError } from '../../../shared/errors';
import type { ReviewStore } from '../storage/review-store';
import type { ReviewLibrary } from './review-library';

/** Who is calling: each window of the app (or page of the browser host) has its own id. */
export interface Caller {
  windowId: string;
}

export const DEFAULT_CALLER: Caller = { windowId: 'main' };

const OTHER_WINDOW =
  'This review is open for editing in another window of this app. It is shown read-only here; close it there to edit it here.';

/**
 * One editor per review within this process, as the lock file gives one per review across processes: the first
 * window to open a review may change it, any other window gets a read-only view that says why, until the first
 * one closes it.
 */
export class ReviewSessions {
  private readonly editors = new Map<string, string>();

  constructor(private readonly library: ReviewLibrary) {}

  async open(reviewId: string, caller: Caller): Promise<{ store: ReviewStore; readOnlyReason: string | undefined }> {
    const store = await this.library.openReview(reviewId);
    if (store.readOnly) return { store, readOnlyReason: store.readOnlyReason };
    const editor = this.editors.get(reviewId);
    if (editor === undefined || editor === caller.windowId) {
      this.editors.set(reviewId, caller.windowId);
      return { store, readOnlyReason: undefined };
    }
    return { store, readOnlyReason: OTHER_WINDOW };
  }

  /**
   * The review's store, for a change by this caller. Refused, with the reason, as the store itself would refuse a
   * write: E_LOCKED when another window or another process edits the review, E_READ_ONLY when it can only be read
   * (saved by a newer app, or in a folder that cannot be written).
   */
  async writable(reviewId: string, caller: Caller): Promise<ReviewStore> {
    const { store, readOnlyReason } = await this.open(reviewId, caller);
    if (readOnlyReason !== undefined)
      throw new AppError(store.readOnly ? store.readOnlyCode : 'E_LOCKED', readOnlyReason);
    return store;
  }

  /** This window is done with the review; the file is closed (and its lock released) when no editor is left. */
  async close(reviewId: string, caller: Caller): Promise<boolean> {
    const editor = this.editors.get(reviewId);
    if (editor !== undefined && editor !== caller.windowId) return false;
    this.editors.delete(reviewId);
    return this.library.closeReview(reviewId);
  }

  /** Runs `action` (delete, restore) on a review no other window is editing; this window's hold ends with it. */
  async exclusive<T>(reviewId: string, caller: Caller, action: () => Promise<T>): Promise<T> {
    const editor = this.editors.get(reviewId);
    if (editor !== undefined && editor !== caller.windowId)
      throw new AppError('E_LOCKED', OTHER_WINDOW.replace(/ It is shown read-only here;.*$/, ' Close it there first.'));
    this.editors.delete(reviewId);
    return action();
  }

  /**
   * Runs `reopen` (a take-over of the lock another computer holds), after which this window edits the review.
   * Other windows' read-only views of it stay read-only until they open it again.
   */
  async reopenAsEditor(
    reviewId: string,
    caller: Caller,
    reopen: () => Promise<unknown>,
  ): Promise<{ store: ReviewStore; readOnlyReason: string | undefined }> {
    return this.exclusive(reviewId, caller, async () => {
      await reopen();
      return this.open(reviewId, caller);
    });
  }

  async windowClosed(windowId: string): Promise<void> {
    const held = [...this.editors].filter(([, editor]) => editor === windowId).map(([reviewId]) => reviewId);
    await Promise.all(held.map((reviewId) => this.close(reviewId, { windowId })));
  }
}
