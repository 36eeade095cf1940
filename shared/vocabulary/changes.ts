import type { BlockChangeKind } from '../compare';

/** How a block changed between two versions, as the comparison and the report's change summary name it. */
export const CHANGE_KIND_LABELS: Record<BlockChangeKind, string> = {
  unchanged: 'Unchanged',
  changed: 'Changed',
  added: 'Added',
  removed: 'Removed',
  moved: 'Moved',
};
