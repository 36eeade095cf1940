import type { LexicalEditor } from 'lexical';
import type { DocumentIndex } from '../buildDocumentState';
import type { HighlightLayout } from '../highlights/highlightLayout';

/** Where a character offset of one block falls in its element: text nodes count their characters, line breaks one. */
function pointInBlock(element: HTMLElement, offset: number): { node: Node; offset: number } | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let seen = 0;
  let last: Text | undefined;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (offset <= seen + text.length) return { node: text, offset: offset - seen };
      seen += text.length;
      last = text;
    } else if ((node as Element).tagName === 'BR') {
      seen += 1;
    }
  }
  return last ? { node: last, offset: last.length } : undefined;
}

/**
 * The DOM range over `[start, end)` of the version's canonical text, to show words that are not selected (a
 * restored draft's); null when they are not in this view.
 */
export function textRangeToDom(
  editor: LexicalEditor,
  index: DocumentIndex,
  layout: HighlightLayout,
  start: number,
  end: number,
): Range | null {
  const blocks = layout.blocksOver(start, end);
  const first = blocks[0];
  const last = blocks.at(-1);
  if (first === undefined || last === undefined) return null;
  const elementOf = (blockIndex: number) => {
    const block = layout.blocks[blockIndex];
    const key = block && index.blockKeys.get(block.id);
    return key === undefined ? null : editor.getElementByKey(key);
  };
  const startElement = elementOf(first);
  const endElement = elementOf(last);
  if (!startElement || !endElement) return null;
  const from = pointInBlock(startElement, Math.max(0, start - layout.blockStartAt(first)!));
  const to = pointInBlock(endElement, Math.max(0, end - layout.blockStartAt(last)!));
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
