import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import type { ChecklistView } from '../../../../shared/api';
import type { Annotation, Assessment, Category, Criterion } from '../../../../shared/model';
import { callInReview } from '../../api';
import { findVoter } from '../../../../shared/domain/votes/voter';
import { useApiQuery } from '../../ui/useAsyncValue';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { countOf } from '../../ui/format';
import { PlusIcon, SearchIcon } from '../../ui/icons';
import { TabPanel, Tabs } from '../../ui/Tabs';
import { useAction } from '../../ui/useAction';
import { swapWithNeighbour, useReorder } from '../../ui/useReorder';
import type { AsyncValue } from '../../ui/useAsyncValue';
import { ActionPlanView, useActionChanges } from '../actions';
import { RecheckMarker, useRecheckCriteria } from '../compare';
import { SaveTemplateButton } from '../templates';
import { annotationsByCriterion, CriterionAssessment, progressOf } from '../verdicts';
import { DisagreementList, MemberVotes, useVersionVotes } from '../votes';
import { criterionCardId, useAnnotations, useFeedback, useReviewData, useReviewNavigation } from '../workspace';
import { ChecklistCategorySection } from './ChecklistCategorySection';
import { CriterionDialog } from './CriterionDialog';
import { categorySectionId, filterCriteria, groupByCategory } from './groupByCategory';
import { VersionUnderReview } from './VersionUnderReview';
import './checklist.css';

export interface ChecklistAreaProps {
  reviewId: string;
  checklist: AsyncValue<ChecklistView>;
  readOnly: boolean;
}

type Editing =
  | { kind: 'add'; category?: Category }
  | { kind: 'edit'; criterion: Criterion }
  | { kind: 'remove'; criterion: Criterion };
type ChecklistTab = 'criteria' | 'plan';

const CHECKLIST_TABS = [
  { id: 'criteria', label: 'Criteria and verdicts' },
  { id: 'plan', label: 'Action plan' },
] as const;

/**
 * The review's criteria by category, each with its verdict for the version under review (rationale, supporting
 * annotations, corrective actions), progress per category and overall, and the action plan; adding, editing,
 * removing and reordering criteria, and saving them as a template.
 */
