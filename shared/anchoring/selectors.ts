import type { AnnotationTarget } from '../model';

/** How much text on each side of a quote is kept to tell its occurrences apart. */
export const CONTEXT_LENGTH = 32;

export interface TextRange {
  start: number;
  end: number;
}

/**
 * The W3C selectors for `[start, end)` of a version's canonical text: the exact quote with the text around it
 * (TextQuoteSelector) and the offsets (TextPositionSelector), both as the Web Annotation model defines them.
 */
export function targetForRange(
  text: string,
  sourceId: string,
  range: TextRange,
  contextLength = CONTEXT_LENGTH,
): AnnotationTarget {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`range [${start}, ${end}) is not inside the text (length ${text.length})`);
  }
  return {
    source: sourceId,
    selector: [
      {
        type: 'TextQuoteSelector',
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - contextLength), start),
        suffix: text.slice(end, end + contextLength),
      },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

export function quoteOf(target: AnnotationTarget) {
  return target.selector[0];
}

export function positionOf(target: AnnotationTarget): TextRange {
  const { start, end } = target.selector[1];
  return { start, end };
}

/** Every place `exact` occurs in `text`, in order. */
export function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  if (exact === '') return found;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** Characters that agree, read outward from the quote: the end of `a` against the end of `b` (for prefixes). */
export function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Characters that agree from the start (for suffixes). */
export function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Whether the text at the target's recorded position still reads its quote (the text it was made on, unchanged). */
export function readsQuoteWhereRecorded(text: string, target: AnnotationTarget): boolean {
  const { start, end } = target.selector[1];
  return text.slice(start, end) === target.selector[0].exact;
}

/**
 * Where a target sits in the text it was made on: its position when the text there still reads as the quote,
 * else the occurrence of the quote whose surroundings agree best with the recorded prefix and suffix, nearest
 * the recorded position on a tie. `undefined` when the quote is not in the text at all.
 */
export function locateTarget(text: string, target: AnnotationTarget): TextRange | undefined {
  const quote = quoteOf(target);
  const position = positionOf(target);
  if (readsQuoteWhereRecorded(text, target)) return position;
  let best: { start: number; score: number; distance: number } | undefined;
  for (const start of occurrences(text, quote.exact)) {
    const end = start + quote.exact.length;
    const score =
      commonSuffixLength(text.slice(Math.max(0, start - quote.prefix.length), start), quote.prefix) +
      commonPrefixLength(text.slice(end, end + quote.suffix.length), quote.suffix);
    const distance = Math.abs(start - position.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { start, score, distance };
  }
  return best ? { start: best.start, end: best.start + quote.exact.length } : undefined;
}
