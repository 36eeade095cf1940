// Groups a page's lines into paragraphs (and list items, cells, ...). Tagged lines go to the block their tags name,
// in the order of the structure tree; untagged lines are grouped by how they sit on the page: a line continues the
// paragraph above it when it is in the same column, in the same type size, at the usual line distance, aligned with
// it, and does not start with a list marker.
import type { PdfLine } from './pdf-lines';
import type { TaggedBlock, TaggedKind } from './pdf-structure';

/** A block being assembled: its lines, and what it is so far (headings are decided later, for the whole document). */
export interface Draft {
  kind: TaggedKind;
  lines: PdfLine[];
  page: number;
  tagged?: TaggedBlock | undefined;
  level?: number | undefined;
  depth?: number | undefined;
  ordered?: boolean | undefined;
  /** The list label the tags set apart, or the marker at the start of the first line ("•", "1.", "a)"). */
  marker?: string | undefined;
}

export interface PageLines {
  lines: PdfLine[];
  /** The page's tagged blocks in structure-tree order. */
  taggedOrder: TaggedBlock[];
}

/** Measures of the whole document that paragraph grouping needs. */
export interface TextMeasures {
  /** The most common type size, weighted by characters. */
  bodySize: number;
  /** The usual distance between the baselines of two lines of one paragraph, by type size (rounded to 0.5 pt). */
  lineSpacing: Map<number, number>;
  /** The right edge of the body text, by page and column ("3:L"). */
  rightEdge: Map<string, number>;
  /** The baseline of the lowest line of body text, by page: footnotes sit below it. */
  bodyBottom: Map<number, number>;
}

/** A bullet or a number that starts a list item; the capture is the marker without the space after it. */
export const LIST_MARKER =
  /^([•◦▪▫‣⁃∙·●○■□➢►\uf0b7\uf0a7\uf0d8\uf076\uf0fc]|[-–—*](?=\s)|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)](?=\s))\s*/;
