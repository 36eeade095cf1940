import { useId, useState, type ReactNode } from 'react';
import type { Criterion } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { ChevronRightIcon, PencilIcon, TrashIcon } from '../../ui/icons';
import { MoveButtons } from '../../ui/MoveButtons';
import { criterionCardId } from '../workspace';

/** Moving a criterion one place within its category; `by` is -1 (up) or +1 (down). */
export interface CriterionMove {
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (criterion: Criterion, by: -1 | 1) => void;
  busy: boolean;
}

export interface CriterionCardProps {
  criterion: Criterion;
  readOnly: boolean;
  highlighted: boolean;
  onEdit: (criterion: Criterion) => void;
  onRemove: (criterion: Criterion) => void;
  /** Reordering, when the checklist shows all its criteria (not while filtered). */
  move?: CriterionMove | undefined;
  /** A note under the title, e.g. that the text the criterion's annotations sit in changed: re-check. */
  marker?: ReactNode;
  /** The verdict and its rationale, annotations and actions for the version under review. */
  children?: ReactNode;
}

/** One criterion: its title and id, the question a reviewer answers, guidance on request, and its verdict. */
export function CriterionCard({
  criterion,
  readOnly,
  highlighted,
  onEdit,
  onRemove,
  move,
  marker,
  children,
}: CriterionCardProps) {
  const titleId = useId();
  const guidanceId = useId();
  const [showGuidance, setShowGuidance] = useState(false);
  return (
    <li
      id={criterionCardId(criterion.id)}
      data-criterion-id={criterion.id}
      className={highlighted ? 'criterion is-highlighted' : 'criterion'}
    >
      <article aria-labelledby={titleId}>
        <div className="criterion-head">
          <div className="criterion-heading">
            <h4 id={titleId} className="criterion-title">
              {criterion.title}
            </h4>
            <div className="criterion-tags">
              <code className="criterion-id">{criterion.id}</code>
              {criterion.origin === 'custom' && <span className="badge badge-accent">Added in this review</span>}
            </div>
          </div>
          {!readOnly && (
            <div className="criterion-actions">
              {move && (
                <MoveButtons
                  itemName={criterion.title}
                  canMoveUp={move.canMoveUp}
                  canMoveDown={move.canMoveDown}
                  busy={move.busy}
                  onMove={(by) => move.onMove(criterion, by)}
                />
              )}
              <Button
                variant="ghost"
                size="sm"
                icon={<PencilIcon />}
                onClick={() => onEdit(criterion)}
                aria-label={`Edit “${criterion.title}”`}
              >
                Edit
              </Button>
              <Button
                variant="ghost-danger"
                size="sm"
                icon={<TrashIcon />}
                onClick={() => onRemove(criterion)}
                aria-label={`Remove “${criterion.title}”`}
              >
                Remove
              </Button>
            </div>
          )}
        </div>
        {marker}
        <p className="criterion-question">{criterion.question}</p>
        {criterion.reference && (
          <p className="criterion-reference">
            <span className="criterion-label">Reference</span> {criterion.reference}
          </p>
        )}
        {criterion.guidance && (
          <div className="criterion-guidance">
            <button
              type="button"
              className="disclosure"
              aria-expanded={showGuidance}
              aria-controls={guidanceId}
              onClick={() => setShowGuidance((v) => !v)}
            >
              <ChevronRightIcon className="disclosure-chevron" />
              {showGuidance ? 'Hide guidance' : 'Show guidance'}
            </button>
            <p id={guidanceId} className="criterion-guidance-text" hidden={!showGuidance}>
              {criterion.guidance}
            </p>
          </div>
        )}
        {children}
      </article>
    </li>
  );
}
