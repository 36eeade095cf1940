import type { LexicalEditor } from 'lexical';
import type { DocumentIndex } from '../buildDocumentState';
import type { HighlightLayout } from '../highlights/highlightLayout';
import { selectedTextRange, type SelectedText } from './selectedTextRange';

/** A selection in the policy text, with where it ends on screen (for a button beside it) and its DOM range. */
export interface TextSelection extends SelectedText {
  /** The last line box of the selection, in viewport coordinates. */
  endRect: DOMRect;
  /** A copy of the DOM range, to keep the words marked while a form has focus. */
  domRange: Range;
}

/** The text of this view the browser's selection covers now, or null when it covers none. */
export function readTextSelection(
  editor: LexicalEditor,
  index: DocumentIndex,
  layout: HighlightLayout,
): TextSelection | null {
  const selection = document.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  const root = editor.getRootElement();
  if (!range || !root || range.collapsed || !(root.contains(range.startContainer) || root.contains(range.endContainer)))
    return null;
  const selected = selectedTextRange(editor, index, layout, range);
  if (!selected) return null;
  const rects = range.getClientRects();
  const endRect = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { ...selected, endRect, domRange: range.cloneRange() };
}
