import type { RichText } from '../model/review';
import { MAX_RICH_TEXT_DEPTH } from './validate';

/**
 * A comment as plain text, for the command line and the report: one line per paragraph, heading or quote,
 * list items as `- item` or `1. item` indented by nesting, line breaks kept. Links keep their text only.
 * Nothing deeper than a comment may be is read (checked comments never are), so no input can exhaust the stack.
 */
export function richTextToPlainText(body: RichText): string {
  const lines: string[] = [];
  for (const block of childrenOf(body.root)) blockLines(block, 0, lines);
  return lines.join('\n').trim();
}

function blockLines(node: unknown, depth: number, lines: string[]): void {
  if (!isRecord(node) || depth > MAX_RICH_TEXT_DEPTH) return;
  if (node.type !== 'list') {
    lines.push(inlineText(node, depth));
    return;
  }
  const ordered = node.listType === 'number' || node.tag === 'ol';
  let number = typeof node.start === 'number' ? node.start : 1;
  for (const item of childrenOf(node)) {
    if (!isRecord(item)) continue;
    const nested = childrenOf(item).filter((child) => isRecord(child) && child.type === 'list');
    const text = inlineText({ ...item, children: childrenOf(item).filter((child) => !nested.includes(child)) }, depth);
    if (text !== '' || nested.length === 0) {
      const checked = node.listType === 'check' ? (item.checked === true ? '[x] ' : '[ ] ') : '';
      lines.push(`${'  '.repeat(depth)}${ordered ? `${number}.` : '-'} ${checked}${text}`);
      number++;
    }
    for (const list of nested) blockLines(list, depth + 1, lines);
  }
}

function inlineText(node: Record<string, unknown>, depth: number): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'linebreak') return '\n';
  if (depth > MAX_RICH_TEXT_DEPTH) return '';
  return childrenOf(node)
    .map((child) => (isRecord(child) ? inlineText(child, depth + 1) : ''))
    .join('');
}

/**
 * A comment typed as plain text (on the command line) as the one-paragraph editor state the comment editor
 * reads: its lines become line breaks inside the paragraph.
 */
export function plainTextToRichText(text: string): RichText {
  const children: Record<string, unknown>[] = [];
  for (const [index, line] of text.replace(/\r\n?/g, '\n').split('\n').entries()) {
    if (index > 0) children.push({ type: 'linebreak', version: 1 });
    if (line !== '')
      children.push({ type: 'text', text: line, format: 0, style: '', mode: 'normal', detail: 0, version: 1 });
  }
  const paragraph = {
    type: 'paragraph',
    children,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    version: 1,
  };
  return { root: { type: 'root', children: [paragraph], direction: null, format: '', indent: 0, version: 1 } };
}

function childrenOf(node: unknown): unknown[] {
  return isRecord(node) && Array.isArray(node.children) ? node.children : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
