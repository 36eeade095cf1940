import type { WordPart } from '../compare';
import { normalizeBlockText } from '../document';
import type { Block } from '../model';
import { countWords, keptWordsThroughParts, mapEndThroughParts, mapStartThroughParts } from './carry-mapping';

/**
 * Offsets between a block's stored text and the same text with whitespace collapsed (`normalizeBlockText`),
 * where the comparison's word diff lives.
 */
class CollapsedOffsets {
  private constructor(
    /** For each offset in the stored text, the offset in the collapsed text. */
    private readonly collapsedAt: Int32Array,
    /** For each offset in the collapsed text, the offset in the stored text. */
    private readonly storedAt: Int32Array,
  ) {}

  /** `same` when the stored text is collapsed already (every imported block); `unmappable` for code not stored as collapsed. */
  static of(text: string, type: Block['type']): CollapsedOffsets | 'same' | 'unmappable' {
    const collapsed = normalizeBlockText(text, type);
    if (collapsed === text) return 'same';
    if (type === 'code') return 'unmappable';
    const storedAt: number[] = [];
    let out = '';
    let spaceFrom = -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (/[\s\u200b]/.test(ch)) {
        if (spaceFrom === -1) spaceFrom = i;
        continue;
      }
      if (spaceFrom !== -1 && out !== '') {
        out += ' ';
        storedAt.push(spaceFrom);
      }
      spaceFrom = -1;
      out += ch;
      storedAt.push(i);
    }
    if (out !== collapsed) return 'unmappable';
    storedAt.push(text.length);
    const collapsedAt = new Int32Array(text.length + 1);
    for (let i = 0, k = 0; i <= text.length; i++) {
      while (k < storedAt.length - 1 && storedAt[k]! < i) k++;
      collapsedAt[i] = k;
    }
    return new CollapsedOffsets(collapsedAt, Int32Array.from(storedAt));
  }

  toCollapsed(offset: number): number {
    return this.collapsedAt[offset]!;
  }

  /** An exclusive end: just after the collapsed character the stored text's last character became. */
  endToCollapsed(end: number): number {
    return end <= 0 ? 0 : this.collapsedAt[end - 1]! + 1;
  }

  toStored(offset: number): number {
    return this.storedAt[Math.min(offset, this.storedAt.length - 1)]!;
  }

  endToStored(end: number): number {
    return end <= 0 ? this.storedAt[0]! : this.toStored(end - 1) + 1;
  }
}

/**
 * How a passage of an older block maps into the block it became, through the comparison's word diff over the
 * collapsed texts (so re-wrapped lines and doubled spaces never count as edits), then back to stored offsets.
 */
export class BlockPairMap {
  private readonly older?: CollapsedOffsets;
  private readonly newer?: CollapsedOffsets;
  /** Word diff in the space offsets are mapped in; `null` when that text is the same on both sides. */
  private readonly parts: readonly WordPart[] | null;

  constructor(
    olderBlock: Pick<Block, 'type' | 'text'>,
    newerBlock: Pick<Block, 'type' | 'text'>,
    comparisonParts: readonly WordPart[] | undefined,
    rawParts: (older: string, newer: string) => WordPart[],
  ) {
    const older = CollapsedOffsets.of(olderBlock.text, olderBlock.type);
    const newer = CollapsedOffsets.of(newerBlock.text, newerBlock.type);
    if (older !== 'unmappable' && newer !== 'unmappable') {
      if (older !== 'same') this.older = older;
      if (newer !== 'same') this.newer = newer;
      this.parts = comparisonParts ?? null;
    } else {
      // Text whose whitespace counts (code): the diff of the stored texts themselves.
      this.parts = olderBlock.text === newerBlock.text ? null : rawParts(olderBlock.text, newerBlock.text);
    }
  }

  /** Where a passage starting at `offset` of the older block starts in the newer one. */
  start(offset: number): number {
    const from = this.older ? this.older.toCollapsed(offset) : offset;
    const to = this.parts ? mapStartThroughParts(this.parts, from) : from;
    return this.newer ? this.newer.toStored(to) : to;
  }

  /** Where a passage ending at `offset` (exclusive) of the older block ends in the newer one. */
  end(offset: number): number {
    const from = this.older ? this.older.endToCollapsed(offset) : offset;
    const to = this.parts ? mapEndThroughParts(this.parts, from) : from;
    return this.newer ? this.newer.endToStored(to) : to;
  }

  /** How many words of `[from, to)` of the older block the diff kept. */
  keptWords(olderText: string, from: number, to: number): number {
    if (!this.parts) return countWords(olderText.slice(from, to));
    const start = this.older ? this.older.toCollapsed(from) : from;
    const end = this.older ? this.older.endToCollapsed(to) : to;
    return keptWordsThroughParts(this.parts, start, end);
  }
}
