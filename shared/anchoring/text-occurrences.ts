import { occurrences } from './selectors';

/** Characters a probe reads after a space: long enough to be rare in a policy, short enough to fit most quotes. */
const PROBE_LENGTH = 12;
/** Longest stretch `within` reads as it is rather than through the index: a few paragraphs. */
const PLAIN_STRETCH = 4096;

/** Where a quote is looked up: its place `offset` after a space, whose bucket holds `positions[from … to - 1]`. */
interface Probe {
  offset: number;
  from: number;
  to: number;
}

/**
 * Every place a quote occurs in one long text, without reading the whole text for each quote. The places just
 * after each space of the text are indexed once, hashed by the characters that follow them; a quote is looked up
 * by its rarest such place (after a space inside the quote, so that the space is in the quote too), each hit then
 * checked in full. A quote with no space far enough from its end (a word or two) is searched the plain way.
 * Answers exactly what `occurrences` answers; built on first use. Spaces rather than word starts: a space is found
 * by the engine's own search, several times faster than reading each character, and a policy's words are
 * separated by them.
 */
export class TextOccurrences {
  private table: { starts: Int32Array; positions: Int32Array; mask: number } | undefined;

  constructor(private readonly text: string) {}

  /** Every place `exact` occurs, in order. */
  of(exact: string): number[] {
    if (exact === '') return [];
    const probe = this.probeOf(exact);
    return probe ? this.probed(exact, probe, 0, this.text.length) : occurrences(this.text, exact);
  }

  /**
   * Every place `exact` occurs wholly inside `[start, end)` of the text, in order. A short stretch is read as it
   * is; a long one through the index, which costs what the quote's rarest place costs however long the stretch
   * (a passage whose blocks now stand far apart is looked for between them).
   */
  within(exact: string, start: number, end: number): number[] {
    if (exact === '') return [];
    const probe = end - start > PLAIN_STRETCH ? this.probeOf(exact) : undefined;
    if (probe) return this.probed(exact, probe, start, end);
    if (start <= 0 && end >= this.text.length) return occurrences(this.text, exact);
    return occurrences(this.text.slice(start, end), exact).map((at) => start + at);
  }

  /** The places in `[start, end)` that the probe's bucket names and that read the whole quote. */
  private probed(exact: string, probe: Probe, start: number, end: number): number[] {
    const { positions } = this.index();
    const found: number[] = [];
    for (let n = probe.from; n < probe.to; n++) {
      const at = positions[n]! - probe.offset;
      if (at >= start && at + exact.length <= end && this.text.startsWith(exact, at)) found.push(at);
    }
    return found;
  }

  /** The place after a space in the quote whose hash bucket holds fewest of the text's places after a space. */
  private probeOf(exact: string): Probe | undefined {
    let offset = exact.indexOf(' ') + 1;
    if (offset === 0 || offset + PROBE_LENGTH > exact.length) return undefined;
    const { starts, mask } = this.index();
    let best: Probe | undefined;
    for (; offset > 0 && offset + PROBE_LENGTH <= exact.length; offset = exact.indexOf(' ', offset) + 1) {
      const bucket = hashAt(exact, offset) & mask;
      const from = starts[bucket]!;
      const to = starts[bucket + 1]!;
      if (!best || to - from < best.to - best.from) best = { offset, from, to };
      if (to === from) break;
    }
    return best;
  }

  /**
   * The places after a space with room for a probe, grouped by bucket: bucket b's positions are
   * `positions[starts[b]] … positions[starts[b + 1] - 1]`, in text order.
   */
  private index(): { starts: Int32Array; positions: Int32Array; mask: number } {
    if (this.table) return this.table;
    const text = this.text;
    const found = placesAfterSpaces(text, text.length - PROBE_LENGTH);
    const count = found.length;
    let size = 1;
    while (size * PLACES_PER_BUCKET < count) size *= 2;
    const mask = size - 1;
    const buckets = new Int32Array(count);
    const starts = new Int32Array(size + 1);
    for (let n = 0; n < count; n++) {
      const bucket = hashAt(text, found[n]!) & mask;
      buckets[n] = bucket;
      starts[bucket + 1]!++;
    }
    for (let b = 0; b < size; b++) starts[b + 1]! += starts[b]!;
    const filled = starts.slice(0, size);
    const positions = new Int32Array(count);
    for (let n = 0; n < count; n++) positions[filled[buckets[n]!]!++] = found[n]!;
    return (this.table = { starts, positions, mask });
  }
}

/**
 * Places after a space in a text's hash table's bucket, on average at most: few enough for a lookup to check them
 * all in no time, and a table small enough to stay in the processor's cache while it is filled (one bucket per
 * place, at 500 pages, made building it twice as slow per place as at 100).
 */
const PLACES_PER_BUCKET = 8;

/** Where each space before `before` is followed, in order, read in one pass by the engine's own search. */
function placesAfterSpaces(text: string, before: number): Int32Array {
  // Room for a space every four characters, more than a policy's words need; grown if not.
  let found = new Int32Array((text.length >> 2) + 16);
  let count = 0;
  for (let space = text.indexOf(' '); space !== -1 && space < before; space = text.indexOf(' ', space + 1)) {
    if (count === found.length) {
      const more = new Int32Array(found.length * 2);
      more.set(found);
      found = more;
    }
    found[count++] = space + 1;
  }
  return found.subarray(0, count);
}

function hashAt(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < PROBE_LENGTH; k++) hash = Math.imul(hash ^ text.charCodeAt(at + k), 0x01000193);
  return hash >>> 0;
}
