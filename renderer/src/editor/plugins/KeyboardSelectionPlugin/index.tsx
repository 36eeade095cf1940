import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

type Granularity = 'character' | 'word' | 'line' | 'lineboundary';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** What Shift with an arrow, Home or End does to a selection, as in a text editor. */
function extensionFor(
  event: KeyboardEvent,
): { direction: 'forward' | 'backward'; granularity: Granularity } | undefined {
  if (!event.shiftKey || (!isMac && (event.metaKey || event.altKey))) return undefined;
  const byWord = isMac ? event.altKey : event.ctrlKey;
  const toLineEdge = isMac && event.metaKey;
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: toLineEdge ? 'lineboundary' : byWord ? 'word' : 'character' };
    case 'ArrowRight':
      return { direction: 'forward', granularity: toLineEdge ? 'lineboundary' : byWord ? 'word' : 'character' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' };
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' };
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' };
    default:
      return undefined;
  }
}

/** The first text position of an element, or of the first text on screen in the root. */
function startingPoint(root: HTMLElement, target: EventTarget | null): { node: Node; offset: number } | undefined {
  const from = target instanceof HTMLElement && target !== root && root.contains(target) ? target : undefined;
  if (from) {
    const walker = document.createTreeWalker(from, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode();
    if (text) return { node: text, offset: 0 };
  }
  const box = root.getBoundingClientRect();
  const x = box.left + 24;
  const y = Math.max(box.top, 0) + 24;
  const caret = document.caretPositionFromPoint?.(x, y);
  if (caret && root.contains(caret.offsetNode)) return { node: caret.offsetNode, offset: caret.offset };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode();
  return first ? { node: first, offset: 0 } : undefined;
}

/**
 * Selecting text with the keyboard in the read-only view: Shift with the arrows (Ctrl for words), Home and End
 * extends the selection as in a text editor. Without a selection in the text yet, it starts at the highlight that
 * has focus, or at the first words on screen.
 */
export function KeyboardSelectionPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerRootListener((root) => {
        const onKeyDown = (event: KeyboardEvent) => {
          const extension = extensionFor(event);
          const selection = document.getSelection();
          if (!extension || !selection || !root) return;
          if (selection.rangeCount === 0 || !root.contains(selection.focusNode)) {
            const start = startingPoint(root, event.target);
            if (!start) return;
            selection.collapse(start.node, start.offset);
          }
          event.preventDefault();
          selection.modify('extend', extension.direction, extension.granularity);
        };
        root?.addEventListener('keydown', onKeyDown);
        return () => root?.removeEventListener('keydown', onKeyDown);
      }),
    [editor],
  );
  return null;
}
