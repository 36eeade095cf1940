import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { VersionComparison } from '../../../../shared/api';
import type { Version } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { ArrowDownIcon, ArrowUpIcon } from '../../ui/icons';
import { isChange } from './changeLabels';
import type { CompareLayout } from './ComparedRow';
import { groupsOfRows, ROWS_PER_GROUP, type ListedRow } from './ComparedRowGroup';
import { ComparedRowList } from './ComparedRowList';
import { useChangeNavigation } from './useChangeNavigation';
import { heightsFor } from './groupHeights';
import { useGroupsNearView } from './useGroupsNearView';

export interface ComparisonViewProps {
  comparison: VersionComparison;
  from: Version;
  to: Version;
  /** Whether the Compare area shows: the keys for next/previous change work only then. */
  active: boolean;
}

const LAYOUTS: readonly { id: CompareLayout; label: string }[] = [
  { id: 'side-by-side', label: 'Side by side' },
  { id: 'inline', label: 'Inline' },
];

/**
 * The two versions block by block, side by side or inline, with a way through the changes one at a time. The first
 * screen's rows are drawn at once; of a long comparison, only the rows near the screen are ever in the page
 * (useGroupsNearView), so 500 pages open, scroll and change list as fast as 100; next and previous change draw a
 * change's row when it is out of view.
 *
 * "Changes only" shows the list of the changes instead of every row. Each list keeps where it was scrolled to, and
 * the heights of its rows as laid out (heightsFor), so turning it off returns to the same place in every row.
 */
export function ComparisonView({ comparison, from, to, active }: ComparisonViewProps) {
  const [layout, setLayout] = useState<CompareLayout>('side-by-side');
  const [changesOnly, setChangesOnly] = useState(false);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const changesOnlyId = useId();
  const statusId = useId();

  /** Each block with its change number (1-based), counted over the whole comparison. */
  const rows = useMemo(() => {
    let n = 0;
    return comparison.blocks.map((block): ListedRow => ({ block, changeNumber: isChange(block) ? ++n : undefined }));
  }, [comparison]);
  const changes = useMemo(() => rows.filter((row) => row.changeNumber !== undefined), [rows]);
  const total = changes.length;
  /** Where each change's row stands among every row. */
  const changeRows = useMemo(() => rows.flatMap((row, at) => (row.changeNumber === undefined ? [] : [at])), [rows]);
  const pairKey = `${comparison.fromVersionId}:${comparison.toVersionId}`;
  const listKey = `${pairKey}:${layout}`;

  const shownRows = changesOnly ? changes : rows;
  const groups = useMemo(() => groupsOfRows(shownRows), [shownRows]);
  const heights = useMemo(
    () =>
      heightsFor(
        shownRows,
        layout,
        groups.map((group) => group.length),
      ),
    [shownRows, layout, groups],
  );
  const shownKey = `${listKey}:${changesOnly ? 'changes' : 'every row'}`;
  const drawn = useGroupsNearView(heights, shownKey, scrollerRef, listRef, ROWS_PER_GROUP);

  // Each list keeps where it was scrolled to while the other shows.
  const atTop = { key: listKey, everyRow: 0, changes: 0 };
  const scrolledTo = useRef(atTop);
  const showChangesOnly = (on: boolean) => {
    const scroller = scrollerRef.current;
    const saved = scrolledTo.current.key === listKey ? scrolledTo.current : atTop;
    scrolledTo.current = { ...saved, [changesOnly ? 'changes' : 'everyRow']: scroller?.scrollTop ?? 0 };
    setChangesOnly(on);
  };
  useLayoutEffect(() => {
    const saved = scrolledTo.current;
    if (scrollerRef.current && saved.key === listKey)
      scrollerRef.current.scrollTop = changesOnly ? saved.changes : saved.everyRow;
  }, [changesOnly, listKey]);

  const { reveal } = drawn;
  const revealChange = useCallback(
    (index: number) => {
      reveal(changesOnly ? index : (changeRows[index] ?? 0));
      return listRef.current?.querySelector<HTMLElement>(`[data-change="${index + 1}"]`);
    },
    [changesOnly, reveal, changeRows],
  );
  const navigation = useChangeNavigation(total, scrollerRef, active, pairKey, revealChange);
  const status =
    total === 0
      ? 'No changes'
      : navigation.current === undefined
        ? `${total} changes`
        : `Change ${navigation.current + 1} of ${total}`;

  return (
    <section className="comparison" aria-label={`Comparison of ${from.label} and ${to.label}`}>
      <div className="comparison-toolbar">
        <div className="segmented" role="group" aria-label="Layout">
          {LAYOUTS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              className="segmented-option"
              aria-pressed={layout === id}
              onClick={() => setLayout(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <label className="checkbox-label" htmlFor={changesOnlyId}>
          <input
            id={changesOnlyId}
            type="checkbox"
            checked={changesOnly}
            onChange={(event) => showChangesOnly(event.target.checked)}
          />
          Changes only
        </label>
        <div className="change-navigation">
          <Button
            size="sm"
            icon={<ArrowUpIcon />}
            aria-label="Previous change"
            title="Previous change (P or Alt+Up)"
            aria-keyshortcuts="P Alt+ArrowUp"
            aria-describedby={statusId}
            onClick={navigation.previous}
            disabled={total === 0}
          >
            Previous
          </Button>
          <Button
            size="sm"
            icon={<ArrowDownIcon />}
            aria-label="Next change"
            title="Next change (N or Alt+Down)"
            aria-keyshortcuts="N Alt+ArrowDown"
            aria-describedby={statusId}
            onClick={navigation.next}
            disabled={total === 0}
          >
            Next
          </Button>
          <span id={statusId} className="change-position" role="status">
            {status}
          </span>
        </div>
      </div>
      <p className="comparison-hint">
        Press <kbd>N</kbd> and <kbd>P</kbd> (or <kbd>Alt+↓</kbd> and <kbd>Alt+↑</kbd>) to go to the next and previous
        change.
      </p>

      <div
        ref={scrollerRef}
        className={`comparison-scroller is-${layout}`}
        tabIndex={0}
        role="region"
        aria-busy={drawn.busy}
        aria-label={
          layout === 'inline'
            ? `Changes from ${from.label} to ${to.label}, inline`
            : `${from.label} and ${to.label}, side by side`
        }
        onFocus={(event) => {
          const number = Number((event.target as HTMLElement).dataset['change']);
          if (number) navigation.markCurrent(number - 1);
        }}
      >
        {layout === 'side-by-side' && (
          <div className="compare-columns" aria-hidden="true">
            <span>{from.label} (older)</span>
            <span>{to.label} (newer)</span>
          </div>
        )}
        <ComparedRowList
          key={shownKey}
          ref={listRef}
          groups={groups}
          drawn={drawn}
          from={from}
          to={to}
          layout={layout}
        />
        {shownRows.length === 0 && (
          <p className="comparison-empty">
            {changesOnly ? 'No changes between these versions.' : 'Both versions are empty.'}
          </p>
        )}
      </div>
    </section>
  );
}
