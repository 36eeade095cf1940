// Turns one page's text items (pdf.js `getTextContent`) into lines in reading order. A PDF has no lines or
// paragraphs, only runs of glyphs placed on the page; this file rebuilds the lines from where the runs sit.
//
// Reading order: top to bottom, left to right, except on a page that clearly has two columns (a vertical strip
// near the middle that no text crosses, with text on both sides). There the page is cut into bands at the lines
// that span both columns (titles, running heads), and each band is read left column first, then right column.
// Three or more columns, and text flowing around pictures, are read as if they were one column.
import type { PageStructure, TaggedBlock } from './pdf-structure';

/** A text run as pdf.js reports it (only what is used here). */
export interface TextRun {
  str: string;
  transform: number[];
  width: number;
}

/** One line of text, or one cell-sized piece of a line where the line spans several columns or table cells. */
export interface PdfLine {
  page: number;
  /** Position in the page's reading order. */
  order: number;
  /** Left and right edge and baseline, in points from the page's top-left corner. */
  left: number;
  right: number;
  baseline: number;
  /** Font size in points. */
  size: number;
  text: string;
  /** 'L' or 'R' on a page read in two columns, 'S' for a line spanning both, '' otherwise. */
  column: '' | 'L' | 'R' | 'S';
  /** The tagged block this line belongs to (tagged PDFs only). */
  tagged?: TaggedBlock | undefined;
  /** The list label the tags set apart ("1.", "•"), removed from `text`. */
  label?: string | undefined;
}

export interface PageGeometry {
  width: number;
  height: number;
  /** pdf.js viewport transform: user space to the page as displayed (rotation applied, y pointing down). */
  transform: number[];
}

interface Run {
  text: string;
  left: number;
  right: number;
  baseline: number;
  size: number;
  tagged?: TaggedBlock | undefined;
  label: boolean;
}

/** Marked-content bookkeeping pdf.js interleaves with the runs when asked for `includeMarkedContent`. */
interface MarkedContent {
  type: string;
  id?: string | null;
}

/** Reads a page's runs (with their marked-content ids) into lines in reading order. */
export function pageLines(
  page: number,
  items: readonly (TextRun | MarkedContent)[],
  geometry: PageGeometry,
  structure: PageStructure,
): PdfLine[] {
  const runs = collectRuns(items, geometry, structure);
  const rows = groupRows(runs);
  const gutter = findGutter(rows, geometry.width);
  const lines = rows.flatMap((row) => splitRow(row, gutter)).map((pieces) => toLine(page, pieces, gutter));
  return readingOrder(lines, gutter !== undefined).map((line, order) => ({ ...line, order }));
}

function collectRuns(
  items: readonly (TextRun | MarkedContent)[],
  geometry: PageGeometry,
  structure: PageStructure,
): Run[] {
  const runs: Run[] = [];
  const marked: (string | null)[] = [];
  for (const item of items) {
    if (!('str' in item)) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') marked.push(item.id ?? null);
      else if (item.type === 'endMarkedContent') marked.pop();
      continue;
    }
    // Spaces are put back from the gaps between runs.
    if (item.str.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = multiply(geometry.transform, item.transform);
    const size = Math.hypot(c, d);
    if (![a, b, e, f, size, item.width].every(Number.isFinite)) continue;
    // Rotated text (a diagonal "DRAFT" watermark, a vertical margin note) is not part of the running text.
    if (size < 0.5 || Math.abs(b) > 0.1 * Math.abs(a) || Math.abs(a) < 0.01) continue;
    const width = item.width * (Math.hypot(geometry.transform[0] ?? 1, geometry.transform[1] ?? 0) || 1);
    const id = [...marked].reverse().find((m) => m !== null);
    const content = id ? structure.contents.get(id) : undefined;
    const run: Run = {
      text: item.str,
      left: a > 0 ? e : e - width,
      right: a > 0 ? e + width : e,
      baseline: f,
      size,
      tagged: content?.block,
      label: content?.label ?? false,
    };
    // Some producers fake bold type by drawing the same text twice, a fraction of a point apart.
    const previous = runs.at(-1);
    if (
      previous &&
      previous.text === run.text &&
      Math.abs(previous.left - run.left) < 1.5 &&
      Math.abs(previous.baseline - run.baseline) < 1.5
    )
      continue;
    runs.push(run);
  }
  return runs;
}

