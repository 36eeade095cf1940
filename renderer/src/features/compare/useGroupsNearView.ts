import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { afterNextPaint } from '../../ui/afterNextPaint';
import { groupsCovering, type GroupHeights, type GroupRange } from './groupHeights';
import { recycledKeys } from './recycledKeys';

/**
 * A list of up to this many rows (a policy of about 115 pages) is drawn whole, a group at a time after the first
 * screen: every block is then in the page for selection and screen readers, and scrolling draws nothing. A longer one
 * keeps only the rows near the screen: at 500 pages (8,600 rows), every row drawn held 258 MB of DOM and layout and
 * took 4.5 s to draw after the first screen; near the screen, 9 MB and 0.05 s (the large-policy benchmark’s pair).
 */
const WHOLE_LIST_ROWS = 2000;
/** Groups added at a time to a whole list. */
const WHOLE_LIST_STEP_GROUPS = 8;
/** Groups drawn before the first paint: more rows than the tallest comparison screen holds. */
const FIRST_GROUPS = 6;
/** Drawn ahead of the screen, above and below, so a scroll finds its rows there. */
const SCREENS_AHEAD = 1;
/**
 * Kept beyond the screen, above and below, for a reader scrolling back; a group further away leaves the page when a
 * group comes in, which takes its elements (recycledKeys).
 */
const SCREENS_KEPT = 3;
/**
 * The time groups drawn ahead may take in one go, their layout included, before the frame is let go: the frame then
 * paints well within 17 ms, and a scroll or a key press meanwhile is not held up.
 */
const SLICE_BUDGET_MS = 6;

interface DrawnGroups extends GroupRange {
  key: string;
  /** Whether groups wanted ahead of the screen are still to be drawn. */
  busy: boolean;
  /** Each drawn group's React key (recycledKeys). */
  keys: ReadonlyMap<number, number>;
}

export interface GroupsNearView extends GroupRange {
  busy: boolean;
  /** Each drawn group's React key: a group coming in takes the elements of one that left (recycledKeys). */
  keys: ReadonlyMap<number, number>;
  /** Draws at once the group holding row `row` (0-based), for a row wanted out of view (the next change, say). */
  reveal: (row: number) => void;
}

/**
 * Which of a list's groups of rows are in the page: in a long list (WHOLE_LIST_ROWS), those on the scroller's
 * screen and a screen either side, the rest standing in as room of their height (`heights`), so the page holds a few
 * screens of rows however long the comparison. As it scrolls, the screen's rows missing are drawn at once; the rows
 * ahead of it a group at a time after the frame is painted, within a few milliseconds. A group comes in with the
 * elements of a group left far behind, which leaves in the same commit (`keys`, recycledKeys), so a scroll end to end
 * rewrites a few screens of elements rather than building and dropping every row. A new `key` (another list) starts
 * from the first groups.
 *
 * The list (`list`) holds its groups as children with `data-group` (their index) between two spacers with
 * `data-spacer="before"` and `"after"`, whose heights this sets: each commit lays the drawn groups out, records their
 * heights, and sizes the spacers to the groups they stand for.
 */
