import { occurrences } from './selectors';

/** Characters a probe reads from a word's start: long enough to be rare in a policy, short enough to fit most quotes. */
const PROBE_LENGTH = 12;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Every place a quote occurs in one long text, without reading the whole text for each quote. The text's word
 * starts are indexed once, hashed by the characters that follow them; a quote is looked up by its rarest word
 * start (one past its first character, so the character before it is in the quote too), each hit then checked
 * in full. A quote with no word start far enough inside (a very short one) is searched the plain way. Answers
 * exactly what `occurrences` answers; built on first use.
 */
export class TextOccurrences {
  private table: { starts: Int32Array; positions: Int32Array; mask: number } | undefined;

  constructor(private readonly text: string) {}

  /** Every place `exact` occurs, in order. */
  of(exact: string): number[] {
    if (exact === '') return [];
    const probe = this.probeOf(exact);
    if (!probe) return occurrences(this.text, exact);
    const { positions } = this.index();
    const found: number[] = [];
    for (let n = probe.from; n < probe.to; n++) {
      const start = positions[n]! - probe.offset;
      if (start >= 0 && this.text.startsWith(exact, start)) found.push(start);
    }
    return found;
  }

  /** The quote's word start (past its first character) whose hash bucket holds fewest of the text's word starts. */
  private probeOf(exact: string): { offset: number; from: number; to: number } | undefined {
    const { starts, mask } = this.index();
    let best: { offset: number; from: number; to: number } | undefined;
    for (let offset = 1; offset + PROBE_LENGTH <= exact.length; offset++) {
      // Whether the character before is a word character shows only with both halves of a surrogate pair.
      if (isSurrogate(exact.charCodeAt(offset - 1))) continue;
      if (!isWordCharacter(exact.charCodeAt(offset)) || isWordCharacter(exact.charCodeAt(offset - 1))) continue;
      const bucket = hashAt(exact, offset) & mask;
      const from = starts[bucket]!;
      const to = starts[bucket + 1]!;
      if (!best || to - from < best.to - best.from) best = { offset, from, to };
      if (to === from) break;
    }
    return best;
  }

  /**
   * The word starts (each a word character after one that is not) with room for a probe, grouped by bucket:
   * bucket b's positions are `positions[starts[b]] … positions[starts[b + 1] - 1]`, in text order. A character
   * outside the basic plane counts as not a word character here, which only adds word starts, never loses one.
   */
  private index(): { starts: Int32Array; positions: Int32Array; mask: number } {
    if (this.table) return this.table;
    const text = this.text;
    const last = text.length - PROBE_LENGTH;
    const found: number[] = [];
    let previousIsWord = false;
    for (let at = 0; at <= last; at++) {
      const isWord = isWordCharacter(text.charCodeAt(at));
      if (isWord && !previousIsWord) found.push(at);
      previousIsWord = isWord;
    }
    let size = 1;
    while (size < found.length) size *= 2;
    const mask = size - 1;
    const buckets = new Int32Array(found.length);
    const starts = new Int32Array(size + 1);
    for (let n = 0; n < found.length; n++) {
      const bucket = hashAt(text, found[n]!) & mask;
      buckets[n] = bucket;
      starts[bucket + 1]!++;
    }
    for (let b = 0; b < size; b++) starts[b + 1]! += starts[b]!;
    const filled = starts.slice(0, size);
    const positions = new Int32Array(found.length);
    for (let n = 0; n < found.length; n++) positions[filled[buckets[n]!]!++] = found[n]!;
    return (this.table = { starts, positions, mask });
  }
}

function hashAt(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < PROBE_LENGTH; k++) hash = Math.imul(hash ^ text.charCodeAt(at + k), 0x01000193);
  return hash >>> 0;
}

/** A letter or digit; half of a surrogate pair is neither. */
function isWordCharacter(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHARACTER.test(String.fromCharCode(code));
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
