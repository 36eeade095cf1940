import {
  blockAt,
  blockRanges,
  compareVersions,
  wordParts,
  type BlockChange,
  type BlockComparison,
  type VersionText,
} from '../compare';
import type { BlockRange } from '../document';
import type { AnchorState, AnnotationTarget } from '../model';
import { BlockPairMap } from './carry-block-map';
import { countWords } from './carry-mapping';
import { TextOccurrences } from './text-occurrences';
import {
  commonPrefixLength,
  commonSuffixLength,
  locateTarget,
  positionOf,
  quoteOf,
  targetForRange,
  type TextRange,
} from './selectors';

/** A version as carrying needs it: its id (the new targets' source), blocks and canonical text. */
export interface CarryVersion extends VersionText {
  id: string;
}

/**
 * Where an annotation's target lands in the newer version, and how sure that is:
 * - `anchored`: the same text, in the block that stands where its block stood;
 * - `moved`: the same text, in a block that moved or elsewhere in the version;
 * - `fuzzy`: lightly edited text, or one of several equal places none of which is clearly meant — a person
 *   should confirm it;
 * - `orphaned`: the quoted text is gone. The target then keeps the old quote (exact, prefix, suffix) and its
 *   position is one character `[p, p + 1)` at the nearest aligned place — where the passage would have been —
 *   so it satisfies the model but points at no text of its own: never highlight or re-locate an orphaned
 *   target; a person re-attaches it.
 */
export interface CarriedTarget {
  target: AnnotationTarget;
  anchorState: AnchorState;
}

/** Least share of the quote's words a lightly edited passage keeps to be found as `fuzzy`. */
export const FUZZY_KEPT_WORDS = 0.75;
/** Context (characters of prefix and suffix together) that must agree to pick one of several equal places in the aligned block. */
const CONTEXT_IN_BLOCK = 12;
/** Context that must agree to take equal text found outside the aligned block. */
const CONTEXT_ELSEWHERE = 24;
/** How far (characters) from where the word diff maps a passage its one occurrence in the aligned block may be. */
const NEAR_MAPPED = 40;
/** A quote found once in each version, outside its block, is taken as moved only if it has this many words. */
const DISTINCT_WORDS = 3;

/**
 * Carries annotation targets from one version to the next, using the block comparison of the two:
 * 1. position: the passage's block is unchanged (or moved unchanged) and the same offsets in it read the quote;
 * 2. the word diff of its block: the passage maps to text that reads the same (whitespace aside);
 * 3. the exact quote in the aligned block: once on each side, or the one whose prefix and suffix agree best;
 *    equal places that nothing tells apart give `fuzzy`, never the first occurrence;
 * 4. the exact quote elsewhere: only with agreeing context, or when it occurs once in each version;
 * 5. fuzzy: the passage mapped through the word diff of its aligned block keeps ≥ 75 % of its words;
 * 6. else orphaned: kept, never attached to other text.
 * Returns one function that carries a target (given its annotation's state: an orphaned one stays orphaned);
 * the comparison is made once for all of them.
 */
export function prepareCarry(
  from: CarryVersion,
  to: CarryVersion,
  comparison: BlockComparison = compareVersions(from, to),
): (target: AnnotationTarget, state?: AnchorState) => CarriedTarget {
  const carrier = new TargetCarrier(from, to, comparison);
  return (target, state) => carrier.carry(target, state);
}

/** Carries every target; see `prepareCarry`. */
export function carryTargets(
  from: CarryVersion,
  to: CarryVersion,
  targets: readonly AnnotationTarget[],
  comparison?: BlockComparison,
): CarriedTarget[] {
  const carry = prepareCarry(from, to, comparison);
  return targets.map((target) => carry(target));
}

interface Found {
  range: TextRange;
  state: AnchorState;
}

class TargetCarrier {
  private readonly oldRanges: BlockRange[];
  /** What became of each block of the older version. */
  private readonly changeOf: (BlockChange | undefined)[];
  /** For each block of the older version: where the next block that stayed in place begins in the newer one. */
  private readonly placeAfter: Int32Array;
  private readonly maps = new Map<number, BlockPairMap | null>();
  private readonly inFrom: TextOccurrences;
  private readonly inTo: TextOccurrences;

