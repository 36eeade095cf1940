import { sharedWords, similarityBound, wordSimilarity } from './block-words';

/** A block left over after alignment: removed from the older version or added in the newer one. */
export interface LeftoverBlock {
  /** The block's index in its version. */
  index: number;
  /** Between which aligned blocks it sits: the number of aligned blocks before it (same on both sides). */
  gap: number;
  type: string;
  /** Its words as numbers, in reading order. */
  words: Int32Array;
  /** The same, sorted. */
  sortedWords: Int32Array;
}

export interface SimilarPair {
  removed: number;
  added: number;
  similarity: number;
}

export interface PairingThresholds {
  /** Least word similarity for a removed and an added block between the same aligned blocks to be one changed block. */
  changed: number;
  /** Least word similarity for a removed and an added block elsewhere to be one moved (and edited) block. */
  moved: number;
}

export const DEFAULT_THRESHOLDS: PairingThresholds = { changed: 0.4, moved: 0.6 };

/** Gaps this small are compared block by block; larger ones only through shared words. */
const SMALL_GAP = 400;
/** A word or word pair found in more added blocks than this tells nothing about which one is meant. */
const COMMON_FEATURE = 32;
/** How much more alike a block elsewhere must be for a block to count as moved there rather than edited in place. */
const MOVE_MARGIN = 0.15;
/** Candidates per removed block that are compared in full, best by shared features first. */
const CANDIDATES = 16;

/**
 * Pairs removed blocks with added blocks of the same type whose words are alike. Pairs between the same aligned
 * blocks, in order, are edits in place (`changed`); a pair out of order or in another gap is a block that moved,
 * perhaps edited on the way. Each block is in at most one pair. `removed` and `added` index the given arrays.
 */
export function pairSimilarBlocks(
  removed: readonly LeftoverBlock[],
  added: readonly LeftoverBlock[],
  thresholds: PairingThresholds = DEFAULT_THRESHOLDS,
): { changed: SimilarPair[]; moved: SimilarPair[] } {
  if (removed.length === 0 || added.length === 0) return { changed: [], moved: [] };
  const candidates = new Map<number, SimilarPair>();
  const consider = (r: number, a: number) => {
    const key = r * added.length + a;
    if (candidates.has(key)) return;
    const x = removed[r]!;
    const y = added[a]!;
    if (x.type !== y.type) return;
    if (x.gap === y.gap) {
      const similarity = inPlaceSimilarity(x.sortedWords, y.sortedWords);
      if (similarity >= Math.min(thresholds.changed, thresholds.moved))
        candidates.set(key, { removed: r, added: a, similarity });
    } else if (similarityBound(x.words.length, y.words.length) >= thresholds.moved) {
      const similarity = wordSimilarity(x.sortedWords, y.sortedWords);
      if (similarity >= thresholds.moved) candidates.set(key, { removed: r, added: a, similarity });
    }
  };

  sameGapPairs(removed, added, consider);
  sharedFeaturePairs(removed, added, consider);

  // A block much more like one elsewhere than like any in its gap moved there: it is not edited in place.
  const bestMoveOfRemoved = new Float64Array(removed.length);
  const bestMoveOfAdded = new Float64Array(added.length);
  for (const pair of candidates.values()) {
    if (removed[pair.removed]!.gap === added[pair.added]!.gap || pair.similarity < thresholds.moved) continue;
    bestMoveOfRemoved[pair.removed] = Math.max(bestMoveOfRemoved[pair.removed]!, pair.similarity);
    bestMoveOfAdded[pair.added] = Math.max(bestMoveOfAdded[pair.added]!, pair.similarity);
  }

  // In place first: in each gap, the heaviest chain of pairs that keeps both orders.
  const byGap = new Map<number, SimilarPair[]>();
  for (const pair of candidates.values()) {
    const gap = removed[pair.removed]!.gap;
    if (gap !== added[pair.added]!.gap || pair.similarity < thresholds.changed) continue;
    if (pair.similarity + MOVE_MARGIN < Math.max(bestMoveOfRemoved[pair.removed]!, bestMoveOfAdded[pair.added]!))
      continue;
    const list = byGap.get(gap);
    if (list) list.push(pair);
    else byGap.set(gap, [pair]);
  }
  const usedRemoved = new Set<number>();
  const usedAdded = new Set<number>();
  const changed: SimilarPair[] = [];
  for (const pairs of byGap.values()) {
    for (const pair of heaviestChain(pairs)) {
      changed.push(pair);
      usedRemoved.add(pair.removed);
      usedAdded.add(pair.added);
    }
  }

  // Then moves: the most alike first, each block once. A pair left in its own gap crosses the edits in place
  // there, so it moved; it is judged by plain word similarity like any move.
  const moved: SimilarPair[] = [];
  const rest = [...candidates.values()]
    .filter((p) => !usedRemoved.has(p.removed) && !usedAdded.has(p.added))
    .map((p) =>
      removed[p.removed]!.gap === added[p.added]!.gap
        ? { ...p, similarity: wordSimilarity(removed[p.removed]!.sortedWords, added[p.added]!.sortedWords) }
        : p,
    )
    .filter((p) => p.similarity >= thresholds.moved);
  rest.sort((p, q) => q.similarity - p.similarity || p.removed - q.removed || p.added - q.added);
  for (const pair of rest) {
    if (usedRemoved.has(pair.removed) || usedAdded.has(pair.added)) continue;
    moved.push(pair);
    usedRemoved.add(pair.removed);
    usedAdded.add(pair.added);
  }
  return { changed, moved };
}

