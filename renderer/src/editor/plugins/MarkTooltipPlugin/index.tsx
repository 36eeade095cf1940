import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { markOf } from '../MarkActivationPlugin';

interface Shown {
  ids: string[];
  rect: DOMRect;
}

const GAP = 6;
const WIDTH = 340;

function placement(rect: DOMRect): CSSProperties {
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - WIDTH - 8));
  return rect.bottom + 160 > window.innerHeight
    ? { left, top: rect.top - GAP, transform: 'translateY(-100%)' }
    : { left, top: rect.bottom + GAP };
}

/**
 * Says what a highlight is about (its criteria, severity, status) in a tooltip while the pointer is over it or it
 * has keyboard focus; the focused mark is described by the tooltip for screen readers. Escape hides it, and the
 * pointer can move onto it without it closing.
 */
export function MarkTooltipPlugin({ describe }: { describe: (ids: string[]) => ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const tooltipId = useId();
  const [shown, setShown] = useState<Shown | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);

  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return;
        let focused: HTMLElement | null = null;
        const show = (element: HTMLElement, ids: string[], now = false) => {
          window.clearTimeout(hideTimer.current);
          const next = { ids, rect: element.getClientRects()[0] ?? element.getBoundingClientRect() };
          if (now) flushSync(() => setShown(next));
          else setShown(next);
        };
        const hide = () => {
          window.clearTimeout(hideTimer.current);
          setShown(null);
        };
        const onPointerOver = (event: PointerEvent) => {
          // Not while a button is down: the person is selecting text, and a tooltip under the pointer would end
          // the selection on it (after everything else in the page).
          if (event.buttons !== 0) return;
          const mark = markOf(event.target, root);
          if (mark) show(mark.element, mark.ids);
        };
        // From a press in the text until its release: a focus then comes from the pointer, not the keyboard.
        let pressed = false;
        const onPointerDown = () => {
          pressed = true;
          hide();
        };
        const onPointerUp = () => {
          pressed = false;
        };
        const onPointerOut = (event: PointerEvent) => {
          const mark = markOf(event.target, root);
          if (!mark || (event.relatedTarget instanceof Node && mark.element.contains(event.relatedTarget)) || focused)
            return;
          hideTimer.current = window.setTimeout(() => setShown(null), 200);
        };
        const onFocusIn = (event: FocusEvent) => {
          const mark = markOf(event.target, root);
          if (!mark || mark.element !== event.target) return;
          focused = mark.element;
          // The description is in place before a screen reader reads the newly focused highlight; a press that
          // focused it (and may be starting a selection) shows nothing until the pointer hovers again.
          if (!pressed) show(mark.element, mark.ids, true);
          mark.element.setAttribute('aria-describedby', tooltipId);
        };
        const onFocusOut = () => {
          focused?.removeAttribute('aria-describedby');
          focused = null;
          hide();
        };
        const onKeyDown = (event: KeyboardEvent) => {
          if (event.key === 'Escape') hide();
        };
        const onScroll = () => {
          if (!focused) hide();
        };
        root.addEventListener('pointerover', onPointerOver);
        root.addEventListener('pointerdown', onPointerDown);
        window.addEventListener('pointerup', onPointerUp, true);
        root.addEventListener('pointerout', onPointerOut);
        root.addEventListener('focusin', onFocusIn);
        root.addEventListener('focusout', onFocusOut);
        root.addEventListener('keydown', onKeyDown);
        window.addEventListener('scroll', onScroll, true);
        return () => {
          window.clearTimeout(hideTimer.current);
          root.removeEventListener('pointerover', onPointerOver);
          root.removeEventListener('pointerdown', onPointerDown);
          window.removeEventListener('pointerup', onPointerUp, true);
          root.removeEventListener('pointerout', onPointerOut);
          root.removeEventListener('focusin', onFocusIn);
          root.removeEventListener('focusout', onFocusOut);
          root.removeEventListener('keydown', onKeyDown);
          window.removeEventListener('scroll', onScroll, true);
        };
      }),
    [editor, tooltipId],
  );

  if (!shown) return null;
  return createPortal(
    <div
      id={tooltipId}
      role="tooltip"
      className="mark-tooltip"
      style={placement(shown.rect)}
      onPointerEnter={() => window.clearTimeout(hideTimer.current)}
      onPointerLeave={() => setShown(null)}
    >
      {describe(shown.ids)}
    </div>,
    document.body,
  );
}
