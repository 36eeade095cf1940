import type { Block } from '../model';

/** Blocks are joined by a blank line to make a version's canonical text, which annotation selectors point into. */
export const BLOCK_SEPARATOR = '\n\n';

/** What the rule below changes outside code: white space other than single spaces between words, and U+200B. */
const NEEDS_NORMALIZING = /[^\S ]|\u200b|  |^ | $/;

/**
 * The one whitespace rule for block text: runs of spaces, tabs and line breaks become one space, and the ends
 * are trimmed, so re-wrapped lines and stray spaces are never changes. Code keeps its lines.
 */
export function normalizeBlockText(text: string, type: Block['type']): string {
  // Text that already follows the rule (most of it, and all of it the second time) is returned as it is: one
  // scan that makes nothing, instead of three passes that copy it.
  if (type !== 'code' && !NEEDS_NORMALIZING.test(text)) return text;
  const unified = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f]/g, ' ');
  if (type === 'code') {
    return unified
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/, ''))
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
  }
  return unified.replace(/[\s\u200b]+/g, ' ').trim();
}

/** Where each block's text sits in the canonical text: `[start, end)` in UTF-16 code units. */
export interface BlockRange {
  start: number;
  end: number;
}

export function composeVersionText(blocks: readonly Pick<Block, 'text'>[]): { text: string; ranges: BlockRange[] } {
  const ranges: BlockRange[] = [];
  let offset = 0;
  for (const [index, block] of blocks.entries()) {
    if (index > 0) offset += BLOCK_SEPARATOR.length;
    ranges.push({ start: offset, end: offset + block.text.length });
    offset += block.text.length;
  }
  return { text: blocks.map((b) => b.text).join(BLOCK_SEPARATOR), ranges };
}
