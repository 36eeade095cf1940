import { useId, useState } from 'react';
import type { Criterion } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { ChevronRightIcon, PencilIcon, TrashIcon } from '../../ui/icons';
import { criterionCardId } from './groupByCategory';

export interface CriterionCardProps {
  criterion: Criterion;
  readOnly: boolean;
  highlighted: boolean;
  onEdit: (criterion: Criterion) => void;
  onRemove: (criterion: Criterion) => void;
}

/** One criterion: its title and id, the question a reviewer answers, and guidance on request. */
export function CriterionCard({ criterion, readOnly, highlighted, onEdit, onRemove }: CriterionCardProps) {
  const titleId = useId();
  const guidanceId = useId();
  const [showGuidance, setShowGuidance] = useState(false);
  return (
    <li id={criterionCardId(criterion.id)} className={highlighted ? 'criterion is-highlighted' : 'criterion'}>
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
              <Button variant="ghost" size="sm" icon={<PencilIcon />} onClick={() => onEdit(criterion)} aria-label={`Edit “${criterion.title}”`}>
                Edit
              </Button>
              <Button variant="ghost-danger" size="sm" icon={<TrashIcon />} onClick={() => onRemove(criterion)} aria-label={`Remove “${criterion.title}”`}>
                Remove
              </Button>
            </div>
          )}
        </div>
        <p className="criterion-question">{criterion.question}</p>
        {criterion.reference && (
          <p className="criterion-reference">
            <span className="criterion-label">Reference</span> {criterion.reference}
          </p>
        )}
        {criterion.guidance && (
          <div className="criterion-guidance">
            <button type="button" className="disclosure" aria-expanded={showGuidance} aria-controls={guidanceId} onClick={() => setShowGuidance((v) => !v)}>
              <ChevronRightIcon className="disclosure-chevron" />
              {showGuidance ? 'Hide guidance' : 'Show guidance'}
            </button>
            <p id={guidanceId} className="criterion-guidance-text" hidden={!showGuidance}>
              {criterion.guidance}
            </p>
          </div>
        )}
      </article>
    </li>
  );
}