  constructor(
    private readonly from: CarryVersion,
    private readonly to: CarryVersion,
    comparison: BlockComparison,
  ) {
    this.oldRanges = blockRanges(from.blocks);
    this.inFrom = new TextOccurrences(from.text);
    this.inTo = new TextOccurrences(to.text);
    this.changeOf = new Array<BlockChange | undefined>(from.blocks.length);
    for (const change of comparison.blocks) if (change.from) this.changeOf[change.from.index] = change;
    this.placeAfter = new Int32Array(from.blocks.length + 1).fill(to.text.length);
    for (let i = from.blocks.length - 1; i >= 0; i--) {
      const change = this.changeOf[i];
      this.placeAfter[i] = change?.to && isInPlace(change) ? change.to.start : this.placeAfter[i + 1]!;
    }
  }

  carry(target: AnnotationTarget, state?: AnchorState): CarriedTarget {
    const quote = quoteOf(target);
    // An orphaned annotation's quote is not in its version: it stays orphaned until a person re-attaches it.
    if (state === 'orphaned') return { target: this.orphanTarget(target, positionOf(target)), anchorState: 'orphaned' };
    const old = locateTarget(this.from.text, target);
    const found = old
      ? this.findFrom(old, quote.exact, quote.prefix, quote.suffix)
      : this.findElsewhere(quote.exact, quote.prefix, quote.suffix, undefined, positionOf(target).start);
    if (found) return { target: targetForRange(this.to.text, this.to.id, found.range), anchorState: found.state };
    return { target: this.orphanTarget(target, old ?? positionOf(target)), anchorState: 'orphaned' };
  }

  private findFrom(old: TextRange, exact: string, prefix: string, suffix: string): Found | undefined {
    const first = blockAt(this.oldRanges, old.start);
    const last = blockAt(this.oldRanges, old.end - 1);
    const a = first === -1 ? undefined : this.changeOf[first];
    const b = last === -1 ? undefined : this.changeOf[last];
    const inPlace = a !== undefined && b !== undefined && isInPlace(a) && isInPlace(b);
    const sameText: AnchorState = inPlace ? 'anchored' : 'moved';

    let window: TextRange | undefined;
    let mapped: TextRange | undefined;
    if (a?.from && a.to && b?.from && b.to) {
      // 1. Position: unchanged blocks, the same offsets within them.
      const start = a.to.start + (old.start - a.from.start);
      const end = b.to.start + (old.end - b.from.start);
      if (this.sameBlockText(a) && this.sameBlockText(b) && this.to.text.slice(start, end) === exact)
        return { range: { start, end }, state: sameText };
      // 2. Through the word diff of the blocks.
      mapped = {
        start: a.to.start + this.mappedStart(first, old.start - a.from.start),
        end: b.to.start + this.mappedEnd(last, old.end - b.from.start),
      };
      if (mapped.end > mapped.start) {
        const text = this.to.text.slice(mapped.start, mapped.end);
        if (text === exact || sameCollapsed(text, exact))
          return { range: trimmed(this.to.text, mapped), state: sameText };
      }
      if (a.to.start <= b.to.end) window = { start: a.to.start, end: b.to.end };
    } else {
      const only = a?.to ? a : b?.to ? b : undefined;
      if (only?.to) window = { start: only.to.start, end: only.to.end };
    }

    // 3. The exact quote in the aligned block.
    if (window) {
      const candidates = sameWordEdges(
        this.to.text,
        this.inTo.within(exact, window.start, window.end),
        exact,
        prefix,
        suffix,
      );
      if (candidates.length > 0) {
        const before = sameWordEdges(
          this.from.text,
          this.inFrom.within(exact, this.oldRanges[first]!.start, this.oldRanges[last]!.end),
          exact,
          prefix,
          suffix,
        );
        const choice = this.choose(candidates, exact, prefix, suffix, CONTEXT_IN_BLOCK);
        // Once on each side, near where the word diff puts the passage or with some context: the same words.
        const near =
          mapped !== undefined && Math.abs(candidates[0]! - mapped.start) <= Math.max(exact.length, NEAR_MAPPED);
        if (candidates.length === 1 && before.length === 1 && (near || choice.strong))
          return { range: rangeAt(candidates[0]!, exact), state: sameText };
        if (choice.decided) return { range: rangeAt(choice.start, exact), state: sameText };
        if (candidates.length > 1 && candidates.length === before.length) {
          // A phrase repeated as often as before, nothing to tell its places apart: the same one in order, to confirm.
          const ordinal = Math.max(0, before.indexOf(old.start));
          return { range: rangeAt(candidates[ordinal] ?? choice.start, exact), state: 'fuzzy' };
        }
      }
    }

    // 4. The exact quote elsewhere.
    const elsewhere = this.findElsewhere(
      exact,
      prefix,
      suffix,
      window,
      mapped?.start ?? this.placeAfter[Math.max(0, first)]!,
      old.start,
    );
    if (elsewhere) return elsewhere;

    // 5. A lightly edited passage in the aligned block.
    if (a?.from && a.to && b?.from && b.to && mapped) return this.fuzzy(old, first, last, exact, mapped);
    return undefined;
  }

