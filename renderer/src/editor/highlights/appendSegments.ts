import { $createLineBreakNode, $createTextNode, type ElementNode, type LexicalNode, type NodeKey } from 'lexical';
import { $createAnnotationMarkNode } from '../nodes/AnnotationMarkNode';
import type { Segment } from './highlightLayout';

/** Text as nodes: one text node, or for code, its lines with line breaks between, so the text stays exact. */
export function $textNodes(text: string, keepLines: boolean): LexicalNode[] {
  if (text === '') return [];
  if (!keepLines || !text.includes('\n')) return [$createTextNode(text)];
  const nodes: LexicalNode[] = [];
  text.split('\n').forEach((line, n) => {
    if (n > 0) nodes.push($createLineBreakNode());
    if (line !== '') nodes.push($createTextNode(line));
  });
  return nodes;
}

/**
 * Appends a block's segments to its element: plain runs as text, annotated runs wrapped in one mark each.
 * Returns the marks made, for the registry.
 */
export function $appendSegments(element: ElementNode, segments: readonly Segment[], keepLines: boolean): { key: NodeKey; ids: readonly string[] }[] {
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
