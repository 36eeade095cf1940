import type { Criterion } from '../../../../shared/model';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { PlusIcon } from '../../ui/icons';
import { CriterionCard } from './CriterionCard';
import { categorySectionId, type CategoryGroup } from './groupByCategory';

export interface ChecklistCategorySectionProps {
  group: CategoryGroup;
  readOnly: boolean;
  highlightedId: string | undefined;
  onAdd: (category: CategoryGroup['category']) => void;
  onEdit: (criterion: Criterion) => void;
  onRemove: (criterion: Criterion) => void;
}

/** One category of the checklist: its name, what it covers, how many criteria, and the criteria. */
export function ChecklistCategorySection({ group, readOnly, highlightedId, onAdd, onEdit, onRemove }: ChecklistCategorySectionProps) {
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
        </div>
        {!readOnly && (
          <Button variant="ghost" size="sm" icon={<PlusIcon />} onClick={() => onAdd(category)} aria-label={`Add a criterion to ${category.label}`}>
            Add
          </Button>
        )}
      </header>
      {criteria.length === 0 ? (
        <p className="category-empty">No criteria in this category.</p>
      ) : (
        <ul className="criterion-list">
          {criteria.map((criterion) => (
            <CriterionCard
              key={criterion.id}
              criterion={criterion}
              readOnly={readOnly}
              highlighted={criterion.id === highlightedId}
              onEdit={onEdit}
              onRemove={onRemove}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
