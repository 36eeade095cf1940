import { normalizeBlockText } from '../document';
import { alignSequences } from './align-sequences';
import { blockRanges } from './block-ranges';
import { WordNumbers, wordSimilarity } from './block-words';
import {
  DEFAULT_THRESHOLDS,
  pairSimilarBlocks,
  type LeftoverBlock,
  type PairingThresholds,
} from './pair-similar-blocks';
import type { BlockChange, BlockComparison, BlockPlace, ChangeCounts, VersionText } from './types';
import { wordParts } from './word-diff';

/**
 * Compares two versions block by block, never as one long text:
 * 1. blocks whose text is the same once whitespace is collapsed are equal (re-wrapped lines are no change);
 * 2. equal blocks are aligned in order (patience alignment): these are `unchanged`;
 * 3. an equal block out of that order is `moved`;
 * 4. removed and added blocks of the same type with alike words are paired: in place as `changed`, out of
 *    place as `moved` and edited — one block, not a deletion and an addition;
 * 5. what is left is `removed` or `added`.
 * Words are diffed (jsdiff) only inside the changed and edited moved pairs.
 */
export function compareVersions(
  from: VersionText,
  to: VersionText,
  thresholds: PairingThresholds = DEFAULT_THRESHOLDS,
): BlockComparison {
  const oldText = from.blocks.map(collapsedText);
  const newText = to.blocks.map(collapsedText);
  const keys = new Map<string, number>();
  const keyOf = (text: string) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = keys.size;
      keys.set(text, key);
    }
    return key;
  };
  const oldKeys = oldText.map(keyOf);
  const newKeys = newText.map(keyOf);

  // What each block became: the index of its partner on the other side, and how.
  const oldPartner = new Int32Array(oldKeys.length).fill(-1);
  const newPartner = new Int32Array(newKeys.length).fill(-1);
  // How each paired older block was paired, by its index (typed arrays: a map of one entry per block was among
  // the costs that grew faster than the policy on a long one). NaN: no similarity measured in pairing.
  const pairKind = new Uint8Array(oldKeys.length);
  const pairSimilarity = new Float64Array(oldKeys.length).fill(Number.NaN);
  const link = (i: number, j: number, kind: PairKind, similarity?: number) => {
    oldPartner[i] = j;
    newPartner[j] = i;
    pairKind[i] = PAIR_KINDS.indexOf(kind);
    if (similarity !== undefined) pairSimilarity[i] = similarity;
  };
  const kindOf = (i: number): PairKind | undefined => PAIR_KINDS[pairKind[i]!];

  for (const [i, j] of alignSequences(oldKeys, newKeys)) link(i, j, 'unchanged');

  // Equal text out of order: moved as it was. Removed blocks wait by key; added blocks take them in order.
  const waiting = new Map<number, number[]>();
  for (let i = 0; i < oldKeys.length; i++) {
    if (oldPartner[i] !== -1) continue;
    const list = waiting.get(oldKeys[i]!);
    if (list) list.push(i);
    else waiting.set(oldKeys[i]!, [i]);
  }
  if (waiting.size > 0) {
    for (let j = 0; j < newKeys.length; j++) {
      if (newPartner[j] !== -1) continue;
      const list = waiting.get(newKeys[j]!);
      if (list?.length) link(list.shift()!, j, 'moved');
    }
  }

  // Alike words: changed in place, or moved and edited.
  const words = new WordNumbers();
  const leftovers = (
    texts: string[],
    blocks: VersionText['blocks'],
    partner: Int32Array,
    kindOf: (i: number) => string | undefined,
  ) => {
    const list: LeftoverBlock[] = [];
    let gap = 0;
    for (let i = 0; i < texts.length; i++) {
      if (partner[i] !== -1) {
        if (kindOf(i) === 'unchanged') gap++;
        continue;
      }
      const sequence = words.of(texts[i]!);
      list.push({ index: i, gap, type: blocks[i]!.type, words: sequence, sortedWords: sequence.slice().sort() });
    }
    return list;
  };
  const removed = leftovers(oldText, from.blocks, oldPartner, kindOf);
  const added = leftovers(newText, to.blocks, newPartner, (j) => kindOf(newPartner[j]!));
  const similar = pairSimilarBlocks(removed, added, thresholds);
  for (const pair of similar.changed)
    link(removed[pair.removed]!.index, added[pair.added]!.index, 'changed', pair.similarity);
  for (const pair of similar.moved)
    link(removed[pair.removed]!.index, added[pair.added]!.index, 'moved', pair.similarity);

  const oldRanges = blockRanges(from.blocks);
  const newRanges = blockRanges(to.blocks);
  const oldPlace = (i: number): BlockPlace => ({
    blockId: from.blocks[i]!.id,
    index: i,
    start: oldRanges[i]!.start,
    end: oldRanges[i]!.end,
  });
  const newPlace = (j: number): BlockPlace => ({
    blockId: to.blocks[j]!.id,
    index: j,
    start: newRanges[j]!.start,
    end: newRanges[j]!.end,
  });

  const counts: ChangeCounts = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  const blocks: BlockChange[] = [];
  const push = (change: BlockChange) => {
    counts[change.kind]++;
    blocks.push(change);
  };
  // Reading order: the newer version's blocks in turn; before each block that stayed in place, the removed
  // blocks that stood before its partner in the older version.
  let nextOld = 0;
  const flushRemovedBefore = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (oldPartner[nextOld] === -1) push({ kind: 'removed', from: oldPlace(nextOld), edited: false });
    }
  };
  for (let j = 0; j < newKeys.length; j++) {
    const i = newPartner[j]!;
    if (i === -1) {
      push({ kind: 'added', to: newPlace(j), edited: false });
      continue;
    }
    const kind = kindOf(i)!;
    if (kind !== 'moved') flushRemovedBefore(i + 1);
    const edited = oldKeys[i] !== newKeys[j];
    const change: BlockChange = { kind, from: oldPlace(i), to: newPlace(j), edited };
    if (edited) {
      const similarity = pairSimilarity[i]!;
      change.similarity = round(
        Number.isNaN(similarity)
          ? wordSimilarity(words.of(oldText[i]!).sort(), words.of(newText[j]!).sort())
          : similarity,
      );
      change.parts = wordParts(oldText[i]!, newText[j]!);
    }
    push(change);
  }
  flushRemovedBefore(oldKeys.length);
  return { blocks, counts };
}

/** How a pair of blocks was made; index 0 stands for none, so a fresh array means no pair yet. */
const PAIR_KINDS = [undefined, 'unchanged', 'changed', 'moved'] as const;
type PairKind = NonNullable<(typeof PAIR_KINDS)[number]>;

/** Whitespace that `normalizeBlockText` would change: any but a single space between words, or a zero-width space. */
const LOOSE_WHITESPACE = /[^\S ]|\u200b| {2}|^ | $/;

/** A block's text with whitespace collapsed; most blocks (every imported one) are stored that way already. */
function collapsedText(block: VersionText['blocks'][number]): string {
  return block.type !== 'code' && !LOOSE_WHITESPACE.test(block.text)
    ? block.text
    : normalizeBlockText(block.text, block.type);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
