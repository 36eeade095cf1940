import type { Block } from '../model';

/** What a comparison needs of a version: its blocks and its canonical text (the blocks joined by a blank line). */
export interface VersionText {
  blocks: readonly Pick<Block, 'id' | 'type' | 'text'>[];
  text: string;
}

export const BLOCK_CHANGE_KINDS = ['unchanged', 'changed', 'added', 'removed', 'moved'] as const;
export type BlockChangeKind = (typeof BLOCK_CHANGE_KINDS)[number];

/** Where a block sits in one version: its id, its index in `blocks`, and `[start, end)` in the version's text. */
export interface BlockPlace {
  blockId: string;
  index: number;
  start: number;
  end: number;
}

export const WORD_PART_KINDS = ['equal', 'removed', 'added'] as const;

/**
 * One run of a word diff inside a changed block. The `equal` and `removed` parts, in order, spell the old
 * block's text with its whitespace collapsed (`normalizeBlockText`); the `equal` and `added` parts spell the new
 * one's. Imported blocks are stored collapsed already, so for them these are exactly the blocks' texts.
 */
export interface WordPart {
  kind: (typeof WORD_PART_KINDS)[number];
  text: string;
}

/**
 * One block of the comparison. `from` is the block in the older version (absent when added), `to` the block in
 * the newer one (absent when removed). `edited` says the text differs (always for `changed`; for `moved`, a
 * paragraph that moved and was lightly edited), and then `parts` holds the word diff and `similarity` how alike
 * the two texts are (0..1, by words).
 */
export interface BlockChange {
  kind: BlockChangeKind;
  from?: BlockPlace;
  to?: BlockPlace;
  edited: boolean;
  similarity?: number;
  parts?: WordPart[];
}

export type ChangeCounts = Record<BlockChangeKind, number>;

/**
 * Two versions compared block by block. `blocks` is in reading order for an inline view: every block of the
 * newer version in its order, with each removed block placed where it stood in the older one.
 */
export interface BlockComparison {
  blocks: BlockChange[];
  counts: ChangeCounts;
}
