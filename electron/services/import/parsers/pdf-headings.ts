// Decides which blocks are headings, from the best evidence the PDF has: its outline (bookmarks), whose titles are
// matched to blocks; else the structure tags (H1-H6), already on the drafts; else, when neither names a single
// heading, type clearly larger than the body text, ranked by size.
import type { Draft } from './pdf-paragraphs';
import { joinLines } from './pdf-paragraphs';

export interface OutlineEntry {
  title: string;
  /** 1 for a top-level bookmark. */
  level: number;
  /** 1-based page the bookmark points to, when it could be resolved. */
  page?: number | undefined;
}

const LONGEST_HEADING = 300;

/** Marks headings on the drafts (in place; a heading that wrapped into several blocks becomes one). */
export function assignHeadings(drafts: Draft[], outline: readonly OutlineEntry[], bodySize: number): void {
  const matched = matchOutline(drafts, outline);
  const tagged = drafts.some((draft) => draft.kind === 'heading');
  if (matched === 0 && !tagged) headingsFromSize(drafts, bodySize);
}

function matchOutline(drafts: Draft[], outline: readonly OutlineEntry[]): number {
  let matched = 0;
  let cursor = 0;
  for (const entry of outline) {
    const title = comparable(entry.title);
    if (title === '') continue;
    // Bookmarks come in document order and name their page; a few point to the page before, or out of order.
    const at =
      findTitle(drafts, title, entry.page, cursor) ??
      findTitle(drafts, title, entry.page, 0) ??
      findTitle(drafts, title, undefined, cursor);
    if (at === undefined) continue;
    const draft = drafts[at]!;
    Object.assign(draft, { kind: 'heading', level: Math.min(6, entry.level), depth: undefined, marker: undefined });
    matched++;
    cursor = at + 1;
  }
  return matched;
}

/** The index of the block whose text is the title, merging up to three consecutive blocks a wrapped title was split into. */
function findTitle(drafts: Draft[], title: string, page: number | undefined, from: number): number | undefined {
  for (let i = from; i < drafts.length; i++) {
    const draft = drafts[i]!;
    if ((page !== undefined && draft.page !== page) || !mayBeHeading(draft)) continue;
    let text = comparable(textOf(draft));
    if (text === title) return i;
    let parts = 1;
    while (parts < 3 && text !== '' && title.startsWith(text) && text.length < title.length) {
      const next = drafts[i + parts];
      if (!next || !mayBeHeading(next) || next.page !== draft.page) break;
      text += comparable(textOf(next));
      parts++;
      if (text === title) {
        for (const extra of drafts.splice(i + 1, parts - 1)) draft.lines.push(...extra.lines);
        return i;
      }
    }
  }
  return undefined;
}

function mayBeHeading(draft: Draft): boolean {
  return draft.kind !== 'table-cell' && !(draft.kind === 'list-item' && draft.tagged?.kind === 'list-item');
}

function headingsFromSize(drafts: Draft[], bodySize: number): void {
  const candidates = drafts.filter((draft) => {
    const size = sizeOf(draft);
    return (
      (draft.kind === 'paragraph' || (draft.kind === 'list-item' && !draft.tagged)) &&
      size >= bodySize * 1.15 &&
      size >= bodySize + 1 &&
      draft.lines.length <= 3 &&
      textOf(draft).length <= LONGEST_HEADING
    );
  });
  const sizes = [...new Set(candidates.map((draft) => Math.round(sizeOf(draft) * 2) / 2))].sort((a, b) => b - a);
  for (const draft of candidates) {
    const level = sizes.indexOf(Math.round(sizeOf(draft) * 2) / 2) + 1;
    Object.assign(draft, { kind: 'heading', level: Math.min(6, level), depth: undefined, marker: undefined });
  }
}

function sizeOf(draft: Draft): number {
  return draft.lines.reduce((max, line) => Math.max(max, line.size), 0);
}

function textOf(draft: Draft): string {
  return joinLines(draft.lines.map((line) => line.text));
}

/** Letters and digits only, lower case: outline titles and page text differ in spaces, dashes and quotes. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