export function ChecklistArea({ reviewId, checklist, readOnly }: ChecklistAreaProps) {
  const { review, annotations: store, assessments } = useReviewData();
  const { selectedVersion: version } = useReviewNavigation();
  const { announce } = useFeedback();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [highlightedId, setHighlightedId] = useState<string>();
  const [tab, setTab] = useState<ChecklistTab>('criteria');
  const [planRevision, setPlanRevision] = useState(0);
  const filterId = useId();
  const remove = useAction((criterion: Criterion) =>
    callInReview(reviewId, 'checklist.removeCriterion', { reviewId, criterionId: criterion.id }),
  );
  const reorder = useAction((criterionIds: string[]) =>
    callInReview(reviewId, 'checklist.reorder', { reviewId, criterionIds }),
  );
  const bumpPlan = useCallback(() => setPlanRevision((n) => n + 1), []);
  const actionChanges = useActionChanges(bumpPlan);
  // Annotations change while the person works in the text; the checklist catches up without delaying that.
  const all = useDeferredValue(useAnnotations(store));
  const view = checklist.data;
  // Criteria whose annotated text changed since the older version: the committee re-checks them.
  const recheck = useRecheckCriteria();
  const votes = useVersionVotes(reviewId, version?.id);
  const settings = useApiQuery('settings.get', {});
  // The member the person at this computer is: from their settings, or from the vote they just recorded.
  const [recordedVoterId, setRecordedVoterId] = useState<string>();
  const user = settings.data?.user;
  const myVoterId = recordedVoterId ?? (user ? findVoter(review, user)?.id : undefined);

  const verdicts = useMemo(
    () => new Map<string, Assessment>(version ? assessments.forVersion(version.id).map((a) => [a.criterionId, a]) : []),
    [assessments, version],
  );
  const annotationsOf = useMemo(
    () => (version ? annotationsByCriterion(all, version.id) : new Map<string, Annotation[]>()),
    [all, version],
  );

  // Bring a criterion that was just added or edited into view.
  useEffect(() => {
    if (highlightedId) document.getElementById(criterionCardId(highlightedId))?.scrollIntoView({ block: 'nearest' });
  }, [highlightedId]);

  const { focusAfterMove } = useReorder((criterionId) => document.getElementById(criterionCardId(criterionId)), view);

  if (!view) {
    return checklist.error ? (
      <Banner
        tone="error"
        title="The checklist could not be loaded"
        actions={
          <Button size="sm" onClick={checklist.reload}>
            Try again
          </Button>
        }
      >
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
  const overall = progressOf(view.criteria, verdicts);

  const saved = (criterion: Criterion, verb: 'Added' | 'Saved') => {
    checklist.update(
      (current) =>
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
    setStatus(
      verb === 'Added'
        ? `Added “${criterion.title}” to ${labelOf(criterion.category)}.`
        : `Saved “${criterion.title}”.`,
    );
  };

  const confirmRemove = async (criterion: Criterion) => {
    const done = await remove.run(criterion);
    if (!done) return;
    checklist.update(
      (current) => current && { ...current, criteria: current.criteria.filter((c) => c.id !== criterion.id) },
    );
    setEditing(undefined);
    setHighlightedId(undefined);
    setStatus(
      `Removed “${criterion.title}” from the checklist. Verdicts and annotations already made against it are kept.`,
    );
  };

  /** Swaps a criterion with its neighbour in the same category, keeping every other criterion where it is. */
  const move = async (criterion: Criterion, by: -1 | 1) => {
    const ids = swapWithNeighbour(
      view.criteria.map((c) => c.id),
      criterion.id,
      by,
      (index) => view.criteria[index]!.category === criterion.category,
    );
    if (!ids) return;
    const ordered = await reorder.run(ids);
    if (!ordered) return;
    checklist.update((current) => current && { ...current, criteria: ordered });
    const position =
      ordered.filter((c) => c.category === criterion.category).findIndex((c) => c.id === criterion.id) + 1;
    announce(`Moved “${criterion.title}” to position ${position} in ${labelOf(criterion.category)}.`);
    focusAfterMove(criterion.id, by);
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
            {countOf(view.criteria.length, 'criterion', 'criteria')} in{' '}
            {countOf(view.categories.length, 'category', 'categories')}, based on <code>{view.basedOn}</code>.
          </p>
        </div>
        <div className="area-toolbar-actions">
          <SaveTemplateButton
            reviewId={reviewId}
            reviewTitle={review.title}
            onSaved={(message) => {
              setProblem(undefined);
              setStatus(message);
            }}
            onFailed={setProblem}
          />
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setEditing({ kind: 'add' })} disabled={readOnly}>
            Add criterion
          </Button>
        </div>
      </div>

      <VersionUnderReview progress={overall} />

      {status && (
        <Banner tone="success" onDismiss={() => setStatus(undefined)}>
          {status}
        </Banner>
      )}
      {problem && (
        <Banner tone="error" title="The template was not saved" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
      {reorder.error && (
        <Banner tone="error" title="The criteria were not reordered" onDismiss={reorder.clearError}>
          {reorder.error}
        </Banner>
      )}

      <Tabs label="Checklist views" idBase="checklist-view" tabs={CHECKLIST_TABS} selected={tab} onSelect={setTab} />
      <TabPanel idBase="checklist-view" id="criteria" selected={tab === 'criteria'}>
        {votes.data && (
          <DisagreementList
            votes={votes.data}
            onOpen={(criterionId) => {
              setQuery('');
              setHighlightedId(criterionId);
            }}
          />
        )}
        <div className="checklist-layout">
          <nav className="checklist-index" aria-label="Checklist categories">
            <p className="checklist-index-title" aria-hidden="true">
              Categories
            </p>
            <ul>
              {groups.map(({ category, criteria }) => {
                const progress = progressOf(criteria, verdicts);
                return (
                  <li key={category.id}>
                    <button
                      type="button"
                      className="checklist-index-item"
                      onClick={() => jumpTo(category.id)}
                      disabled={query !== '' && criteria.length === 0}
                    >
                      <span>{category.label}</span>
                      <span
                        className="checklist-index-count"
                        title={version ? `${progress.reviewed} of ${progress.total} reviewed` : undefined}
                      >
                        {version ? `${progress.reviewed}/${criteria.length}` : criteria.length}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </nav>

          <div className="checklist-sections">
            <div className="search-field checklist-search">
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
            {query && (
              <p className="filter-summary" role="status">
                {visible.length === 0
                  ? `No criteria match “${query}”.`
                  : `${countOf(visible.length, 'criterion', 'criteria')} match “${query}”.`}{' '}
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
                progress={version ? progressOf(group.criteria, verdicts) : undefined}
                onMove={query ? undefined : (criterion, by) => void move(criterion, by)}
                moving={reorder.busy}
                markerOf={(criterion) => {
                  const impact = recheck.byCriterion.get(criterion.id);
                  return impact && recheck.from ? <RecheckMarker impact={impact} from={recheck.from} /> : undefined;
                }}
                onAdd={(category) => setEditing({ kind: 'add', category: category.id })}
                onEdit={(criterion) => setEditing({ kind: 'edit', criterion })}
                onRemove={(criterion) => {
                  remove.clearError();
                  setEditing({ kind: 'remove', criterion });
                }}
                assessmentOf={
                  version
                    ? (criterion) => (
                        <>
                          <CriterionAssessment
                            key={version.id}
                            criterion={criterion}
                            version={version}
                            assessment={verdicts.get(criterion.id)}
                            annotations={annotationsOf.get(criterion.id) ?? NONE}
                            actionChanges={actionChanges}
                          />
                          <MemberVotes
                            key={`votes:${version.id}`}
                            reviewId={reviewId}
                            versionId={version.id}
                            criterionTitle={criterion.title}
                            votes={votes.data?.criteria.find((c) => c.criterionId === criterion.id)}
                            committeeVerdict={verdicts.get(criterion.id)?.verdict ?? 'unreviewed'}
                            myVoterId={myVoterId}
                            readOnly={readOnly}
                            onRecorded={(voterId) => {
                              setRecordedVoterId(voterId);
                              votes.reload();
                            }}
                          />
                        </>
                      )
                    : undefined
                }
              />
            ))}
          </div>
        </div>
      </TabPanel>
      <TabPanel idBase="checklist-view" id="plan" selected={tab === 'plan'}>
        {tab === 'plan' && <ActionPlanView revision={planRevision} changes={actionChanges} />}
      </TabPanel>

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
          returnFocusTo={() =>
            document.getElementById(categorySectionId(editing.criterion.category))?.querySelector<HTMLElement>('h3')
          }
        >
          <p>
            It leaves this review’s checklist. Verdicts and annotations already recorded against it are kept in the
            review.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

const NONE: readonly Annotation[] = [];
