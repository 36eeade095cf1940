import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { VersionComparison } from '../../../../shared/api';
import type { Version } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { ArrowDownIcon, ArrowUpIcon } from '../../ui/icons';
import { isChange } from './changeLabels';
import type { CompareLayout } from './ComparedRow';
import { ComparedRowGroup, groupsOfRows, ROWS_PER_GROUP, type ListedRow } from './ComparedRowGroup';
import { useChangeNavigation } from './useChangeNavigation';
import { useRowsInSlices } from './useRowsInSlices';

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

/** Room kept for each row not drawn yet (about a row's height side by side), so the scroll bar tells the length. */
const PENDING_ROW_PX = 160;

/**
 * The two versions block by block, side by side or inline, with a way through the changes one at a time.
 * The first screen's rows are drawn at once and the rest in short slices after it (useRowsInSlices), so a
 * 1,700-block comparison shows at once; then every block is drawn and laid out (find in page, selection and screen
 * readers see them all, and scrolling lays out nothing new, which keeps every frame short).
 */
export function ComparisonView({ comparison, from, to, active }: ComparisonViewProps) {
  const [layout, setLayout] = useState<CompareLayout>('side-by-side');
  const [changesOnly, setChangesOnly] = useState(false);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const changesOnlyId = useId();
  const statusId = useId();

  /** Each block with its change number (1-based), counted over the whole comparison. */
  const rows = useMemo(() => {
    let n = 0;
    return comparison.blocks.map((block): ListedRow => ({ block, changeNumber: isChange(block) ? ++n : undefined }));
  }, [comparison]);
  const total = rows.reduce((sum, row) => sum + (row.changeNumber === undefined ? 0 : 1), 0);
  const shown = useMemo(
    () => (changesOnly ? rows.filter((row) => row.changeNumber !== undefined) : rows),
    [rows, changesOnly],
  );
  const groups = useMemo(() => groupsOfRows(shown), [shown]);
  /** Where each change's row stands among the rows shown. */
  const changeRows = useMemo(() => shown.flatMap((row, at) => (row.changeNumber === undefined ? [] : [at])), [shown]);
  const pairKey = `${comparison.fromVersionId}:${comparison.toVersionId}`;
  const drawn = useRowsInSlices(shown.length, `${pairKey}:${layout}:${changesOnly}`, scrollerRef);
  const { reveal } = drawn;
  const revealChange = useCallback((index: number) => reveal((changeRows[index] ?? 0) + 1), [reveal, changeRows]);
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
            onChange={(event) => setChangesOnly(event.target.checked)}
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
        aria-busy={drawn.count < shown.length}
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
        {groups.map((group, g) => {
          const count = Math.min(group.length, drawn.count - g * ROWS_PER_GROUP);
          return count > 0 ? (
            <ComparedRowGroup key={g} rows={group} count={count} from={from} to={to} layout={layout} />
          ) : null;
        })}
        {drawn.count < shown.length && (
          <div className="compare-rows-pending" style={{ height: (shown.length - drawn.count) * PENDING_ROW_PX }} />
        )}
        {shown.length === 0 && (
          <p className="comparison-empty">
            {changesOnly ? 'No changes between these versions.' : 'Both versions are empty.'}
          </p>
        )}
      </div>
    </section>
  );
}
