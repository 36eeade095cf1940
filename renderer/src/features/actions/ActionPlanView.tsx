import { useId, useMemo, useState } from 'react';
import type { ActionPlanEntry } from '../../../../shared/api';
import type { ActionStatus } from '../../../../shared/model';
import { callInReview, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { countOf, formatCalendarDate } from '../../ui/format';
import { CheckCircleIcon, ChecklistIcon, RestoreIcon } from '../../ui/icons';
import { useAsyncValue } from '../../ui/useAsyncValue';
import { useReviewData } from '../workspace';
import { OverdueBadge } from './OverdueBadge';
import type { useActionChanges } from './useActionChanges';
import './actions.css';

type Grouping = 'due' | 'criterion' | 'owner';

const GROUPINGS: { value: Grouping; label: string }[] = [
  { value: 'due', label: 'Due date' },
  { value: 'criterion', label: 'Criterion' },
  { value: 'owner', label: 'Owner' },
];

export interface ActionPlanViewProps {
  /** Changes when an action changed elsewhere, so the plan is asked for again. */
  revision: number;
  changes: ReturnType<typeof useActionChanges>;
}

function groupsOf(
  entries: readonly ActionPlanEntry[],
  grouping: Grouping,
): { key: string; title: string; entries: ActionPlanEntry[] }[] {
  if (grouping === 'due') return [{ key: 'all', title: '', entries: [...entries] }];
  const groups = new Map<string, { key: string; title: string; entries: ActionPlanEntry[] }>();
  for (const entry of entries) {
    const key = grouping === 'criterion' ? entry.criterionId : entry.action.ownerId;
    const title = grouping === 'criterion' ? entry.criterionTitle : entry.ownerName;
    const group = groups.get(key) ?? { key, title, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * The action plan: every corrective action of the review, by due date, criterion or owner, with the overdue
 * ones marked (in words and with an icon), and marking one done.
 */
export function ActionPlanView({ revision, changes }: ActionPlanViewProps) {
  const { reviewId, readOnly, versions } = useReviewData();
  const plan = useAsyncValue(`plan:${reviewId}:${revision}`, () =>
    callInReview(reviewId, 'actions.plan', { reviewId }),
  );
  const [grouping, setGrouping] = useState<Grouping>('due');
  const [includeDone, setIncludeDone] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const groupId = useId();
  const doneId = useId();

  const entries = useMemo(
    () => (plan.data ?? []).filter((entry) => includeDone || entry.action.status === 'open'),
    [plan.data, includeDone],
  );
  const open = (plan.data ?? []).filter((e) => e.action.status === 'open');
  const overdue = open.filter((e) => e.overdue);
  const versionLabel = (id: string) => versions.find((v) => v.id === id)?.label ?? 'a deleted version';
  // Which version an action is on matters only when the plan covers more than one.
  const severalVersions = new Set((plan.data ?? []).map((e) => e.versionId)).size > 1;

  const setStatus = async (entry: ActionPlanEntry, status: ActionStatus) => {
    setBusy(entry.action.id);
    setProblem(undefined);
    try {
      await changes.update(entry.versionId, entry.action.id, { status });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  if (!plan.data) {
    return plan.error ? (
      <Banner
        tone="error"
        title="The action plan could not be loaded"
        actions={
          <Button size="sm" onClick={plan.reload}>
            Try again
          </Button>
        }
      >
        {plan.error.message}
      </Banner>
    ) : (
      <p className="loading-text" role="status">
        Loading the action plan…
      </p>
    );
  }

  return (
    <section className="action-plan" aria-labelledby={`${groupId}-title`}>
      <div className="action-plan-toolbar">
        <div>
          <h3 id={`${groupId}-title`} className="section-title">
            Action plan
          </h3>
          <p className="action-plan-summary" role="status">
            {countOf(open.length, 'open action')}
            {overdue.length > 0 && `, ${overdue.length} overdue`}
            {plan.data.length > open.length && ` · ${plan.data.length - open.length} done`}
          </p>
        </div>
        <div className="action-plan-controls">
          <label htmlFor={groupId} className="filter-label">
            Group by
          </label>
          <select
            id={groupId}
            className="input select action-plan-select"
            value={grouping}
            onChange={(event) => setGrouping(event.target.value as Grouping)}
          >
            {GROUPINGS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
          <label htmlFor={doneId} className="checkbox-label">
            <input
              id={doneId}
              type="checkbox"
              checked={includeDone}
              onChange={(event) => setIncludeDone(event.target.checked)}
            />
            Show done actions
          </label>
        </div>
      </div>

      {problem && (
        <Banner tone="error" title="The action was not changed" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}

      {entries.length === 0 ? (
        <EmptyState
          icon={<ChecklistIcon size={28} />}
          title={plan.data.length === 0 ? 'No actions yet' : 'No open actions'}
          headingLevel={3}
        >
          <p>
            {plan.data.length === 0
              ? 'Record a verdict of partial or not met on a criterion, then choose Add action to say what must change, who owns it and by when.'
              : 'Every action is done. Choose Show done actions to see them.'}
          </p>
        </EmptyState>
      ) : (
        groupsOf(entries, grouping).map((group) => (
          <div key={group.key} className="action-plan-group">
            {group.title && <h4 className="action-plan-group-title">{group.title}</h4>}
            <div className="panel table-panel">
              <table className="table action-plan-table">
                <caption className="visually-hidden">
                  {group.title ? `Actions: ${group.title}` : 'Actions by due date'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Action</th>
                    {grouping !== 'criterion' && <th scope="col">Criterion</th>}
                    {grouping !== 'owner' && <th scope="col">Owner</th>}
                    <th scope="col" className="action-plan-due-heading">
                      Due
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Status</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.entries.map((entry) => (
                    <tr
                      key={entry.action.id}
                      className={entry.overdue ? 'is-overdue' : entry.action.status === 'done' ? 'is-done' : undefined}
                    >
                      <th scope="row" className="action-plan-description">
                        {entry.action.description}
                        {severalVersions && (
                          <span className="action-plan-version">Version “{versionLabel(entry.versionId)}”</span>
                        )}
                      </th>
                      {grouping !== 'criterion' && <td>{entry.criterionTitle}</td>}
                      {grouping !== 'owner' && <td>{entry.ownerName}</td>}
                      <td className="action-plan-due">
                        <span>{formatCalendarDate(entry.action.dueDate)}</span>
                        {entry.overdue && <OverdueBadge />}
                      </td>
                      <td className="row-actions">
                        {entry.action.status === 'done' ? (
                          readOnly ? (
                            <span className="badge status-badge status-resolved">Done</span>
                          ) : (
                            <Button
                              size="sm"
                              variant="ghost"
                              icon={<RestoreIcon />}
                              busy={busy === entry.action.id}
                              onClick={() => void setStatus(entry, 'open')}
                              aria-label={`Reopen “${entry.action.description.slice(0, 60)}”`}
                            >
                              Reopen
                            </Button>
                          )
                        ) : (
                          !readOnly && (
                            <Button
                              size="sm"
                              icon={<CheckCircleIcon />}
                              busy={busy === entry.action.id}
                              onClick={() => void setStatus(entry, 'done')}
                              aria-label={`Mark done: “${entry.action.description.slice(0, 60)}”`}
                            >
                              Mark done
                            </Button>
                          )
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))
      )}
    </section>
  );
}