/** Runs on one baseline (within half a font size: superscripts stay on their line), left to right. */
function groupRows(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((p, q) => p.baseline - q.baseline || p.left - q.left);
  const rows: { baseline: number; size: number; runs: Run[] }[] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(run.baseline - row.baseline) <= 0.5 * Math.max(run.size, row.size)) {
      row.runs.push(run);
      if (run.size > row.size) {
        row.size = run.size;
        row.baseline = run.baseline;
      }
    } else {
      rows.push({ baseline: run.baseline, size: run.size, runs: [run] });
    }
  }
  return rows.map((row) => row.runs.sort((p, q) => p.left - q.left));
}

interface Gutter {
  from: number;
  to: number;
}

/**
 * The strip between two columns: in the middle of the page, the widest vertical strip crossed by the fewest lines,
 * with at least five lines entirely on each side and at most one line crossing it for every two that do not (a
 * title, a running head, a page number may cross it; body text may not). Undefined on a one-column page.
 */
function findGutter(rows: Run[][], pageWidth: number): Gutter | undefined {
  // 14,400 units (200 inches) is the largest page the PDF standard allows; a larger one is not laid out in columns.
  if (rows.length < 10 || pageWidth <= 0 || pageWidth > 14_400) return undefined;
  const from = Math.floor(pageWidth * 0.3);
  const to = Math.ceil(pageWidth * 0.7);
  const crossing = linesCrossing(rows, from, to);
  const fewest = crossing.reduce((min, count) => Math.min(min, count), Infinity);
  let best: Gutter | undefined;
  let start = -1;
  for (let i = 0; i <= crossing.length; i++) {
    const open = i < crossing.length && crossing[i] === fewest;
    if (open && start < 0) start = i;
    if (!open && start >= 0) {
      if (!best || i - start > best.to - best.from) best = { from: from + start, to: from + i };
      start = -1;
    }
  }
  if (!best || best.to - best.from < 6 || fewest > 0.5 * (rows.length - fewest)) return undefined;
  const gutter = best;
  const crosses = (row: Run[]) => row.some((run) => run.left < gutter.to - 1 && run.right > gutter.from + 1);
  const leftRows = rows.filter((row) => !crosses(row) && row.some((run) => run.right <= gutter.from + 1)).length;
  const rightRows = rows.filter((row) => !crosses(row) && row.some((run) => run.left >= gutter.to - 1)).length;
  return leftRows >= 5 && rightRows >= 5 ? gutter : undefined;
}

/** For each point from `from` to `to`, how many rows have text over it (a row counts once however many runs). */
function linesCrossing(rows: readonly Run[][], from: number, to: number): number[] {
  const width = to - from;
  const at = (x: number) => Math.min(width, Math.max(0, x - from));
  // Where each row's covered spans start and end; a running sum turns that into counts.
  const changes = new Int32Array(width + 1);
  const count = ({ start, end }: { start: number; end: number }) => {
    changes[start]! += 1;
    changes[end]! -= 1;
  };
  for (const row of rows) {
    // A row's runs are in order of their left edge, so overlapping or touching spans can be merged as they come.
    let span: { start: number; end: number } | undefined;
    for (const run of row) {
      const left = at(Math.floor(run.left));
      const right = at(Math.ceil(run.right));
      if (right <= left) continue;
      if (span && left <= span.end) {
        span.end = Math.max(span.end, right);
        continue;
      }
      if (span) count(span);
      span = { start: left, end: right };
    }
    if (span) count(span);
  }
  const crossing = new Array<number>(width);
  let rowsOver = 0;
  for (let x = 0; x < width; x++) crossing[x] = rowsOver += changes[x]!;
  return crossing;
}

/**
 * Cuts a row where it crosses the gutter, where two tagged blocks meet (cells of a table row) and at wide gaps
 * (a table without tags, a label and its value).
 */
