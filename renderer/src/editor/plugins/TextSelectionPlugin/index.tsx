import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useEffectEvent } from 'react';
import { useDocumentIndex } from '../../documentIndex';
import { useDocumentHighlights } from '../../highlights/highlightsContext';
import { readTextSelection, type TextSelection } from '../../selection/readTextSelection';

export type { TextSelection };

/**
 * Tells the page what text of the version is selected, with the mouse or the keyboard (the read-only editor keeps
 * the browser's selection): offsets in the version's canonical text, or null when nothing of it is selected.
 * Read once per frame at most, so dragging a selection stays smooth.
 */
export function TextSelectionPlugin({ onChange }: { onChange: (selection: TextSelection | null) => void }) {
  const [editor] = useLexicalComposerContext();
  const index = useDocumentIndex();
  const { layout } = useDocumentHighlights();
  const report = useEffectEvent(onChange);

  useEffect(() => {
    let frame = 0;
    let last = '';
    // While the mouse button is down the selection is still being made: it is reported when the drag ends (a
    // button appearing under the pointer mid-drag would take the selection's end with it).
    let dragging = false;
    const read = () => {
      frame = 0;
      if (dragging) return;
      const selected = readTextSelection(editor, index, layout);
      if (!selected) {
        if (last !== '') report(null);
        last = '';
        return;
      }
      last = `${selected.start}:${selected.end}`;
      report(selected);
    };
    const onSelectionChange = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0 || !editor.getRootElement()?.contains(event.target as Node)) return;
      dragging = true;
      if (last !== '') report(null);
      last = '';
    };
    const onPointerUp = () => {
      if (!dragging) return;
      dragging = false;
      onSelectionChange();
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('pointerup', onPointerUp, true);
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor, index, layout]);

  return null;
}
