import { useMemo, type Ref } from 'react';
import type { Version } from '../../../../shared/model';
import type { CompareLayout } from './ComparedRow';
import { ComparedRowGroup, groupsOfRows, ROWS_PER_GROUP, type ListedRow } from './ComparedRowGroup';

/** Room kept for each row not drawn yet (about a row's height side by side), so the scroll bar tells the length. */
const PENDING_ROW_PX = 160;

export interface ComparedRowListProps {
  rows: readonly ListedRow[];
  /** How many of the rows are drawn yet (useRowsInSlices). */
  drawn: number;
  /**
   * Kept in the page but not shown: every row, or the changes only, while the other list shows. The stylesheet skips
   * its rendering (`content-visibility: hidden`), which keeps its layout for when it shows again, and `inert` keeps it
   * from focus, find in page and screen readers.
   */
  hidden: boolean;
  from: Version;
  to: Version;
  layout: CompareLayout;
  ref: Ref<HTMLDivElement>;
}

/** One list of the comparison's rows, in groups (ComparedRowGroup), with room kept for the rows still to be drawn. */
export function ComparedRowList({ rows, drawn, hidden, from, to, layout, ref }: ComparedRowListProps) {
  const groups = useMemo(() => groupsOfRows(rows), [rows]);
  return (
    <div ref={ref} className={hidden ? 'compare-rows is-kept-hidden' : 'compare-rows'} inert={hidden}>
      {groups.map((group, g) => {
        const count = Math.min(group.length, drawn - g * ROWS_PER_GROUP);
        return count > 0 ? (
          <ComparedRowGroup key={g} rows={group} count={count} from={from} to={to} layout={layout} />
        ) : null;
      })}
      {drawn < rows.length && (
        <div className="compare-rows-pending" style={{ height: (rows.length - drawn) * PENDING_ROW_PX }} />
      )}
    </div>
  );
}
