import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * When `shown` turns true and focus has fallen to the page (the control that had it went away in the same change,
 * as a form's Save button does when the form closes), focus `target`: the keyboard carries on from where it was.
 */
export function useFocusIfLost(target: RefObject<HTMLElement | null>, shown: boolean): void {
  const shownBefore = useRef(shown);
  useLayoutEffect(() => {
    const appeared = shown && !shownBefore.current;
    shownBefore.current = shown;
    if (appeared && (!document.activeElement || document.activeElement === document.body)) target.current?.focus();
  }, [target, shown]);
}
