// Running heads and feet (the title repeated at the top of every page, "Page 3 of 12" at the bottom) are part of
// the page, not of the policy: left in, they would split paragraphs that run across pages and show up in every
// comparison. A line is one of them when it is in the top or bottom band of its page and either is just a page
// number, or repeats (with its digits ignored) in the same band on at least half of the pages. Headings are not
// (type larger than the body text, or tagged as headings): a document that starts every section on a new page
// repeats "Section 1", "Section 2" at the top of its pages.
import type { PdfLine } from './pdf-lines';

/** How many lines from the top and from the bottom of a page may be running text, and the share of the page they sit in. */
const BAND_LINES = 3;
const BAND_SHARE = 0.2;

/** "7", "- 7 -", "vii", "Page 7", "Page 7 of 12", "7/12", "Seite 7 von 12". */
const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|pagina|página)\s*)?[-–—(]?\s*(?:\d{1,5}|[ivx]{1,6})\s*[-–—)]?\s*(?:(?:of|von|de|sur|\/)\s*\d{1,5})?$/i;

/** The lines of all pages that are running heads, running feet or page numbers. */
export function findRunningText(pages: readonly (readonly PdfLine[])[], pageHeights: readonly number[]): Set<PdfLine> {
  const running = new Set<PdfLine>();
  const seen = new Map<string, Set<number>>();
  const candidates: { line: PdfLine; key: string }[] = [];
  const bodySize = commonSize(pages);
  let pagesWithText = 0;

  pages.forEach((lines, index) => {
    if (lines.length === 0) return;
    pagesWithText++;
    const height = pageHeights[index] ?? 0;
    const byHeight = [...lines].sort((p, q) => p.baseline - q.baseline);
    const top = byHeight.slice(0, BAND_LINES).filter((line) => height <= 0 || line.baseline <= height * BAND_SHARE);
    const bottom = byHeight
      .slice(-BAND_LINES)
      .filter((line) => height <= 0 || line.baseline >= height * (1 - BAND_SHARE));
    for (const [band, bandLines] of [
      ['top', top],
      ['bottom', bottom],
    ] as const) {
      for (const line of bandLines) {
        if (PAGE_NUMBER.test(line.text.trim())) {
          running.add(line);
          continue;
        }
        if (line.size > bodySize * 1.1 || line.tagged?.kind === 'heading') continue;
        const key = `${band}:${repeatKey(line.text)}`;
        candidates.push({ line, key });
        const pagesSeen = seen.get(key) ?? new Set<number>();
        pagesSeen.add(index);
        seen.set(key, pagesSeen);
      }
    }
  });

  const needed = Math.max(2, Math.ceil(pagesWithText / 2));
  for (const { line, key } of candidates) {
    if ((seen.get(key)?.size ?? 0) >= needed) running.add(line);
  }
  return running;
}

function repeatKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** The type size most of the text is set in (by characters). */
function commonSize(pages: readonly (readonly PdfLine[])[]): number {
  const chars = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = Math.round(line.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  let best = Infinity;
  let most = 0;
  for (const [size, count] of chars) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}
