import { useCallback, useEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../../ui/afterNextPaint';

/** Rows drawn before the first paint: more than the tallest comparison screen holds. */
const FIRST_ROWS = 40;
/** Rows added at a time within a slice. */
const STEP_ROWS = 16;
/**
 * The time a slice of rows may take, their layout included, before the frame is let go: the frame then paints
 * well within 17 ms, and a scroll or a key press meanwhile is not held up.
 */
const SLICE_BUDGET_MS = 8;

/**
 * How many of `total` rows to draw: the first screen's rows at once, then the rest one slice after each painted
 * frame, so a 1,700-row comparison paints its first screen without laying out the rest first and no task runs
 * long. A slice adds rows a few at a time, each step drawn and laid out at once (`container` holds the rows), until
 * its time is spent, so slices fit the machine and its load. Every row is in the DOM a moment later, and stays:
 * find in page, selection and screen readers see the whole comparison, and scrolling lays out nothing new. A new
 * `key` (another comparison or layout) starts again from the first screen; `reveal(rows)` draws at once at least
 * that many rows, for a row wanted before its slice came (the next change, say). While `paused` (its list is not
 * shown), no slice is drawn.
 */
export function useRowsInSlices(
  total: number,
  key: string,
  container: RefObject<HTMLElement | null>,
  paused = false,
): { count: number; reveal: (rows: number) => void } {
  const [state, setState] = useState({ key, count: FIRST_ROWS });
  const count = Math.min(total, state.key === key ? state.count : FIRST_ROWS);

  useEffect(() => {
    if (paused || count >= total) return;
    // The next slice waits for the frame to be painted.
    return afterNextPaint(() => {
      const started = performance.now();
      let drawn = count;
      do {
        drawn = Math.min(total, drawn + STEP_ROWS);
        flushSync(() => setState({ key, count: drawn }));
        // Laid out now rather than in the frame's rendering, so the time read next counts what the rows cost.
        void container.current?.scrollHeight;
      } while (drawn < total && performance.now() - started < SLICE_BUDGET_MS);
    });
  }, [count, total, key, container, paused]);

  const reveal = useCallback(
    (rows: number) => {
      if (rows <= count) return;
      flushSync(() => setState({ key, count: rows }));
    },
    [count, key],
  );
  return { count, reveal };
}