export function useGroupsNearView(
  heights: GroupHeights,
  key: string,
  scroller: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  rowsPerGroup: number,
): GroupsNearView {
  const count = heights.count;
  const whole = heights.rowCount <= WHOLE_LIST_ROWS;
  const firstDrawn = (): DrawnGroups => {
    const range = { first: 0, end: Math.min(count, FIRST_GROUPS) };
    return { key, ...range, busy: count > FIRST_GROUPS, keys: recycledKeys(new Map(), range) };
  };
  const [state, setState] = useState<DrawnGroups>(firstDrawn);
  const drawn = state.key === key ? state : firstDrawn();
  const drawnNow = useRef(drawn);
  drawnNow.current = drawn;

  // The groups drawn at the last commit, whose heights are known: only groups new to the page are measured, so a
  // whole list drawn a group at a time is measured once, not at every step. A resize measures every group again.
  const measured = useRef<{ element: Element | null; first: number; end: number }>({ element: null, first: 0, end: 0 });
  const measure = useCallback(
    ({ first, end }: GroupRange) => {
      const element = list.current;
      if (!element) return;
      const known = measured.current.element === element ? measured.current : { first: 0, end: 0 };
      for (let g = first; g < end; g++) {
        if (g >= known.first && g < known.end) continue;
        // The list's children: the spacer before, then the groups drawn in order (ComparedRowList).
        const group = element.children[g - first + 1];
        if (group instanceof HTMLElement && group.dataset['group'] === String(g)) heights.record(g, group.offsetHeight);
      }
      measured.current = { element, first, end };
      const offsets = heights.offsets();
      const before = element.querySelector<HTMLElement>(':scope > [data-spacer="before"]');
      const after = element.querySelector<HTMLElement>(':scope > [data-spacer="after"]');
      if (before) before.style.height = `${offsets[first]!}px`;
      if (after) after.style.height = `${offsets[count]! - offsets[end]!}px`;
    },
    [list, heights, count],
  );
  useLayoutEffect(() => measure(drawn));

  // A group leaving the page hands its elements to another block (recycledKeys): a row focused, or words selected, in
  // it would then stand for that block's words (and a copy would copy them). The focus goes to the scroller first,
  // where the keys that scroll and move through changes still work, and such a selection is let go, as it would be
  // were its words removed from the page.
  const releaseLeaving = useCallback(
    ({ first, end }: GroupRange) => {
      const element = list.current;
      if (!element) return;
      const leaving = (node: Node | null | undefined) => {
        const group = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-group]');
        const g = Number(group?.dataset['group']);
        return !!group && element.contains(group) && (g < first || g >= end);
      };
      if (leaving(document.activeElement)) scroller.current?.focus({ preventScroll: true });
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed && (leaving(selection.anchorNode) || leaving(selection.focusNode)))
        selection.removeAllRanges();
    },
    [list, scroller],
  );

  const commit = useCallback(
    (next: Omit<DrawnGroups, 'keys'>) => {
      const now = drawnNow.current;
      if (now.key === next.key && now.first === next.first && now.end === next.end && now.busy === next.busy) return;
      releaseLeaving(next);
      const keys = recycledKeys(now.key === next.key ? now.keys : new Map(), next);
      flushSync(() => setState({ ...next, keys }));
    },
    [releaseLeaving],
  );

  // Follows the screen: its groups at once, those ahead (and groups dropped) within the budget, the rest after the
  // next paint. In a scroll (no budget), only the screen's groups missing are drawn, into the elements of groups left
  // far behind: a scroll frame does no more.
  const pending = useRef<() => void>(undefined);
  const follow = useCallback(
    (budgetMs: number) => {
      const box = scroller.current;
      const element = list.current;
      if (!box || !element || count === 0) return;
      const started = performance.now();
      const screen = box.clientHeight;
      const within = (offsets: Float64Array, screens: number) => {
        const top = box.scrollTop - element.offsetTop;
        const margin = whole && screens > 0 ? Infinity : screens * screen;
        return groupsCovering(offsets, top - margin, top + screen + margin);
      };
      const later = () => {
        pending.current ??= afterNextPaint(() => {
          pending.current = undefined;
          follow(SLICE_BUDGET_MS);
        });
      };
      let offsets = heights.offsets();
      const onScreen = within(offsets, 0);
      let { first, end } = drawnNow.current;
      if (budgetMs === 0 && first <= onScreen.first && end >= onScreen.end) return later();
      // A group far from the screen leaves only as a group comes in, in the same commit, which takes its elements.
      const kept = within(offsets, SCREENS_KEPT);
      const handOver = (coming: number) => {
        for (; coming > 0 && first < kept.first; coming--) first++;
        for (; coming > 0 && end > kept.end; coming--) end--;
      };
      if (end <= onScreen.first || first >= onScreen.end) ({ first, end } = onScreen);
      else {
        const before = end - first;
        first = Math.min(first, onScreen.first);
        end = Math.max(end, onScreen.end);
        handOver(end - first - before);
      }
      for (;;) {
        const ahead = within(offsets, SCREENS_AHEAD);
        const screenNow = within(offsets, 0);
        const busy = first > ahead.first || end < ahead.end;
        // The screen's own rows are drawn whatever the time: a row laid out shorter than guessed leaves room below.
        const screenShort = first > screenNow.first || end < screenNow.end;
        if (!busy || (!screenShort && performance.now() - started >= budgetMs)) {
          commit({ key, first, end, busy });
          if (busy) later();
          return;
        }
        // More groups: the screen's, then below it (where a reader is going), then above. A whole list takes a few
        // at a time: its steps are then fewer, each drawing more.
        const step = whole ? WHOLE_LIST_STEP_GROUPS : 1;
        const before = end - first;
        if (first > screenNow.first && end >= screenNow.end) first--;
        else if (end < ahead.end) end = Math.min(ahead.end, end + step);
        else first = Math.max(ahead.first, first - step);
        handOver(end - first - before);
        commit({ key, first, end, busy: true });
        offsets = heights.offsets();
      }
    },
    [scroller, list, heights, count, whole, key, commit],
  );

  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    // In a scroll, only the screen's rows; those ahead of it after the frame is painted.
    const onScroll = () => follow(0);
    const onResize = () => {
      measured.current.element = null;
      measure(drawnNow.current);
      follow(0);
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onResize);
    pending.current = afterNextPaint(() => {
      pending.current = undefined;
      follow(SLICE_BUDGET_MS);
    });
    return () => {
      box.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
      pending.current?.();
      pending.current = undefined;
    };
  }, [scroller, follow, measure]);

  const reveal = useCallback(
    (row: number) => {
      const g = Math.floor(row / rowsPerGroup);
      const { first, end } = drawnNow.current;
      if (g >= first && g < end) return;
      // The screen the row will be shown in (in its middle), drawn in one go: the scroll to it then finds its rows.
      const offsets = heights.offsets();
      const middle = (offsets[g]! + offsets[g + 1]!) / 2;
      const half = (scroller.current?.clientHeight ?? 0) / 2;
      const around = groupsCovering(offsets, middle - half, middle + half);
      const joined = around.first <= end && around.end >= first;
      commit({
        key,
        first: joined ? Math.min(first, around.first) : around.first,
        end: joined ? Math.max(end, around.end) : around.end,
        busy: true,
      });
    },
    [rowsPerGroup, heights, scroller, key, commit],
  );

  return { first: drawn.first, end: drawn.end, busy: drawn.busy, keys: drawn.keys, reveal };
}
