import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useEffectEvent } from 'react';

/** The highlight an event happened on, if any, and the annotations it carries (most severe first). */
export function markOf(
  target: EventTarget | null,
  root: HTMLElement,
): { element: HTMLElement; ids: string[] } | undefined {
  const element = target instanceof Element ? target.closest<HTMLElement>('mark.annotation-mark') : null;
  if (!element || !root.contains(element)) return undefined;
  const ids = (element.dataset['annotationIds'] ?? '').split(' ').filter(Boolean);
  return ids.length ? { element, ids } : undefined;
}

/**
 * Opens what a highlight is about: a click on it (not the end of a drag that selected text), or Enter or Space
 * while it has focus, calls `onActivate` with its annotations.
 */
export function MarkActivationPlugin({ onActivate }: { onActivate: (ids: string[], element: HTMLElement) => void }) {
  const [editor] = useLexicalComposerContext();
  const activate = useEffectEvent(onActivate);
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (!root) return;
        const onClick = (event: MouseEvent) => {
          const mark = markOf(event.target, root);
          const selection = document.getSelection();
          if (!mark || (selection && !selection.isCollapsed)) return;
          activate(mark.ids, mark.element);
        };
        const onKeyDown = (event: KeyboardEvent) => {
          if (
            (event.key !== 'Enter' && event.key !== ' ') ||
            event.shiftKey ||
            event.ctrlKey ||
            event.altKey ||
            event.metaKey
          )
            return;
          const mark = markOf(event.target, root);
          if (!mark || mark.element !== event.target) return;
          event.preventDefault();
          activate(mark.ids, mark.element);
        };
        root.addEventListener('click', onClick);
        root.addEventListener('keydown', onKeyDown);
        return () => {
          root.removeEventListener('click', onClick);
          root.removeEventListener('keydown', onKeyDown);
        };
      }),
    [editor],
  );
  return null;
}
