import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Whether a key press belongs to a field (typing "n" in a select or a text box must not move through changes). */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Next and previous change: which change is current ("Change 3 of 17"), and moving to one scrolls it into view
 * and puts focus on it. `n` / `p` and Alt+Down / Alt+Up work anywhere in the Compare area while it shows.
 * `resetKey` changes with the comparison, which starts again before the first change. `reveal(index)` gives the
 * change's row in the list shown, drawn first when it is not yet.
 */
export function useChangeNavigation(
  total: number,
  container: RefObject<HTMLElement | null>,
  active: boolean,
  resetKey: string,
  reveal: (index: number) => HTMLElement | null | undefined,
) {
  const [state, setState] = useState<{ key: string; current: number | undefined }>({
    key: resetKey,
    current: undefined,
  });
  const current = state.key === resetKey ? state.current : undefined;

  const goTo = useCallback(
    (index: number) => {
      if (total === 0) return;
      const next = Math.max(0, Math.min(total - 1, index));
      setState({ key: resetKey, current: next });
      const row = reveal(next);
      const scroller = container.current;
      if (!scroller || !row) return;
      // The page brings the comparison (its toolbar with the position, and the rows) just under the tabs; then the
      // comparison alone scrolls to put the change in its middle.
      scroller.closest('.comparison')?.scrollIntoView({ block: 'start' });
      const top = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      scroller.scrollTo({
        top: Math.max(0, top - (scroller.clientHeight - Math.min(row.offsetHeight, scroller.clientHeight)) / 2),
      });
      row.focus({ preventScroll: true });
    },
    [total, container, resetKey, reveal],
  );
  const next = useCallback(() => goTo(current === undefined ? 0 : current + 1), [goTo, current]);
  const previous = useCallback(() => goTo(current === undefined ? 0 : current - 1), [goTo, current]);
  /** A change the person focused or clicked becomes the current one. */
  const markCurrent = useCallback((index: number) => setState({ key: resetKey, current: index }), [resetKey]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      const forward =
        (plain && event.key === 'n' && !typingInField(event.target)) || (event.altKey && event.key === 'ArrowDown');
      const back =
        (plain && event.key === 'p' && !typingInField(event.target)) || (event.altKey && event.key === 'ArrowUp');
      if (!forward && !back) return;
      event.preventDefault();
      if (forward) next();
      else previous();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active, next, previous]);

  return { current, next, previous, markCurrent };
}
