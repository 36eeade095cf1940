import { Fragment } from 'react';
import { quoteOf } from '../../../../shared/anchoring';
import type { Annotation } from '../../../../shared/model';
import { ANCHOR_STATE_LABELS, ANNOTATION_STATUS_LABELS, SEVERITY_LABELS } from '../../../../shared/vocabulary';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { SeveritySwatch, shortQuote } from '../annotations';

export interface SupportingAnnotationsProps {
  annotations: readonly Annotation[];
  /** Opens one annotation in the text. */
  onOpen: (annotationId: string) => void;
  /** Shows all of them in the text (filtered to the criterion). */
  onShowAll: () => void;
}

const SHOWN = 4;

/** The annotations made against a criterion on this version, as chips that lead to the text. */
export function SupportingAnnotations({ annotations, onOpen, onShowAll }: SupportingAnnotationsProps) {
  if (annotations.length === 0)
    return <p className="supporting-none">No annotations against this criterion on this version.</p>;
  return (
    <div className="supporting">
      <p className="supporting-label">{countOf(annotations.length, 'annotation')} in the text</p>
      <ul className="supporting-list">
        {annotations.slice(0, SHOWN).map((annotation) => (
          <li key={annotation.id}>
            <button
              type="button"
              className="annotation-chip"
              onClick={() => onOpen(annotation.id)}
              aria-label={chipLabel(annotation)}
              title={
                annotation.anchorState === 'orphaned'
                  ? 'Its words are no longer in this version: open its thread to re-attach it'
                  : 'Show this annotation in the text'
              }
            >
              <SeveritySwatch severity={annotation.severity} />
              <span className="annotation-chip-quote">{chipQuote(annotation)}</span>
              {/* The spaces are for the name the words make (the chip lays them out with a gap). */}
              {chipStatuses(annotation).map((status) => (
                <Fragment key={status}>
                  {' '}
                  <span className="annotation-chip-status">({status})</span>
                </Fragment>
              ))}
            </button>
          </li>
        ))}
      </ul>
      <Button size="sm" variant="ghost" className="supporting-show" onClick={onShowAll}>
        Show in text{annotations.length > SHOWN ? ` (all ${annotations.length})` : ''}
      </Button>
    </div>
  );
}

const chipQuote = (annotation: Annotation) => `“${shortQuote(quoteOf(annotation.target).exact, 56)}”`;

/** What a chip says after its quote: orphaned, and its status unless open. */
function chipStatuses(annotation: Annotation): string[] {
  return [
    ...(annotation.anchorState === 'orphaned' ? [ANCHOR_STATE_LABELS.orphaned.toLowerCase()] : []),
    ...(annotation.status === 'open' ? [] : [ANNOTATION_STATUS_LABELS[annotation.status].toLowerCase()]),
  ];
}

/**
 * What a screen reader says for a chip: first the words it shows, so speech input finds it by them (WCAG 2.5.3),
 * then the severity and what clicking it does.
 */
function chipLabel(annotation: Annotation): string {
  const shown = [chipQuote(annotation), ...chipStatuses(annotation).map((status) => `(${status})`)].join(' ');
  const action =
    annotation.anchorState === 'orphaned'
      ? 'open the thread (its words are no longer in this version)'
      : 'show in the text';
  return `${shown}, ${SEVERITY_LABELS[annotation.severity].toLowerCase()}: ${action}`;
}
