import { markBidiControls } from '../../../shared/document';
import type { BlockDraft } from './types';

const MAX_HEADING_CHARS = 60;
const MAX_EXCERPT_CHARS = 80;

const KIND_NAMES: Record<Exclude<BlockDraft['type'], 'heading' | 'table-cell' | 'note'>, string> = {
  paragraph: 'paragraph',
  'list-item': 'list item',
  quote: 'quote',
  code: 'code block',
};

/**
 * Where a block is, as a person finds it in the document view: by the heading it comes under and its place
 * among the blocks of its kind there, e.g. “paragraph 4 under “Privacy””, “the heading “Privacy””.
 */
export function describeBlockPlace(blocks: readonly BlockDraft[], index: number): string {
  const block = blocks[index];
  if (!block) return 'the end of the document';
  if (block.type === 'heading') return `the heading “${shortened(block.text, MAX_HEADING_CHARS)}”`;
  let heading: BlockDraft | undefined;
  let count = 0;
  for (let i = index; i >= 0; i--) {
    const other = blocks[i]!;
    if (other.type === 'heading') {
      heading = other;
      break;
    }
    if (other.type === block.type) count++;
  }
  const under = heading ? ` under “${shortened(heading.text, MAX_HEADING_CHARS)}”` : ' before the first heading';
  if (block.type === 'note') return `note ${block.label}`;
  if (block.type === 'table-cell') return `the table cell in row ${block.row + 1}, column ${block.column + 1}${under}`;
  return `${KIND_NAMES[block.type]} ${count}${under}`;
}

/**
 * A piece of the document's text for a message: on one line, shortened (around `at`, when given, with a little
 * of what comes before it), with direction controls shown as marks.
 */
export function excerpt(text: string, at = 0): string {
  const from = Math.max(0, at - MAX_EXCERPT_CHARS / 4);
  const piece = shortened(text.slice(from).replace(/\s+/g, ' ').trim(), MAX_EXCERPT_CHARS);
  return from > 0 ? `…${piece}` : piece;
}

function shortened(text: string, max: number): string {
  const marked = markBidiControls(text);
  return marked.length > max ? `${marked.slice(0, max - 1).trimEnd()}…` : marked;
}
