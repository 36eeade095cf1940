import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Annotation } from '../../../../shared/model';
import { countOf } from '../../ui/format';
import { ChevronRightIcon, LockIcon } from '../../ui/icons';
import { activeFilterCount, useReviewData, useReviewNavigation } from '../workspace';
import { AnnotationFilters } from './AnnotationFilters';
import { ANNOTATE_SHORTCUT } from './annotateShortcut';
import type { PendingAnnotation } from './newAnnotationDraft';
import { NewAnnotationPanel } from './NewAnnotationPanel';
import { SeverityLegend } from './SeverityLegend';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';
import './annotations.css';

export interface AnnotationsPanelProps {
  /** The version's live annotations, in the order of the text. */
  annotations: readonly Annotation[];
  /** Those that pass the filters. */
  shown: readonly Annotation[];
  pending: PendingAnnotation | undefined;
  onPendingDone: (saved?: Annotation) => void;
  /** Scrolls the text to an annotation's highlight; with focus, moves keyboard focus there too. */
  onShowInText: (annotationId: string, focus: boolean) => void;
}

function overlaps(a: Annotation, b: Annotation): boolean {
  const [, pa] = a.target.selector;
  const [, pb] = b.target.selector;
  return pa.start < pb.end && pb.start < pa.end;
}

/**
 * The side panel beside the text: the list of annotations with its filters, one annotation's thread, or the form
 * for a new annotation on the selected words.
 */
export function AnnotationsPanel({ annotations, shown, pending, onPendingDone, onShowInText }: AnnotationsPanelProps) {
  const { readOnly } = useReviewData();
  const { filter, openAnnotationId, openAnnotation } = useReviewNavigation();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const open = openAnnotationId ? annotations.find((a) => a.id === openAnnotationId) : undefined;
  const overlapping = useMemo(
    () => (open ? annotations.filter((a) => a.id !== open.id && overlaps(a, open)) : []),
    [annotations, open],
  );
  const filters = activeFilterCount(filter);
  // The list is drawn just after the first screen (the text comes first), and again after each change.
  const listed = useDeferredValue(shown, NOTHING);

  let body;
  if (pending) {
    body = (
      <NewAnnotationPanel
        key={`${pending.range.start}:${pending.range.end}`}
        pending={pending}
        onSaved={(saved) => onPendingDone(saved)}
        onCancel={() => onPendingDone()}
      />
    );
  } else if (open) {
    body = (
      <ThreadView
        annotation={open}
        overlapping={overlapping}
        onBack={() => openAnnotation(undefined)}
        onShowInText={() => onShowInText(open.id, true)}
        onOpen={(id) => {
          openAnnotation(id);
          onShowInText(id, false);
        }}
      />
    );
  } else {
    body = (
      <div className="annotation-list-view">
        <div className="panel-heading-row">
          <h3 className="panel-title">Annotations</h3>
          <span className="count-pill">{annotations.length}</span>
        </div>
        {readOnly ? (
          <p className="panel-note has-icon">
            <LockIcon size={14} />
            <span>Read-only here: annotations can be read, not added or changed.</span>
          </p>
        ) : (
          <p className="panel-note">
            Select words in the policy, then choose <strong>Annotate</strong> or press{' '}
            <kbd>{ANNOTATE_SHORTCUT.label}</kbd>.
          </p>
        )}
        <SeverityLegend />
        <button
          type="button"
          className="disclosure filters-toggle"
          aria-expanded={filtersOpen || filters > 0}
          aria-controls={filtersId}
          onClick={() => setFiltersOpen((v) => !v)}
        >
          <ChevronRightIcon className="disclosure-chevron" />
          Filters
          {filters > 0 && <span className="count-pill">{filters}</span>}
        </button>
        <div id={filtersId} hidden={!(filtersOpen || filters > 0)}>
          <AnnotationFilters annotations={annotations} />
        </div>
        <p className="filter-summary" role="status">
          {filters > 0
            ? `${shown.length} of ${countOf(annotations.length, 'annotation')} shown`
            : annotations.length === 0
              ? 'No annotations on this version yet.'
              : ''}
        </p>
        <ThreadList
          key={JSON.stringify(filter)}
          annotations={listed}
          activeId={openAnnotationId}
          onOpen={(id) => {
            openAnnotation(id);
            onShowInText(id, false);
          }}
        />
      </div>
    );
  }

  return (
    <aside className="annotations-panel" aria-label="Annotations">
      {body}
    </aside>
  );
}

const NOTHING: readonly Annotation[] = [];
