import { occurrences } from './selectors';

/** Characters a probe reads after a space: long enough to be rare in a policy, short enough to fit most quotes. */
const PROBE_LENGTH = 12;
/**
 * Characters a short probe reads, for a quote of a word or two ("personal data") whose spaces have fewer than
 * PROBE_LENGTH characters after them. Its buckets hold more places (every " data"), but far fewer than the characters
 * of the text, which is what each such quote otherwise costs to look up: at 500 pages, 2 ms for one quote in both
 * versions.
 */
const SHORT_PROBE_LENGTH = 4;
/**
 * Quotes with only a short probe looked up the plain way before the index of short probes is built. Building it costs
 * about what ten plain lookups do (10 ms and 1 ms on a 500-page text), so it is built at the eleventh: a carry that
 * meets a few such quotes never builds it, and one that meets many (a committee's short highlights on a long policy)
 * never pays more than twice what the better of the two ways would have cost it.
 */
const PLAIN_LOOKUPS_BEFORE_SHORT_INDEX = 10;
/** Longest stretch `within` reads as it is rather than through the index: a few paragraphs. */
const PLAIN_STRETCH = 4096;

/**
 * The places after each space of a text with room for `length` characters, grouped by the hash of those
 * characters: bucket b's positions are `positions[starts[b]] … positions[starts[b + 1] - 1]`, in text order.
 */
interface PlacesTable {
  starts: Int32Array;
  positions: Int32Array;
  mask: number;
}

/** Where a quote is looked up: its place `offset` after a space, whose bucket holds `positions[from … to - 1]`. */
interface Probe {
  table: PlacesTable;
  offset: number;
  from: number;
  to: number;
}

/**
 * Every place a quote occurs in one long text, without reading the whole text for each quote. The places just
 * after each space of the text are indexed once, hashed by the characters that follow them; a quote is looked up
 * by its rarest such place (after a space inside the quote, so that the space is in the quote too), each hit then
 * checked in full. A quote whose spaces have fewer than 12 characters after them (a word or two) is looked up by the
 * 4 characters after one of them, in an index of its own built once such quotes come often; a quote with no space
 * followed by 4 characters is searched the plain way. Answers exactly what `occurrences` answers; built on first use.
 * Spaces rather than word starts: a space is found by the engine's own search, several times faster than reading
 * each character, and a policy's words are separated by them.
 */
export class TextOccurrences {
  private long: PlacesTable | undefined;
  private short: PlacesTable | undefined;
  private plainShortLookups = 0;

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
    const { positions } = probe.table;
    const found: number[] = [];
    for (let n = probe.from; n < probe.to; n++) {
      const at = positions[n]! - probe.offset;
      if (at >= start && at + exact.length <= end && this.text.startsWith(exact, at)) found.push(at);
    }
    return found;
  }

  /** The quote's probe of PROBE_LENGTH where it has room for one, else of SHORT_PROBE_LENGTH once that index pays. */
  private probeOf(exact: string): Probe | undefined {
    if (hasProbe(exact, PROBE_LENGTH))
      return this.rarestProbe(exact, PROBE_LENGTH, (this.long ??= this.index(PROBE_LENGTH)));
    if (!hasProbe(exact, SHORT_PROBE_LENGTH)) return undefined;
    if (!this.short && ++this.plainShortLookups <= PLAIN_LOOKUPS_BEFORE_SHORT_INDEX) return undefined;
    return this.rarestProbe(exact, SHORT_PROBE_LENGTH, (this.short ??= this.index(SHORT_PROBE_LENGTH)));
  }

  /** The place after a space in the quote whose hash bucket holds fewest of the text's places after a space. */
  private rarestProbe(exact: string, length: number, table: PlacesTable): Probe {
    const { starts, mask } = table;
    let best: Probe | undefined;
    for (
      let offset = exact.indexOf(' ') + 1;
      offset > 0 && offset + length <= exact.length;
      offset = exact.indexOf(' ', offset) + 1
    ) {
      const bucket = hashAt(exact, offset, length) & mask;
      const from = starts[bucket]!;
      const to = starts[bucket + 1]!;
      if (!best || to - from < best.to - best.from) best = { table, offset, from, to };
      if (to === from) break;
    }
    return best!;
  }

  /** The places after a space with room for `length` characters, by the hash of those characters. */
  private index(length: number): PlacesTable {
    const text = this.text;
    const found = placesAfterSpaces(text, text.length - length);
    const count = found.length;
    let size = 1;
    while (size * PLACES_PER_BUCKET < count) size *= 2;
    const mask = size - 1;
    const buckets = new Int32Array(count);
    const starts = new Int32Array(size + 1);
    for (let n = 0; n < count; n++) {
      const bucket = hashAt(text, found[n]!, length) & mask;
      buckets[n] = bucket;
      starts[bucket + 1]!++;
    }
    for (let b = 0; b < size; b++) starts[b + 1]! += starts[b]!;
    const filled = starts.slice(0, size);
    const positions = new Int32Array(count);
    for (let n = 0; n < count; n++) positions[filled[buckets[n]!]!++] = found[n]!;
    return { starts, positions, mask };
  }
}

/** Whether the quote has a space followed, inside it, by `length` characters or more. */
function hasProbe(exact: string, length: number): boolean {
  // The first space leaves the most room after it.
  const space = exact.indexOf(' ');
  return space !== -1 && space + 1 + length <= exact.length;
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

function hashAt(text: string, at: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < length; k++) hash = Math.imul(hash ^ text.charCodeAt(at + k), 0x01000193);
  return hash >>> 0;
}
