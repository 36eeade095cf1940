import { memo } from 'react';
import type { Version } from '../../../../shared/model';
import type { ComparedBlock } from './changeLabels';
import { ComparedRow, type CompareLayout } from './ComparedRow';

/** A row of the comparison as the view lists it: the block and its change number, if it is a change. */
export interface ListedRow {
  block: ComparedBlock;
  changeNumber: number | undefined;
}

/**
 * Rows per group: the page draws and drops rows a group at a time as the comparison scrolls (useGroupsNearView), so
 * a group is drawn and laid out within a few milliseconds.
 */
export const ROWS_PER_GROUP = 4;

/** `rows` in consecutive groups of ROWS_PER_GROUP, the last one shorter. */
export function groupsOfRows(rows: readonly ListedRow[]): ListedRow[][] {
  const groups: ListedRow[][] = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_GROUP) groups.push(rows.slice(at, at + ROWS_PER_GROUP));
  return groups;
}

export interface ComparedRowGroupProps {
  /** The group's place in its list, which the list reads back to record the group's height. */
  index: number;
  rows: readonly ListedRow[];
  from: Version;
  to: Version;
  layout: CompareLayout;
}

/**
 * A run of the comparison's rows in an element of its own, which the stylesheet makes a layout boundary
 * (`.compare-row-group`): a group drawn lays out that group alone, and a render of the view (groups drawn or
 * dropped, the change position told) skips each group already drawn in one comparison of its props.
 */
export const ComparedRowGroup = memo(function ComparedRowGroup({
  index,
  rows,
  from,
  to,
  layout,
}: ComparedRowGroupProps) {
  return (
    <div className="compare-row-group" data-group={index}>
      {rows.map(({ block, changeNumber }, at) => (
        <ComparedRow
          // By place, not by block: a group's elements passed to another group (recycledKeys) are rewritten.
          key={at}
          block={block}
          from={from}
          to={to}
          layout={layout}
          changeNumber={changeNumber}
        />
      ))}
    </div>
  );
});
