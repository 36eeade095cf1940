import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { OpenedReview } from '../../../shared/api';
import type { Review } from '../../../shared/model';
import { callInReview, errorMessage } from '../api';

export type ReviewSession =
  | { status: 'opening' }
  | { status: 'failed'; error: string }
  | { status: 'open'; opened: OpenedReview; drafts: Record<string, string> };

/** What was typed and not saved when the review was last open here; none when drafts cannot be read. */
async function readDrafts(reviewId: string): Promise<Record<string, string>> {
  try {
    return await callInReview(reviewId, 'drafts.get', { reviewId });
  } catch {
    return {};
  }
}

/**
 * Opens the review while the screen shows it and closes it when the screen goes away, so the lock is held
 * exactly as long as the person is in the review. A failure to close is reported through `onCloseFailed`.
 */
export function useReviewSession(reviewId: string, onCloseFailed: (message: string) => void) {
  const [attempt, setAttempt] = useState(0);
  const [session, setSession] = useState<ReviewSession & { attempt: number }>({ status: 'opening', attempt: 0 });
  const reportCloseFailure = useEffectEvent((message: string) => onCloseFailed(message));

  useEffect(() => {
    let current = true;
    callInReview(reviewId, 'reviews.open', { reviewId })
      .then(async (opened) => {
        const drafts = await readDrafts(reviewId);
        // Everything the first screen needs has reached the page: the benchmark measures from here.
        performance.mark('document:data');
        return { opened, drafts };
      })
      .then(
        ({ opened, drafts }) => current && setSession({ status: 'open', opened, drafts, attempt }),
        (error: unknown) => current && setSession({ status: 'failed', error: errorMessage(error), attempt }),
      );
    return () => {
      current = false;
      callInReview(reviewId, 'reviews.close', { reviewId }).catch((error: unknown) =>
        reportCloseFailure(errorMessage(error)),
      );
    };
  }, [reviewId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Bumped by `refresh`: the review's areas are built again from what the services read, as on opening.
  const [generation, setGeneration] = useState(0);
  /**
   * Reads the open review again after a change that touched much of it at once (a merge, a conflict decided), so
   * every area shows it as the services now hold it. The review stays open (and locked) meanwhile.
   */
  const refresh = useCallback(async () => {
    const opened = await callInReview(reviewId, 'reviews.open', { reviewId });
    const drafts = await readDrafts(reviewId);
    setSession((s) => (s.status === 'open' ? { ...s, opened, drafts } : s));
    setGeneration((g) => g + 1);
  }, [reviewId]);
  /** Applies a change the services confirmed to the review on screen. */
  const updateReview = useCallback(
    (change: (review: Review) => Review) =>
      setSession((s) => (s.status === 'open' ? { ...s, opened: { ...s.opened, review: change(s.opened.review) } } : s)),
    [],
  );
  /** Replaces what the services said about the open review (after a take-over of its lock, a repair). */
  const updateOpened = useCallback(
    (change: (opened: OpenedReview) => OpenedReview) =>
      setSession((s) => (s.status === 'open' ? { ...s, opened: change(s.opened) } : s)),
    [],
  );
  const shown: ReviewSession = session.attempt === attempt ? session : { status: 'opening' };
  return { session: shown, retry, refresh, generation, updateReview, updateOpened };
}
