import { diffArrays } from 'diff';

/** A pair of equal items: index in the old sequence, index in the new one. */
export type AlignedPair = readonly [oldIndex: number, newIndex: number];

/**
 * The longest run of items the two sequences keep in the same order, by patience alignment: items that occur
 * exactly once on each side anchor the alignment (their longest increasing subsequence), the stretches between
 * anchors are aligned the same way, and a stretch with no such item falls back to a Myers diff of its own.
 * Unique items make the alignment stable: a repeated item (an empty cell, a stock sentence) never pulls the
 * alignment away from the paragraphs that identify a place. Returns pairs increasing on both sides. Items are
 * small non-negative integers: the caller numbers its distinct items from 0.
 */
export function alignSequences(older: readonly number[], newer: readonly number[]): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  alignRange(older, newer, 0, older.length, 0, newer.length, pairs, new ItemTally(older, newer));
  return pairs;
}

/**
 * How often each item occurs in the old and the new side of one stretch (0, 1, or 2 for more) and where it first
 * does, in arrays indexed by the item. A map of one object per item was the part of the alignment that grew
 * fastest with the policy. Each stretch clears what it counted before the next one counts.
 */
class ItemTally {
  readonly inOld: Uint8Array;
  readonly inNew: Uint8Array;
  readonly oldAt: Int32Array;
  readonly newAt: Int32Array;

  constructor(older: readonly number[], newer: readonly number[]) {
    let size = 0;
    for (const item of older) size = Math.max(size, item + 1);
    for (const item of newer) size = Math.max(size, item + 1);
    this.inOld = new Uint8Array(size);
    this.inNew = new Uint8Array(size);
    this.oldAt = new Int32Array(size);
    this.newAt = new Int32Array(size);
  }
}

function alignRange(
  a: readonly number[],
  b: readonly number[],
  aLo: number,
  aHi: number,
  bLo: number,
  bHi: number,
  out: AlignedPair[],
  tally: ItemTally,
): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push([aLo++, bLo++]);
  const tail: AlignedPair[] = [];
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) tail.push([--aHi, --bHi]);
  if (aLo < aHi && bLo < bHi) {
    const anchors = uniqueAnchors(a, b, aLo, aHi, bLo, bHi, tally);
    if (anchors === undefined) {
      // Nothing in common: every item of the stretch is removed or added.
    } else if (anchors.length > 0) {
      let prevA = aLo;
      let prevB = bLo;
      for (const [ia, ib] of anchors) {
        alignRange(a, b, prevA, ia, prevB, ib, out, tally);
        out.push([ia, ib]);
        prevA = ia + 1;
        prevB = ib + 1;
      }
      alignRange(a, b, prevA, aHi, prevB, bHi, out, tally);
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
  { inOld, inNew, oldAt, newAt }: ItemTally,
): AlignedPair[] | undefined {
  for (let i = aLo; i < aHi; i++) {
    const item = a[i]!;
    if (inOld[item] === 0) oldAt[item] = i;
    inOld[item] = Math.min(2, inOld[item]! + 1);
  }
  let shared = false;
  for (let j = bLo; j < bHi; j++) {
    const item = b[j]!;
    if (inOld[item] === 0) continue;
    shared = true;
    if (inNew[item] === 0) newAt[item] = j;
    inNew[item] = Math.min(2, inNew[item]! + 1);
  }
  // Read in old order, the candidates come sorted by their old index.
  const candidates: AlignedPair[] = [];
  if (shared)
    for (let i = aLo; i < aHi; i++) {
      const item = a[i]!;
      if (inOld[item] === 1 && inNew[item] === 1) candidates.push([i, newAt[item]!]);
    }
  for (let i = aLo; i < aHi; i++) inOld[a[i]!] = 0;
  for (let j = bLo; j < bHi; j++) inNew[b[j]!] = 0;
  return shared ? longestIncreasing(candidates) : undefined;
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
