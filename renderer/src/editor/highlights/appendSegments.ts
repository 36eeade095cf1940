import { $createLineBreakNode, $createTextNode, type ElementNode, type LexicalNode, type NodeKey } from 'lexical';
import { BIDI_CONTROL } from '../../../../shared/document';
import { $createAnnotationMarkNode } from '../nodes/AnnotationMarkNode';
import { $createBidiControlNode } from '../nodes/BidiControlNode';
import type { Segment } from './highlightLayout';

const BIDI_CONTROL_SPLIT = new RegExp(`(${BIDI_CONTROL.source})`);

/**
 * Text as nodes: one text node, or for code, its lines with line breaks between, so the text stays exact. Each
 * direction control character is a node of its own, shown as a mark.
 */
export function $textNodes(text: string, keepLines: boolean): LexicalNode[] {
  if (text === '') return [];
  if (!keepLines || !text.includes('\n')) return $lineNodes(text);
  const nodes: LexicalNode[] = [];
  text.split('\n').forEach((line, n) => {
    if (n > 0) nodes.push($createLineBreakNode());
    nodes.push(...$lineNodes(line));
  });
  return nodes;
}

function $lineNodes(line: string): LexicalNode[] {
  if (!BIDI_CONTROL.test(line)) return line === '' ? [] : [$createTextNode(line)];
  // Split with a capturing group: pieces of text at even places, the controls between them at odd ones.
  return line
    .split(BIDI_CONTROL_SPLIT)
    .flatMap((piece, n) =>
      piece === '' ? [] : [n % 2 === 1 ? $createBidiControlNode(piece) : $createTextNode(piece)],
    );
}

/**
 * Appends a block's segments to its element: plain runs as text, annotated runs wrapped in one mark each.
 * Returns the marks made, for the registry.
 */
export function $appendSegments(
  element: ElementNode,
  segments: readonly Segment[],
  keepLines: boolean,
): { key: NodeKey; ids: readonly string[] }[] {
  const marks: { key: NodeKey; ids: readonly string[] }[] = [];
  for (const segment of segments) {
    const nodes = $textNodes(segment.text, keepLines);
    if (segment.ids.length === 0) {
      element.append(...nodes);
      continue;
    }
    const mark = $createAnnotationMarkNode(segment.ids, segment.severity, segment.settled);
    mark.append(...nodes);
    element.append(mark);
    marks.push({ key: mark.getKey(), ids: segment.ids });
  }
  return marks;
}