  /**
   * Equal text outside the aligned block: taken when its context agrees enough, and better than the context of
   * any other occurrence in the older version does — a stock phrase's surroundings are often stock too, and an
   * occurrence that agrees no better than the other stock occurrences did is no evidence. Else taken when the
   * quote occurs once in each version (a distinctive passage that moved).
   */
  private findElsewhere(
    exact: string,
    prefix: string,
    suffix: string,
    skip: TextRange | undefined,
    near: number,
    oldStart?: number,
  ): Found | undefined {
    const all = sameWordEdges(this.to.text, this.inTo.of(exact), exact, prefix, suffix);
    const candidates = skip ? all.filter((start) => start < skip.start || start + exact.length > skip.end) : all;
    if (candidates.length === 0) return undefined;
    const before = sameWordEdges(this.from.text, this.inFrom.of(exact), exact, prefix, suffix);
    let baseline = -1;
    for (const start of before)
      if (start !== oldStart)
        baseline = Math.max(baseline, contextScore(this.from.text, start, exact.length, prefix, suffix));
    const choice = this.choose(candidates, exact, prefix, suffix, CONTEXT_ELSEWHERE, near);
    if (choice.score > baseline) {
      if (choice.decided) return { range: rangeAt(choice.start, exact), state: 'moved' };
      if (choice.strong) return { range: rangeAt(choice.start, exact), state: 'fuzzy' };
    }
    if (all.length === 1 && before.length === 1 && countWords(exact) >= DISTINCT_WORDS)
      return { range: rangeAt(all[0]!, exact), state: 'moved' };
    return undefined;
  }

  /**
   * The candidate whose surroundings agree best with the recorded prefix and suffix. `decided` when it is the
   * only best and its context agrees enough; `strong` when the best agree enough but several tie (then the one
   * nearest `near` is given, to be confirmed).
   */
  private choose(
    candidates: readonly number[],
    exact: string,
    prefix: string,
    suffix: string,
    enough: number,
    near = 0,
  ): { start: number; score: number; decided: boolean; strong: boolean } {
    const needed = Math.min(enough, prefix.length + suffix.length);
    let best = -1;
    let bestStart = candidates[0]!;
    let ties = 0;
    for (const start of candidates) {
      const score = contextScore(this.to.text, start, exact.length, prefix, suffix);
      if (score > best) {
        best = score;
        bestStart = start;
        ties = 1;
      } else if (score === best) {
        ties++;
        if (Math.abs(start - near) < Math.abs(bestStart - near)) bestStart = start;
      }
    }
    const strong = best >= needed;
    return { start: bestStart, score: best, decided: strong && ties === 1, strong };
  }

  /** The passage through the word diff of its blocks, if it kept enough of its words. */
  private fuzzy(old: TextRange, first: number, last: number, exact: string, mapped: TextRange): Found | undefined {
    if (mapped.end <= mapped.start) return undefined;
    let kept = 0;
    for (let i = first; i <= last; i++) {
      const change = this.changeOf[i];
      if (!change?.to) continue;
      const range = this.oldRanges[i]!;
      const from = Math.max(old.start, range.start) - range.start;
      const to = Math.min(old.end, range.end) - range.start;
      if (to <= from) continue;
      kept += this.mapOf(i)!.keptWords(this.from.blocks[i]!.text, from, to);
    }
    const range = trimmed(this.to.text, mapped);
    if (range.end <= range.start) return undefined;
    const total = countWords(exact);
    // Counted no further than decides it: past twice the kept words the passage is no longer the same one.
    const now = countWords(this.to.text.slice(range.start, range.end), 2 * kept + 1);
    if (total === 0 || now === 0 || kept / total < FUZZY_KEPT_WORDS || kept / now < 0.5) return undefined;
    return { range, state: 'fuzzy' };
  }

