import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { Version } from '../../../../shared/model';
import { callInReview } from '../../api';
import { afterNextPaint } from '../../ui/afterNextPaint';
import { useCompareMode, useReviewData } from '../workspace';
import { COMPARING, ComparisonStore, type ComparisonState } from './comparisonStore';
import { pairOf } from './useVersionPair';

const ComparisonsContext = createContext<ComparisonStore | null>(null);

/**
 * Keeps the open review's comparisons for the Compare area, and has the pair it would show compared ahead of time,
 * once the review's first screen is painted: the services compare while the page builds the rest of the document,
 * and opening the Compare area then only draws. If the answer is still on its way, the area waits for that one
 * rather than asking again.
 */
export function ComparisonsProvider({ children }: { children: ReactNode }) {
  const { reviewId, versions } = useReviewData();
  const { comparedPair } = useCompareMode();
  const store = useMemo(
    () =>
      new ComparisonStore((fromVersionId, toVersionId) =>
        callInReview(reviewId, 'compare.versions', { reviewId, fromVersionId, toVersionId }),
      ),
    [reviewId],
  );
  const { from, to } = pairOf(versions, comparedPair);
  const fromId = from?.id;
  const toId = to?.id;

  useEffect(() => {
    if (!fromId || !toId || fromId === toId) return;
    return afterNextPaint(() => store.load(fromId, toId));
  }, [store, fromId, toId]);

  return <ComparisonsContext value={store}>{children}</ComparisonsContext>;
}

/**
 * Two versions compared: at once when the comparison was made ahead, else asked for now (or again, when it failed
 * before this showed it). `retry` asks again after a failure.
 */
export function useComparison(from: Version, to: Version): { state: ComparisonState; retry: () => void } {
  const store = useContext(ComparisonsContext);
  if (!store) throw new Error('useComparison is used outside a ComparisonsProvider');
  const known = useSyncExternalStore(store.subscribe, () => store.state(from.id, to.id));
  const asked = known !== undefined;
  // Shown again after it failed (ahead of time, say), a pair is asked for again, as one shown the first time is.
  useEffect(() => store.retry(from.id, to.id), [store, from.id, to.id]);
  useEffect(() => {
    if (!asked) store.load(from.id, to.id);
  }, [store, from.id, to.id, asked]);
  const retry = useCallback(() => store.retry(from.id, to.id), [store, from.id, to.id]);
  return { state: known ?? COMPARING, retry };
}
