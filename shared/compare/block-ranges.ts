import { BLOCK_SEPARATOR } from '../document';
import type { BlockRange } from '../document';

/** Where each block's text sits in the canonical text, without building the text again. */
export function blockRanges(blocks: readonly { text: string }[]): BlockRange[] {
  const ranges: BlockRange[] = new Array<BlockRange>(blocks.length);
  let offset = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (i > 0) offset += BLOCK_SEPARATOR.length;
    const length = blocks[i]!.text.length;
    ranges[i] = { start: offset, end: offset + length };
    offset += length;
  }
  return ranges;
}

/** The index of the block whose range holds `offset` (between two blocks: the next one); -1 past the last block. */
export function blockAt(ranges: readonly BlockRange[], offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end > offset) {
      found = mid;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return found;
}