  /** The old quote, at a one-character position where the passage stood: in its block if that survives, else before the next block that stayed in place. */
  private orphanTarget(target: AnnotationTarget, old: TextRange): AnnotationTarget {
    const quote = quoteOf(target);
    const index = blockAt(this.oldRanges, old.start);
    const change = index === -1 ? undefined : this.changeOf[index];
    let place: number;
    if (change?.from && change.to)
      place =
        change.to.start +
        Math.min(this.mappedStart(index, old.start - change.from.start), change.to.end - change.to.start);
    else place = index === -1 ? this.to.text.length : this.placeAfter[index]!;
    const start = Math.max(0, Math.min(place, this.to.text.length - 1));
    return {
      source: this.to.id,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start, end: start + 1 },
      ],
    };
  }

  private sameBlockText(change: BlockChange): boolean {
    return (
      change.from !== undefined &&
      change.to !== undefined &&
      this.from.blocks[change.from.index]!.text === this.to.blocks[change.to.index]!.text
    );
  }

  /**
   * Where an offset of an older block falls in the block it became. An offset before the block (a passage that
   * starts in the break before it, selected from the end of the paragraph above) stays as far before the newer
   * block: the break between two blocks is the same in every version.
   */
  private mappedStart(oldIndex: number, offset: number): number {
    return offset < 0 ? offset : this.mapOf(oldIndex)!.start(offset);
  }

  /** The same for a passage's end: one that ends in the break before the block stays there. */
  private mappedEnd(oldIndex: number, offset: number): number {
    return offset <= 0 ? offset : this.mapOf(oldIndex)!.end(offset);
  }

  /** How offsets of an older block map into the block it became (`null` for a removed block). */
  private mapOf(oldIndex: number): BlockPairMap | null {
    let map = this.maps.get(oldIndex);
    if (map === undefined) {
      const change = this.changeOf[oldIndex];
      map =
        change?.from && change.to
          ? new BlockPairMap(
              this.from.blocks[change.from.index]!,
              this.to.blocks[change.to.index]!,
              change.parts,
              wordParts,
            )
          : null;
      this.maps.set(oldIndex, map);
    }
    return map;
  }
}

/** Characters of the recorded prefix and suffix that the text around an occurrence agrees with, read outward. */
function contextScore(text: string, start: number, length: number, prefix: string, suffix: string): number {
  const end = start + length;
  return (
    commonSuffixLength(text.slice(Math.max(0, start - prefix.length), start), prefix) +
    commonPrefixLength(text.slice(end, end + suffix.length), suffix)
  );
}

function isInPlace(change: BlockChange): boolean {
  return change.kind === 'unchanged' || change.kind === 'changed';
}

function rangeAt(start: number, exact: string): TextRange {
  return { start, end: start + exact.length };
}

const WHITESPACE = /\s/;

function skipWhitespace(text: string, at: number): number {
  while (at < text.length && WHITESPACE.test(text[at]!)) at++;
  return at;
}

/**
 * Whether two texts read the same with each run of whitespace taken as one space and none at either end, read
 * only as far as they agree: the text a passage maps to can be long (its blocks moved apart), the quote is short.
 */
function sameCollapsed(a: string, b: string): boolean {
  let i = skipWhitespace(a, 0);
  let j = skipWhitespace(b, 0);
  while (i < a.length && j < b.length) {
    const space = WHITESPACE.test(a[i]!);
    if (space !== WHITESPACE.test(b[j]!)) return false;
    if (space) {
      i = skipWhitespace(a, i);
      j = skipWhitespace(b, j);
    } else if (a[i++] !== b[j++]) return false;
  }
  return skipWhitespace(a, i) === a.length && skipWhitespace(b, j) === b.length;
}

/** The range without whitespace at either end. */
function trimmed(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHARACTER.test(ch);
}

/**
 * The occurrences that begin and end the way the quote did: a quote of whole words is not found inside longer
 * words (“to a” in “to amended”), and one that began or ended inside a word is found only inside a word.
 */
function sameWordEdges(
  text: string,
  starts: readonly number[],
  exact: string,
  prefix: string,
  suffix: string,
): number[] {
  const first = isWordCharacter(exact[0]);
  const last = isWordCharacter(exact[exact.length - 1]);
  const insideAtStart = first && isWordCharacter(prefix[prefix.length - 1]);
  const insideAtEnd = last && isWordCharacter(suffix[0]);
  return starts.filter((start) => {
    const end = start + exact.length;
    return (
      (first && isWordCharacter(text[start - 1])) === insideAtStart &&
      (last && isWordCharacter(text[end])) === insideAtEnd
    );
  });
}
