import { diffArrays } from 'diff';

/** A pair of equal items: index in the old sequence, index in the new one. */
export type AlignedPair = readonly [oldIndex: number, newIndex: number];

/**
 * The longest run of items the two sequences keep in the same order, by patience alignment: items that occur
 * exactly once on each side anchor the alignment (their longest increasing subsequence), the stretches between
 * anchors are aligned the same way, and a stretch with no such item falls back to a Myers diff of its own.
 * Unique items make the alignment stable: a repeated item (an empty cell, a stock sentence) never pulls the
 * alignment away from the paragraphs that identify a place. Returns pairs increasing on both sides.
 */
export function alignSequences(older: readonly number[], newer: readonly number[]): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  alignRange(older, newer, 0, older.length, 0, newer.length, pairs);
  return pairs;
}

function alignRange(
  a: readonly number[],
  b: readonly number[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  out: AlignedPair[],
): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push([aLo++, bLo++]);
  const tail: AlignedPair[] = [];
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) tail.push([--aHi, --bHi]);
  if (aLo < aHi && bLo < bHi) {
    const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi);
    if (anchors === undefined) {
      // Nothing in common: every item of the stretch is removed or added.
    } else if (anchors.length > 0) {
      let prevA = aLo;
      let prevB = bLo;
      for (const [ia, ib] of anchors) {
        alignRange(a, b, prevA, ia, prevB, ib, out);
        out.push([ia, ib]);
        prevA = ia + 1;
        prevB = ib + 1;
      }
      alignRange(a, b, prevA, aHi, prevB, bHi, out);
    } else {
      myersRange(a, b, aLo, aHi, bLo, bHi, out);
    }
  }
  for (let i = tail.length - 1; i >= 0; i--) out.push(tail[i]!);
}

/**
 * The items that occur once on each side of the stretch, as the longest chain increasing on both sides;
 * `[]` when items are shared but none uniquely, `undefined` when the two sides share nothing.
 */
function uniqueAnchors(
  a: readonly number[],
  b: readonly number[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
): AlignedPair[] | undefined {
  // For each item: how often in the old stretch (capped at 2) and where; then the same for the new stretch.
  const seen = new Map<number, { inOld: number; oldAt: number; inNew: number; newAt: number }>();
  for (let i = aLo; i < aHi; i++) {
    const entry = seen.get(a[i]!);
    if (entry) entry.inOld = 2;
    else seen.set(a[i]!, { inOld: 1, oldAt: i, inNew: 0, newAt: -1 });
  }
  let shared = false;
  for (let j = bLo; j < bHi; j++) {
    const entry = seen.get(b[j]!);
    if (!entry) continue;
    shared = true;
    if (entry.inNew === 0) entry.newAt = j;
    entry.inNew++;
  }
  if (!shared) return undefined;
  const candidates: AlignedPair[] = [];
  for (const entry of seen.values())
    if (entry.inOld === 1 && entry.inNew === 1) candidates.push([entry.oldAt, entry.newAt]);
  candidates.sort((x, y) => x[0] - y[0]);
  return longestIncreasing(candidates);
}

/** The longest subsequence of pairs (sorted by old index) whose new indexes increase, by patience sorting. */
function longestIncreasing(pairs: readonly AlignedPair[]): AlignedPair[] {
  const tops: number[] = [];
  const previous = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const value = pairs[k]![1];
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tops[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tops[lo - 1]! : -1;
    tops[lo] = k;
  }
  const chain: AlignedPair[] = [];
  for (let k = tops.length ? tops[tops.length - 1]! : -1; k !== -1; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** A stretch whose shared items all repeat: a plain shortest-edit alignment (jsdiff's Myers diff). */
function myersRange(
  a: readonly number[],
  b: readonly number[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  out: AlignedPair[],
): void {
  let i = aLo;
  let j = bLo;
  for (const change of diffArrays(a.slice(aLo, aHi), b.slice(bLo, bHi))) {
    if (change.added) j += change.count;
    else if (change.removed) i += change.count;
    else for (let n = 0; n < change.count; n++) out.push([i++, j++]);
  }
}
