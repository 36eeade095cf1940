import type { WordPart } from '../compare';

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text`, counted up to `limit` at most. */
export function countWords(text: string, limit = Infinity): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) if (++n >= limit) break;
  return n;
}

/**
 * Where an offset in the older block's text lands in the newer block's text, through the word diff: inside kept
 * text, at the same character; inside removed text, where the removal was (so a replacement is included).
 */
export function mapStartThroughParts(parts: readonly WordPart[], offset: number): number {
  let o = 0;
  let n = 0;
  for (const part of parts) {
    const length = part.text.length;
    if (part.kind === 'added') {
      n += length;
      continue;
    }
    if (offset < o + length) return part.kind === 'equal' ? n + (offset - o) : n;
    o += length;
    if (part.kind === 'equal') n += length;
  }
  return n;
}

/**
 * Where the end of a passage (an exclusive offset) lands: after the same character when it was kept; after the
 * text that replaced it when it was removed.
 */
export function mapEndThroughParts(parts: readonly WordPart[], offset: number): number {
  if (offset <= 0) return 0;
  let o = 0;
  let n = 0;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    const length = part.text.length;
    if (part.kind === 'added') {
      n += length;
      continue;
    }
    if (offset <= o + length) {
      if (part.kind === 'equal') return n + (offset - o);
      // Removed: the words that replaced it (added right after) belong to the passage.
      for (let q = p + 1; q < parts.length && parts[q]!.kind === 'added'; q++) n += parts[q]!.text.length;
      return n;
    }
    o += length;
    if (part.kind === 'equal') n += length;
  }
  return n;
}

/** How many words of the older text's `[from, to)` the word diff kept unchanged. */
export function keptWordsThroughParts(parts: readonly WordPart[], from: number, to: number): number {
  let o = 0;
  let kept = 0;
  for (const part of parts) {
    if (part.kind === 'added') continue;
    const length = part.text.length;
    if (part.kind === 'equal') {
      const start = Math.max(from, o);
      const end = Math.min(to, o + length);
      if (start < end) kept += countWords(part.text.slice(start - o, end - o));
    }
    o += length;
    if (o >= to) break;
  }
  return kept;
}
