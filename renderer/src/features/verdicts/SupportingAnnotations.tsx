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
              <span className="annotation-chip-quote">“{shortQuote(quoteOf(annotation.target).exact, 56)}”</span>
              {annotation.anchorState === 'orphaned' && (
                <span className="annotation-chip-status">({ANCHOR_STATE_LABELS.orphaned.toLowerCase()})</span>
              )}
              {annotation.status !== 'open' && (
                <span className="annotation-chip-status">
                  ({ANNOTATION_STATUS_LABELS[annotation.status].toLowerCase()})
                </span>
              )}
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

/** What a screen reader says for a chip: what clicking it does, the quote, the severity and any status but open. */
function chipLabel(annotation: Annotation): string {
  const action =
    annotation.anchorState === 'orphaned'
      ? 'Open the thread (its words are no longer in this version)'
      : 'Show in the text';
  const quote = shortQuote(quoteOf(annotation.target).exact, 160);
  const status = annotation.status === 'open' ? '' : `, ${ANNOTATION_STATUS_LABELS[annotation.status].toLowerCase()}`;
  return `${action}: “${quote}”, ${SEVERITY_LABELS[annotation.severity].toLowerCase()}${status}`;
}