/** Least words of the shorter block for containment to count: a word or two is in every paragraph. */
const CONTAINED_WORDS = 3;
/** Share of the shorter block's words the longer must hold for one to be a cut-down or grown form of the other. */
const MOSTLY_CONTAINED = 0.75;

/**
 * How alike two blocks in the same place are: their word similarity, or — when one was cut down to part of the
 * other or grew around it — how much of the shorter one the longer holds (a little less than full similarity).
 */
function inPlaceSimilarity(a: Int32Array, b: Int32Array): number {
  const dice = wordSimilarity(a, b);
  const shorter = Math.min(a.length, b.length);
  if (shorter < CONTAINED_WORDS) return dice;
  const contained = sharedWords(a, b) / shorter;
  return contained >= MOSTLY_CONTAINED ? Math.max(dice, 0.9 * contained) : dice;
}

/** A removed block and an added one to compare, by their indexes in the given arrays. */
type VisitPair = (removed: number, added: number) => void;

/** Every removed/added pair inside each small gap. */
function sameGapPairs(removed: readonly LeftoverBlock[], added: readonly LeftoverBlock[], visit: VisitPair): void {
  const addedByGap = new Map<number, number[]>();
  for (let a = 0; a < added.length; a++) {
    const list = addedByGap.get(added[a]!.gap);
    if (list) list.push(a);
    else addedByGap.set(added[a]!.gap, [a]);
  }
  const removedByGap = new Map<number, number[]>();
  for (let r = 0; r < removed.length; r++) {
    const list = removedByGap.get(removed[r]!.gap);
    if (list) list.push(r);
    else removedByGap.set(removed[r]!.gap, [r]);
  }
  for (const [gap, rs] of removedByGap) {
    const as = addedByGap.get(gap);
    if (!as || rs.length * as.length > SMALL_GAP) continue;
    for (const r of rs) for (const a of as) visit(r, a);
  }
}

/**
 * Removed/added pairs that share distinctive words or word pairs, anywhere in the two versions: the few
 * candidates per removed block that share the most, found through an index of the added blocks.
 */
function sharedFeaturePairs(
  removed: readonly LeftoverBlock[],
  added: readonly LeftoverBlock[],
  visit: VisitPair,
): void {
  const features = new BlockFeatures();
  const postings = new Map<number, number[]>();
  for (let a = 0; a < added.length; a++) {
    for (const feature of features.of(added[a]!.words)) {
      const list = postings.get(feature);
      if (!list) postings.set(feature, [a]);
      else if (list.length <= COMMON_FEATURE && list[list.length - 1] !== a) list.push(a);
    }
  }
  const shared = new Int32Array(added.length);
  const touched: number[] = [];
  for (let r = 0; r < removed.length; r++) {
    for (const feature of features.of(removed[r]!.words)) {
      const list = postings.get(feature);
      if (!list || list.length > COMMON_FEATURE) continue;
      for (const a of list) {
        if (shared[a] === 0) touched.push(a);
        shared[a]!++;
      }
    }
    for (const a of mostShared(touched, shared, CANDIDATES)) visit(r, a);
    for (const a of touched) shared[a] = 0;
    touched.length = 0;
  }
}

