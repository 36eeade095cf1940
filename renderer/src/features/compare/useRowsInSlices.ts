import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** Rows drawn before the first paint: more than the tallest comparison screen holds. */
const FIRST_ROWS = 40;
/**
 * The script time a slice of rows aims at. The slice's rows are then laid out and painted in the same frame, so the
 * frame stays within 17 ms and a scroll or a key press meanwhile is not held up.
 */
const SLICE_BUDGET_MS = 6;
const MIN_SLICE_ROWS = 8;
const MAX_SLICE_ROWS = 400;

/**
 * How many of `total` rows to draw: the first screen's rows at once, then the rest one slice after each painted
 * frame, each slice sized from the time the last one took, so no task runs long and a 1,700-row comparison paints
 * its first screen without laying out the rest first. Every row is in the DOM a moment later, and stays: find in
 * page, selection and screen readers see the whole comparison, and scrolling lays out nothing new. A new `key`
 * (another comparison, layout or filter) starts again from the first screen; `reveal(rows)` draws at once at least
 * that many rows, for a row wanted before its slice came (the next change, say).
 */
export function useRowsInSlices(total: number, key: string): { count: number; reveal: (rows: number) => void } {
  const [state, setState] = useState({ key, count: FIRST_ROWS });
  const count = Math.min(total, state.key === key ? state.count : FIRST_ROWS);
  const slice = useRef({ rows: MIN_SLICE_ROWS * 4, started: 0 });

  // The slice just committed: how long its rows took, which sizes the next one.
  useLayoutEffect(() => {
    const { rows, started } = slice.current;
    if (!started) return;
    const elapsed = Math.max(1, performance.now() - started);
    slice.current = {
      rows: Math.round(Math.min(MAX_SLICE_ROWS, Math.max(MIN_SLICE_ROWS, (rows * SLICE_BUDGET_MS) / elapsed))),
      started: 0,
    };
  }, [count]);

  useEffect(() => {
    if (count >= total) return;
    let cancelled = false;
    // A message posted from a frame callback runs once that frame is painted: the next slice waits for it.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (cancelled) return;
      slice.current.started = performance.now();
      // Drawn in this task, so the time measured is the slice's own.
      flushSync(() => setState({ key, count: count + slice.current.rows }));
    };
    const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      channel.port1.close();
    };
  }, [count, total, key]);

  const reveal = useCallback(
    (rows: number) => {
      if (rows <= count) return;
      flushSync(() => setState({ key, count: rows }));
    },
    [count, key],
  );
  return { count, reveal };
}
