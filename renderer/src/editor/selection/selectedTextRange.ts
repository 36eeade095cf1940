import { $getNearestNodeFromDOMNode, type LexicalEditor, type LexicalNode } from 'lexical';
import type { DocumentIndex } from '../buildDocumentState';
import type { HighlightLayout } from '../highlights/highlightLayout';

/** Text the person selected in the shown version: offsets in its canonical text, and the text there. */
export interface SelectedText {
  start: number;
  end: number;
  exact: string;
}

interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * The part of the version's canonical text a DOM range covers, without the white space at its ends; undefined
 * when it covers no text of this view. Each end is mapped through the editor: the text node it is in, the block
 * that holds that node, and where the block starts in the canonical text.
 */
export function selectedTextRange(
  editor: LexicalEditor,
  index: DocumentIndex,
  layout: HighlightLayout,
  range: Range,
): SelectedText | undefined {
  const root = editor.getRootElement();
  if (!root || range.collapsed) return undefined;
  const startInside = root.contains(range.startContainer);
  const endInside = root.contains(range.endContainer);
  if (!startInside && !endInside && !range.intersectsNode(root)) return undefined;
  const from = textPointAt(
    root,
    startInside ? range.startContainer : root,
    startInside ? range.startOffset : 0,
    'forward',
  );
  const to = textPointAt(
    root,
    endInside ? range.endContainer : root,
    endInside ? range.endOffset : root.childNodes.length,
    'backward',
  );
  if (!from || !to) return undefined;
  const offsets = editor.read(
    () => [canonicalOffset(from, index, layout), canonicalOffset(to, index, layout)] as const,
  );
  let [start, end] = offsets;
  if (start === undefined || end === undefined || end <= start) return undefined;
  const text = layout.text;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return undefined;
  return { start, end, exact: text.slice(start, end) };
}

/**
 * The text position a DOM boundary point stands for: itself inside a text node; otherwise the start of the next
 * text (for the start of a selection) or the end of the previous one (for its end).
 */
function textPointAt(
  root: HTMLElement,
  container: Node,
  offset: number,
  direction: 'forward' | 'backward',
): TextPoint | undefined {
  if (container.nodeType === Node.TEXT_NODE) return { node: container as Text, offset };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const child = container.childNodes[offset];
  if (direction === 'forward') {
    if (child) {
      if (child.nodeType === Node.TEXT_NODE) return { node: child as Text, offset: 0 };
      walker.currentNode = child;
    } else {
      walker.currentNode = lastDescendant(container);
    }
    const next = walker.nextNode() as Text | null;
    return next && root.contains(next) ? { node: next, offset: 0 } : undefined;
  }
  let previous: Text | null;
  if (child) {
    walker.currentNode = child;
    previous = walker.previousNode() as Text | null;
  } else {
    const last = lastDescendant(container);
    walker.currentNode = last;
    previous = last.nodeType === Node.TEXT_NODE ? (last as Text) : (walker.previousNode() as Text | null);
  }
  return previous ? { node: previous, offset: previous.length } : undefined;
}

function lastDescendant(node: Node): Node {
  let last = node;
  while (last.lastChild) last = last.lastChild;
  return last;
}

/** Where a point in a text node falls in the canonical text: the block's start plus the text before it in the block. */
function canonicalOffset(point: TextPoint, index: DocumentIndex, layout: HighlightLayout): number | undefined {
  let node: LexicalNode | null = $getNearestNodeFromDOMNode(point.node);
  let offset = Math.min(point.offset, node?.getTextContentSize() ?? 0);
  while (node) {
    const blockIndex = index.blockIndexByKey.get(node.getKey());
    if (blockIndex !== undefined) {
      const blockStart = layout.blockStartAt(blockIndex);
      return blockStart === undefined ? undefined : blockStart + offset;
    }
    for (let sibling = node.getPreviousSibling(); sibling; sibling = sibling.getPreviousSibling())
      offset += sibling.getTextContentSize();
    node = node.getParent();
  }
  return undefined;
}
