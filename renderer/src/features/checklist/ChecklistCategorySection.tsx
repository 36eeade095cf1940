import type { ReactNode } from 'react';
import type { Criterion } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { PlusIcon } from '../../ui/icons';
import { type Progress, ProgressMeter } from '../verdicts';
import { CriterionCard } from './CriterionCard';
import { categorySectionId, type CategoryGroup } from './groupByCategory';

export interface ChecklistCategorySectionProps {
  group: CategoryGroup;
  readOnly: boolean;
  highlightedId: string | undefined;
  onAdd: (category: CategoryGroup['category']) => void;
  onEdit: (criterion: Criterion) => void;
  onRemove: (criterion: Criterion) => void;
  /** Verdicts given in this category for the version under review. */
  progress?: Progress | undefined;
  /** Reorders within the category; absent while the checklist is filtered. */
  onMove?: ((criterion: Criterion, by: -1 | 1) => void) | undefined;
  moving: boolean;
  /** The verdict part of each criterion's card. */
  assessmentOf?: ((criterion: Criterion) => ReactNode) | undefined;
  /** A note under a criterion's title (re-check after a change), if it has one. */
  markerOf?: ((criterion: Criterion) => ReactNode) | undefined;
}

/** One category of the checklist: its name, what it covers, how many criteria and how many judged, and the criteria. */
export function ChecklistCategorySection({
  group,
  readOnly,
  highlightedId,
  onAdd,
  onEdit,
  onRemove,
  progress,
  onMove,
  moving,
  assessmentOf,
  markerOf,
}: ChecklistCategorySectionProps) {
  const { category, criteria } = group;
  const headingId = `${categorySectionId(category.id)}-heading`;
  return (
    <section id={categorySectionId(category.id)} className="category-section" aria-labelledby={headingId}>
      <header className="category-header">
        <div className="category-heading">
          <div className="category-title-row">
            <h3 id={headingId} className="category-title" tabIndex={-1}>
              {category.label}
            </h3>
            <span className="count-pill">{countOf(criteria.length, 'criterion', 'criteria')}</span>
          </div>
          <p className="category-description">{category.description}</p>
          {progress && progress.total > 0 && (
            <ProgressMeter progress={progress} label={`${category.label}: criteria reviewed`} size="sm" />
          )}
        </div>
        {!readOnly && (
          <Button
            variant="ghost"
            size="sm"
            icon={<PlusIcon />}
            onClick={() => onAdd(category)}
            aria-label={`Add a criterion to ${category.label}`}
          >
            Add
          </Button>
        )}
      </header>
      {criteria.length === 0 ? (
        <p className="category-empty">No criteria in this category.</p>
      ) : (
        <ul className="criterion-list">
          {criteria.map((criterion, position) => (
            <CriterionCard
              key={criterion.id}
              criterion={criterion}
              readOnly={readOnly}
              highlighted={criterion.id === highlightedId}
              onEdit={onEdit}
              onRemove={onRemove}
              move={
                onMove && { canMoveUp: position > 0, canMoveDown: position < criteria.length - 1, onMove, busy: moving }
              }
              marker={markerOf?.(criterion)}
            >
              {assessmentOf?.(criterion)}
            </CriterionCard>
          ))}
        </ul>
      )}
    </section>
  );
}
