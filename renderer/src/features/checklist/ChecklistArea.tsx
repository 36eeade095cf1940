import { useEffect, useId, useState } from 'react';
import type { ChecklistView } from '../../../../shared/api';
import type { Category, Criterion } from '../../../../shared/model';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { countOf } from '../../ui/format';
import { PlusIcon, SearchIcon } from '../../ui/icons';
import { useAction } from '../../ui/useAction';
import type { AsyncValue } from '../../ui/useAsyncValue';
import { callInReview } from '../review/reviewSession';
import { ChecklistCategorySection } from './ChecklistCategorySection';
import { CriterionDialog } from './CriterionDialog';
import { categorySectionId, criterionCardId, filterCriteria, groupByCategory } from './groupByCategory';
import './checklist.css';

export interface ChecklistAreaProps {
  reviewId: string;
  checklist: AsyncValue<ChecklistView>;
  readOnly: boolean;
}

type Editing = { kind: 'add'; category?: Category } | { kind: 'edit'; criterion: Criterion } | { kind: 'remove'; criterion: Criterion };

/** The review's criteria by category, with a filter, and adding, editing and removing criteria. */
export function ChecklistArea({ reviewId, checklist, readOnly }: ChecklistAreaProps) {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState<string>();
  const [highlightedId, setHighlightedId] = useState<string>();
  const filterId = useId();
  const remove = useAction((criterion: Criterion) => callInReview(reviewId, 'checklist.removeCriterion', { reviewId, criterionId: criterion.id }));
  const view = checklist.data;

  // Bring a criterion that was just added or edited into view.
  useEffect(() => {
    if (highlightedId) document.getElementById(criterionCardId(highlightedId))?.scrollIntoView({ block: 'nearest' });
  }, [highlightedId]);

  if (!view) {
    return checklist.error ? (
      <Banner tone="error" title="The checklist could not be loaded" actions={<Button size="sm" onClick={checklist.reload}>Try again</Button>}>
        {checklist.error.message}
      </Banner>
    ) : (
      <p className="loading-text" role="status">
        Loading the checklist…
      </p>
    );
  }

  const visible = filterCriteria(view.criteria, query);
  const groups = groupByCategory(view, visible);
  const shownGroups = query ? groups.filter((g) => g.criteria.length > 0) : groups;
  const labelOf = (category: Category) => view.categories.find((c) => c.id === category)?.label ?? category;

  const saved = (criterion: Criterion, verb: 'Added' | 'Saved') => {
    checklist.update((current) =>
      current && {
        ...current,
        criteria: current.criteria.some((c) => c.id === criterion.id)
          ? current.criteria.map((c) => (c.id === criterion.id ? criterion : c))
          : [...current.criteria, criterion],
      },
    );
    setEditing(undefined);
    setQuery('');
    setHighlightedId(criterion.id);
    setStatus(verb === 'Added' ? `Added “${criterion.title}” to ${labelOf(criterion.category)}.` : `Saved “${criterion.title}”.`);
  };

  const confirmRemove = async (criterion: Criterion) => {
    const done = await remove.run(criterion);
    if (!done) return;
    checklist.update((current) => current && { ...current, criteria: current.criteria.filter((c) => c.id !== criterion.id) });
    setEditing(undefined);
    setHighlightedId(undefined);
    setStatus(`Removed “${criterion.title}” from the checklist. Verdicts and annotations already made against it are kept.`);
  };

  const jumpTo = (category: Category) => {
    const section = document.getElementById(categorySectionId(category));
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  };

  return (
    <div className="area checklist-area">
      <div className="area-toolbar">
        <div className="area-heading">
          <h2 className="area-title">Checklist</h2>
          <p className="area-subtitle">
            {countOf(view.criteria.length, 'criterion', 'criteria')} in {countOf(view.categories.length, 'category', 'categories')}, based on{' '}
            <code>{view.basedOn}</code>.
          </p>
        </div>
        <div className="area-toolbar-actions">
          <div className="search-field">
            <label htmlFor={filterId} className="visually-hidden">
              Filter criteria
            </label>
            <SearchIcon className="search-field-icon" />
            <input
              id={filterId}
              type="search"
              className="input"
              placeholder="Filter criteria"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoComplete="off"
            />
          </div>
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setEditing({ kind: 'add' })} disabled={readOnly}>
            Add criterion
          </Button>
        </div>
      </div>

      {status && (
        <Banner tone="success" onDismiss={() => setStatus(undefined)}>
          {status}
        </Banner>
      )}

      <div className="checklist-layout">
        <nav className="checklist-index" aria-label="Checklist categories">
          <p className="checklist-index-title" aria-hidden="true">
            Categories
          </p>
          <ul>
            {groups.map(({ category, criteria }) => (
              <li key={category.id}>
                <button type="button" className="checklist-index-item" onClick={() => jumpTo(category.id)} disabled={query !== '' && criteria.length === 0}>
                  <span>{category.label}</span>
                  <span className="checklist-index-count">{criteria.length}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>

        <div className="checklist-sections">
          {query && (
            <p className="filter-summary" role="status">
              {visible.length === 0 ? `No criteria match “${query}”.` : `${countOf(visible.length, 'criterion', 'criteria')} match “${query}”.`}{' '}
              <button type="button" className="link-button" onClick={() => setQuery('')}>
                Clear the filter
              </button>
            </p>
          )}
          {shownGroups.map((group) => (
            <ChecklistCategorySection
              key={group.category.id}
              group={group}
              readOnly={readOnly}
              highlightedId={highlightedId}
              onAdd={(category) => setEditing({ kind: 'add', category: category.id })}
              onEdit={(criterion) => setEditing({ kind: 'edit', criterion })}
              onRemove={(criterion) => {
                remove.clearError();
                setEditing({ kind: 'remove', criterion });
              }}
            />
          ))}
        </div>
      </div>

      {(editing?.kind === 'add' || editing?.kind === 'edit') && (
        <CriterionDialog
          reviewId={reviewId}
          categories={view.categories}
          criterion={editing.kind === 'edit' ? editing.criterion : undefined}
          category={editing.kind === 'add' ? editing.category : undefined}
          onSaved={(criterion) => saved(criterion, editing.kind === 'add' ? 'Added' : 'Saved')}
          onClose={() => setEditing(undefined)}
        />
      )}
      {editing?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove “${editing.criterion.title}”?`}
          confirmLabel="Remove criterion"
          onConfirm={() => void confirmRemove(editing.criterion)}
          onCancel={() => setEditing(undefined)}
          busy={remove.busy}
          error={remove.error}
          returnFocusTo={() => document.getElementById(categorySectionId(editing.criterion.category))?.querySelector<HTMLElement>('h3')}
        >
          <p>It leaves this review’s checklist. Verdicts and annotations already recorded against it are kept in the review.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
