import { memo } from 'react';
import type { Version } from '../../../../shared/model';
import type { ComparedBlock } from './changeLabels';
import { ComparedRow, type CompareLayout } from './ComparedRow';

/** A row of the comparison as the view lists it: the block and its change number, if it is a change. */
export interface ListedRow {
  block: ComparedBlock;
  changeNumber: number | undefined;
}

/** Rows per group: the comparison re-renders groups, not rows, so its cost per render is its rows over this. */
export const ROWS_PER_GROUP = 64;

/** `rows` in consecutive groups of ROWS_PER_GROUP, the last one shorter. */
export function groupsOfRows(rows: readonly ListedRow[]): ListedRow[][] {
  const groups: ListedRow[][] = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_GROUP) groups.push(rows.slice(at, at + ROWS_PER_GROUP));
  return groups;
}

export interface ComparedRowGroupProps {
  rows: readonly ListedRow[];
  /** How many of the group's rows are drawn yet. */
  count: number;
  from: Version;
  to: Version;
  layout: CompareLayout;
}

/**
 * A run of the comparison's rows in an element of its own, which the stylesheet makes a layout boundary
 * (`.compare-row-group`): a slice of rows added to the last group lays out that group alone, and a render of the view
 * (a slice added, the change position told) skips each group whose rows are all drawn in one comparison of its
 * props. A flat list of 8,600 rows was laid out and compared whole at each slice: a 500-page comparison took 18 to
 * 20 s to draw every row and 66 ms per next change; in groups, under 3 s and 16 ms.
 */
export const ComparedRowGroup = memo(function ComparedRowGroup({
  rows,
  count,
  from,
  to,
  layout,
}: ComparedRowGroupProps) {
  return (
    <div className="compare-row-group">
      {rows.slice(0, count).map(({ block, changeNumber }) => (
        <ComparedRow
          key={`${block.from?.blockId ?? ''}>${block.to?.blockId ?? ''}`}
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