/**
 * The `count` blocks that share most, in that order (ties by index): what sorting all of `touched` would put
 * first, without sorting them all — on a long policy a block shares some word pair with hundreds of others.
 */
function mostShared(touched: readonly number[], shared: Int32Array, count: number): number[] {
  const best: number[] = [];
  const before = (x: number, y: number) => shared[x]! > shared[y]! || (shared[x] === shared[y] && x < y);
  for (const a of touched) {
    if (best.length === count && !before(a, best[count - 1]!)) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && before(a, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = a;
  }
  return best;
}

/**
 * A block's distinct words and pairs of neighbouring words (as negative numbers), sorted, written into one buffer
 * reused from block to block: a new set per block was among the larger things comparing a long policy allocated. In
 * a policy most single words are everywhere; the pairs tell paragraphs apart.
 */
class BlockFeatures {
  private buffer = new Float64Array(64);

  /** The features of `words`, each once; valid until the next call. */
  of(words: Int32Array): Float64Array {
    if (this.buffer.length < 2 * words.length) this.buffer = new Float64Array(2 * words.length);
    const found = this.buffer;
    let count = 0;
    for (let i = 0; i < words.length; i++) {
      found[count++] = words[i]!;
      if (i > 0) found[count++] = -1 - (words[i - 1]! * 1_048_576 + (words[i]! % 1_048_576));
    }
    const sorted = found.subarray(0, count).sort();
    let distinct = 0;
    for (let k = 0; k < count; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
    return found.subarray(0, distinct);
  }
}

/** Beyond this many candidates in one gap, the chain is built greedily instead of exactly. */
const EXACT_CHAIN = 1500;

/**
 * The pairs whose removed and added indexes both increase with the greatest total weight, a pair weighing its
 * similarity squared: one close pair outweighs two loose ones, so a paragraph is not paired with a weak
 * look-alike just to pair one more block.
 */
function heaviestChain(pairs: SimilarPair[]): SimilarPair[] {
  if (pairs.length > EXACT_CHAIN) return greedyChain(pairs);
  pairs.sort((p, q) => p.removed - q.removed || p.added - q.added);
  const best = new Float64Array(pairs.length);
  const previous = new Int32Array(pairs.length).fill(-1);
  let end = -1;
  for (let k = 0; k < pairs.length; k++) {
    const weight = pairs[k]!.similarity ** 2;
    best[k] = weight;
    for (let m = 0; m < k; m++) {
      if (pairs[m]!.removed < pairs[k]!.removed && pairs[m]!.added < pairs[k]!.added && best[m]! + weight > best[k]!) {
        best[k] = best[m]! + weight;
        previous[k] = m;
      }
    }
    if (end === -1 || best[k]! > best[end]!) end = k;
  }
  const chain: SimilarPair[] = [];
  for (let k = end; k !== -1; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** The most alike pairs first, each kept when it crosses none kept before it. */
function greedyChain(pairs: SimilarPair[]): SimilarPair[] {
  const chain: SimilarPair[] = [];
  const usedAdded = new Set<number>();
  for (const pair of [...pairs].sort((p, q) => q.similarity - p.similarity)) {
    if (usedAdded.has(pair.added)) continue;
    // `chain` is sorted by removed index; the pair fits between its neighbours or not at all.
    let lo = 0;
    let hi = chain.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (chain[mid]!.removed < pair.removed) lo = mid + 1;
      else hi = mid;
    }
    const before = chain[lo - 1];
    const after = chain[lo];
    if (after?.removed === pair.removed) continue;
    if ((before && before.added >= pair.added) || (after && after.added <= pair.added)) continue;
    chain.splice(lo, 0, pair);
    usedAdded.add(pair.added);
  }
  return chain;
}
