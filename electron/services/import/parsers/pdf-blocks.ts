// From the lines of all pages to the review's blocks: paragraphs per page, headings for the whole document, list
// depths, paragraphs that run on across a page (or column) break joined again, and the text of each block.
import type { BlockDraft } from '../types';
import { assignHeadings, type OutlineEntry } from './pdf-headings';
import {
  endsSentence,
  isOrderedMarker,
  joinLines,
  LIST_MARKER,
  measureText,
  pageDrafts,
  type Draft,
  type PageLines,
  type TextMeasures,
} from './pdf-paragraphs';

export function pdfBlocks(pages: readonly PageLines[], outline: readonly OutlineEntry[]): BlockDraft[] {
  const measures = measureText(pages);
  const drafts = pages.flatMap((page) => pageDrafts(page, measures));
  assignHeadings(drafts, outline, measures.bodySize);
  setListDepths(drafts);
  joinContinuations(drafts, measures);
  return drafts.map(toBlock).filter((block) => block.text !== '' || block.type === 'table-cell');
}

/**
 * Depth of list items the tags do not nest: by how far their marker is indented, ranked within each run of
 * consecutive list items (the least indented is depth 0).
 */
function setListDepths(drafts: Draft[]): void {
  let run: Draft[] = [];
  const finish = () => {
    const indents: number[] = [];
    for (const left of run.map((draft) => draft.lines[0]?.left ?? 0).sort((a, b) => a - b)) {
      if (indents.length === 0 || left - indents.at(-1)! > 3) indents.push(left);
    }
    for (const draft of run) {
      const left = draft.lines[0]?.left ?? 0;
      draft.depth = Math.max(
        0,
        indents.findLastIndex((indent) => indent <= left + 3),
      );
    }
    run = [];
  };
  for (const draft of drafts) {
    if (draft.kind === 'list-item' && draft.depth === undefined) run.push(draft);
    else if (run.length > 0 && !(draft.kind === 'list-item')) finish();
  }
  if (run.length > 0) finish();
}

/**
 * A paragraph cut by a page or column break comes back as two blocks; they are one when, in the same type size,
 * the first does not end a sentence and either its last line runs to the right edge (a line that wrapped, not a
 * paragraph's last) or the second goes on in lower case.
 */
function joinContinuations(drafts: Draft[], measures: TextMeasures): void {
  for (let i = drafts.length - 1; i > 0; i--) {
    const after = drafts[i]!;
    // Footnotes at the foot of the page sit between the two parts; they stay where they are.
    let b = i - 1;
    while (b > 0 && drafts[b]!.kind === 'note' && after.kind !== 'note') b--;
    const before = drafts[b]!;
    const last = before.lines.at(-1);
    const first = after.lines[0];
    if (!last || !first || (last.page === first.page && last.column === first.column)) continue;
    const sameKind =
      before.kind === after.kind &&
      (after.kind === 'paragraph' || after.kind === 'quote' || (after.kind === 'list-item' && !after.marker));
    const sameBlock = before.tagged && after.tagged ? before.tagged.kind === after.tagged.kind : true;
    if (!sameKind || !sameBlock || Math.abs(last.size - first.size) > 0.6) continue;
    const rightEdge = measures.rightEdge.get(`${last.page}:${last.column}`) ?? last.right;
    const wrapped = rightEdge - last.right < 8 * last.size;
    if (endsSentence(last.text) || !(wrapped || /^\p{Ll}/u.test(first.text))) continue;
    before.lines.push(...after.lines);
    drafts.splice(i, 1);
  }
}

function toBlock(draft: Draft): BlockDraft {
  const page = draft.page;
  const lines = draft.lines.map((line) => line.text);
  if (draft.kind === 'code') return { type: 'code', text: joinLines(lines, '\n'), page };
  let text = joinLines(lines);
  switch (draft.kind) {
    case 'heading':
      return { type: 'heading', level: draft.level ?? 1, text, page };
    case 'list-item': {
      // The marker is the list's, not the text's: drop it, and let it say whether the list is numbered.
      const inText = LIST_MARKER.exec(text);
      if (inText && (!draft.marker || draft.marker === inText[1] || !draft.tagged)) text = text.slice(inText[0].length);
      const marker = draft.marker ?? inText?.[1] ?? '';
      return { type: 'list-item', depth: Math.min(16, draft.depth ?? 0), ordered: isOrderedMarker(marker), text, page };
    }
    case 'table-cell': {
      const cell = draft.tagged;
      return {
        type: 'table-cell',
        table: cell?.table ?? 0,
        row: cell?.row ?? 0,
        column: cell?.column ?? 0,
        header: cell?.header ?? false,
        text,
        page,
      };
    }
    case 'note': {
      const label = /^\[?(\d{1,4}|[*†‡§])\]?\s+/.exec(text);
      if (label) text = text.slice(label[0].length);
      return { type: 'note', label: label?.[1] ?? '', text, page };
    }
    case 'quote':
      return { type: 'quote', text, page };
    default:
      return { type: 'paragraph', text, page };
  }
}