const ORDERED_MARKER = /^\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]?$/;
const ENDS_SENTENCE = /[.!?:;…]["”’»)\]]?$/;
/** The start of a footnote at the foot of a page: its number, raised ("[1] ", see pdf-lines) or not ("1 "). */
const NOTE_START = /^\[?(\d{1,3})\]?\s+\S/;

export function measureText(pages: readonly PageLines[]): TextMeasures {
  const sizes = new Map<number, number>();
  const gaps = new Map<number, Map<number, number>>();
  for (const { lines } of pages) {
    for (const [index, line] of lines.entries()) {
      const size = half(line.size);
      sizes.set(size, (sizes.get(size) ?? 0) + line.text.length);
      const previous = lines[index - 1];
      if (!previous || previous.column !== line.column || Math.abs(previous.size - line.size) > 0.3) continue;
      const gap = line.baseline - previous.baseline;
      if (gap < 0.9 * line.size || gap > 2.5 * line.size) continue;
      const bySize = gaps.get(size) ?? new Map<number, number>();
      bySize.set(half(gap), (bySize.get(half(gap)) ?? 0) + 1);
      gaps.set(size, bySize);
    }
  }
  const bodySize = mostCommon(sizes) ?? 10;
  const lineSpacing = new Map<number, number>();
  for (const [size, bySize] of gaps) {
    const spacing = mostCommon(bySize);
    if (spacing !== undefined && [...bySize.values()].reduce((a, b) => a + b, 0) >= 3) lineSpacing.set(size, spacing);
  }
  const rightEdge = new Map<string, number>();
  const bodyBottom = new Map<number, number>();
  for (const { lines } of pages) {
    for (const line of lines) {
      if (Math.abs(line.size - bodySize) > 1) continue;
      const key = `${line.page}:${line.column}`;
      rightEdge.set(key, Math.max(rightEdge.get(key) ?? 0, line.right));
      bodyBottom.set(line.page, Math.max(bodyBottom.get(line.page) ?? 0, line.baseline));
    }
  }
  return { bodySize, lineSpacing, rightEdge, bodyBottom };
}

/** The blocks of one page: tagged blocks in structure order, untagged ones placed where they sit in the reading order. */
export function pageDrafts({ lines, taggedOrder }: PageLines, measures: TextMeasures): Draft[] {
  const tagged = new Map<number, Draft>();
  const untagged: Draft[] = [];
  let current: Draft | undefined;
  for (const line of lines) {
    if (line.tagged) {
      current = undefined;
      const draft = tagged.get(line.tagged.key);
      if (draft) {
        draft.lines.push(line);
        draft.marker ??= line.label;
      } else {
        tagged.set(line.tagged.key, fromTag(line.tagged, line));
      }
    } else if (current && continues(current, line, measures)) {
      current.lines.push(line);
    } else {
      current = fromLine(line, measures);
      untagged.push(current);
    }
  }
  const drafts: Draft[] = [];
  for (const block of taggedOrder) {
    const draft = tagged.get(block.key);
    if (!draft) continue;
    const first = draft.lines[0]?.order ?? 0;
    while (untagged[0] && (untagged[0].lines[0]?.order ?? 0) < first) drafts.push(untagged.shift()!);
    drafts.push(draft);
  }
  return [...drafts, ...untagged];
}

function fromTag(block: TaggedBlock, line: PdfLine): Draft {
  const draft: Draft = {
    kind: block.kind,
    lines: [line],
    page: line.page,
    tagged: block,
    level: block.level,
    depth: block.depth,
    marker: line.label,
  };
  // A tagged paragraph that starts with a bullet is a list item whose producer did not tag lists.
  const marker = block.kind === 'paragraph' ? LIST_MARKER.exec(line.text)?.[1] : undefined;
  if (marker) Object.assign(draft, { kind: 'list-item', marker, depth: undefined });
  return draft;
}

function fromLine(line: PdfLine, measures: TextMeasures): Draft {
  const note = NOTE_START.exec(line.text)?.[1];
  if (
    note &&
    line.size < measures.bodySize * 0.95 &&
    line.baseline > (measures.bodyBottom.get(line.page) ?? Infinity)
  ) {
    return { kind: 'note', lines: [line], page: line.page, marker: note };
  }
  const marker = LIST_MARKER.exec(line.text)?.[1];
  return { kind: marker ? 'list-item' : 'paragraph', lines: [line], page: line.page, marker };
}

function continues(draft: Draft, line: PdfLine, measures: TextMeasures): boolean {
  const previous = draft.lines.at(-1);
  const first = draft.lines[0];
  if (!previous || !first || line.column !== previous.column || Math.abs(line.size - previous.size) > 0.6) return false;
  const gap = line.baseline - previous.baseline;
  const spacing = measures.lineSpacing.get(half(line.size)) ?? line.size * 1.2;
  if (gap < 0.5 * line.size || gap > Math.max(spacing * 1.3, spacing + 0.2 * line.size)) return false;
  if (LIST_MARKER.test(line.text) || (draft.kind === 'note' && NOTE_START.test(line.text))) return false;
  // A short line that ends a sentence ends its paragraph, even when the next one follows at the usual distance.
  const rightEdge = measures.rightEdge.get(`${line.page}:${line.column}`) ?? previous.right;
  if (
    ENDS_SENTENCE.test(previous.text) &&
    rightEdge - previous.right > Math.max(8 * line.size, 0.15 * (rightEdge - first.left))
  )
    return false;
  if (draft.kind === 'list-item') return line.left >= first.left - 2;
  // Larger type that wraps (a centred title) need not keep its left edge.
  if (line.size > measures.bodySize * 1.15) return true;
  const second = draft.lines[1];
  if (!second) return line.left <= first.left + 2 && line.left >= first.left - 4 * line.size;
  return Math.abs(line.left - second.left) <= 2;
}

/** Joins a block's lines: hyphenated words are rejoined ("respon-" + "sible"), other line breaks become spaces. */
export function joinLines(lines: readonly string[], separator = ' '): string {
  let text = '';
  for (const line of lines) {
    if (text === '') {
      text = line;
      continue;
    }
    const hyphenated = separator === ' ' && /\p{L}[-\u2010\u00ad]$/u.test(text);
    if (hyphenated && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else if (hyphenated) text += line;
    else text += separator + line;
  }
  // Soft hyphens are invisible break hints; a few producers leave them in the text layer.
  return text.replace(/\u00ad/g, '');
}

export function isOrderedMarker(marker: string): boolean {
  return ORDERED_MARKER.test(marker.trim());
}

export function endsSentence(text: string): boolean {
  return ENDS_SENTENCE.test(text.trim());
}

function half(value: number): number {
  return Math.round(value * 2) / 2;
}

function mostCommon(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
