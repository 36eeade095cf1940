import type { Block, Version } from '../../../../shared/model';

/** Past this many blocks back, a section heading is too far away to say where a block stood. */
const HEADING_LOOKBACK = 200;

/** The heading of the section a block sits in (the nearest heading at or before it), to say where it was or went. */
export function sectionOf(version: Pick<Version, 'blocks'>, index: number): string | undefined {
  for (let n = index; n >= 0 && n > index - HEADING_LOOKBACK; n--) {
    const block = version.blocks[n];
    if (block?.type === 'heading') return block.text;
  }
  return undefined;
}

/** The class that gives a block its look in the comparison (a heading reads as a heading). */
export function blockClass(block: Block | undefined): string {
  if (!block) return 'compare-text';
  if (block.type === 'heading') return `compare-text is-heading level-${Math.min(block.level, 4)}`;
  if (block.type === 'list-item') return 'compare-text is-list-item';
  if (block.type === 'code') return 'compare-text is-code';
  if (block.type === 'quote') return 'compare-text is-quote';
  return 'compare-text';
}