function splitRow(row: Run[], gutter: Gutter | undefined): Run[][] {
  const pieces: Run[][] = [];
  let current: Run[] = [];
  for (const run of row) {
    const last = current.at(-1);
    const gap = last ? run.left - last.right : 0;
    const size = Math.max(run.size, last?.size ?? 0);
    const crossesGutter =
      gutter !== undefined && last !== undefined && last.right <= gutter.from + 1 && run.left >= gutter.to - 1;
    const newBlock = last?.tagged !== undefined && run.tagged !== undefined && last.tagged.key !== run.tagged.key;
    if (last && (crossesGutter || newBlock || gap > 3 * size)) {
      pieces.push(current);
      current = [];
    }
    current.push(run);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

function toLine(page: number, runs: Run[], gutter: Gutter | undefined): PdfLine {
  // The baseline and size of the line are those of its largest type (not of a superscript footnote mark).
  const main = runs.reduce((best, run) => (run.size > best.size ? run : best));
  let text = '';
  let label = '';
  let previous: Run | undefined;
  for (const run of runs) {
    if (run.label) {
      label += run.text;
      continue;
    }
    const mark = footnoteMark(run, main);
    if (mark !== undefined) {
      // Written "[1]" as the Word and HTML importers write note markers, so versions in different formats compare.
      text += text === '' ? `[${mark}] ` : `[${mark}]`;
    } else {
      const gap = previous ? run.left - previous.right : 0;
      const spaced = text === '' || /\s$/.test(text) || /^\s/.test(run.text);
      text += !spaced && gap > 0.15 * Math.max(run.size, previous?.size ?? 0) ? ` ${run.text}` : run.text;
    }
    previous = run;
  }
  const left = runs.reduce((min, run) => Math.min(min, run.left), Infinity);
  const right = runs.reduce((max, run) => Math.max(max, run.right), -Infinity);
  const tagged =
    runs.find((run) => run.tagged && !run.label && run.text.trim() !== '')?.tagged ??
    runs.find((run) => run.tagged)?.tagged;
  const column = gutter === undefined ? '' : right <= gutter.from + 1 ? 'L' : left >= gutter.to - 1 ? 'R' : 'S';
  return {
    page,
    order: 0,
    left,
    right,
    baseline: main.baseline,
    size: main.size,
    text: text.replace(/\s+/g, ' ').trim(),
    column,
    tagged,
    label: label.trim() || undefined,
  };
}

/** The number of a footnote mark: a number of one to three digits set smaller than its line and raised above it. */
function footnoteMark(run: Run, main: Run): string | undefined {
  const digits = run.text.trim();
  const raised = main.baseline - run.baseline >= 0.2 * main.size;
  return run.size <= 0.9 * main.size && raised && /^\d{1,3}$/.test(digits) ? digits : undefined;
}

/** Top to bottom; on a two-column page, band by band (bands cut at spanning lines), left column before right. */
function readingOrder(lines: PdfLine[], twoColumns: boolean): PdfLine[] {
  const byPosition = (p: PdfLine, q: PdfLine) => p.baseline - q.baseline || p.left - q.left;
  if (!twoColumns) return [...lines].sort(byPosition);
  const ordered: PdfLine[] = [];
  const spanning = lines.filter((line) => line.column === 'S').sort(byPosition);
  let top = -Infinity;
  for (const cut of [...spanning, undefined]) {
    const bottom = cut?.baseline ?? Infinity;
    const inBand = (line: PdfLine) => line.column !== 'S' && line.baseline > top && line.baseline <= bottom;
    ordered.push(...lines.filter((line) => inBand(line) && line.column === 'L').sort(byPosition));
    ordered.push(...lines.filter((line) => inBand(line) && line.column === 'R').sort(byPosition));
    if (cut) ordered.push(cut);
    top = bottom;
  }
  return ordered;
}

function multiply(m: number[], n: number[]): number[] {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = m;
  const [g = 1, h = 0, i = 0, j = 1, k = 0, l = 0] = n;
  return [a * g + c * h, b * g + d * h, a * i + c * j, b * i + d * j, a * k + c * l + e, b * k + d * l + f];
}
