import type { Ref } from 'react';
import type { Version } from '../../../../shared/model';
import type { CompareLayout } from './ComparedRow';
import { ComparedRowGroup, type ListedRow } from './ComparedRowGroup';
import type { GroupRange } from './groupHeights';

export interface ComparedRowListProps {
  /** The list's rows in groups (groupsOfRows). */
  groups: readonly (readonly ListedRow[])[];
  /** The groups in the page, with their keys (useGroupsNearView); the spacers either side stand for the rest. */
  drawn: GroupRange & { keys: ReadonlyMap<number, number> };
  from: Version;
  to: Version;
  layout: CompareLayout;
  ref: Ref<HTMLDivElement>;
}

/**
 * One list of the comparison's rows: the groups near the screen, between two spacers as tall as the groups they
 * stand for (useGroupsNearView sets their heights, so React never writes them). A group coming in reuses the
 * elements of one that left (recycledKeys).
 */
export function ComparedRowList({ groups, drawn, from, to, layout, ref }: ComparedRowListProps) {
  return (
    <div ref={ref} className="compare-rows">
      <div className="compare-rows-spacer" data-spacer="before" aria-hidden="true" />
      {groups.slice(drawn.first, drawn.end).map((rows, at) => (
        <ComparedRowGroup
          key={drawn.keys.get(drawn.first + at)}
          index={drawn.first + at}
          rows={rows}
          from={from}
          to={to}
          layout={layout}
        />
      ))}
      <div className="compare-rows-spacer" data-spacer="after" aria-hidden="true" />
    </div>
  );
}
