import type { VersionComparison } from '../../../../shared/api';
import { CHANGE_KIND_LABELS } from '../../../../shared/vocabulary';

export type ComparedBlock = VersionComparison['blocks'][number];
export type ChangeKind = ComparedBlock['kind'];

/** The kinds in the order the summary lists them. */
export const CHANGE_KINDS: readonly ChangeKind[] = ['changed', 'added', 'removed', 'moved', 'unchanged'];

/**
 * A sign for each kind, so the kind reads without its colour: the same signs a diff uses, and an arrow for moved.
 */
export const CHANGE_KIND_SIGNS: Record<ChangeKind, string> = {
  unchanged: '=',
  changed: '~',
  added: '+',
  removed: '−',
  moved: '↕',
};

/** What a block of the comparison is, in words: a moved paragraph that was also edited says so. */
export function changeLabel(block: ComparedBlock): string {
  if (block.kind === 'moved' && block.edited) return 'Moved and changed';
  return CHANGE_KIND_LABELS[block.kind];
}

export const isChange = (block: ComparedBlock): boolean => block.kind !== 'unchanged';
