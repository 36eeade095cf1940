import { useRef, useState } from 'react';
import type { Assessment, Member } from '../../../../shared/model';
import { errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { formatCalendarDate } from '../../ui/format';
import { useFocusIfLost } from '../../ui/useFocusIfLost';
import { CheckCircleIcon, PlusIcon, RestoreIcon, TrashIcon } from '../../ui/icons';
import { ActionForm } from './ActionForm';
import { isOverdue } from './dates';
import { OverdueBadge } from './OverdueBadge';
import type { useActionChanges } from './useActionChanges';
import './actions.css';

export interface CriterionActionsProps {
  criterionTitle: string;
  criterionId: string;
  versionId: string;
  actions: Assessment['actions'];
  members: readonly Member[];
  /** The verdict calls for action (partial or not met): new actions can be added. */
  canAdd: boolean;
  readOnly: boolean;
  changes: ReturnType<typeof useActionChanges>;
}

/** The corrective actions recorded against one criterion's verdict, and adding one. */
export function CriterionActions({
  criterionTitle,
  criterionId,
  versionId,
  actions,
  members,
  canAdd,
  readOnly,
  changes,
}: CriterionActionsProps) {
  const [adding, setAdding] = useState(false);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  // The form closes on Add or Cancel: focus goes back to the button that opened it.
  useFocusIfLost(addButtonRef, !adding);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const live = actions.filter((action) => !action.deletedAt);
  const ownerName = (id: string) => members.find((m) => m.id === id)?.name ?? 'A former member';

  const run = async (key: string, change: () => Promise<unknown>) => {
    setBusy(key);
    setProblem(undefined);
    try {
      await change();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(undefined);
    }
  };

  if (live.length === 0 && !canAdd) return null;
  return (
    <div className="criterion-action-plan">
      <p className="criterion-action-plan-label">Corrective actions</p>
      {live.length === 0 && (
        <p className="criterion-action-plan-none">None yet. A verdict of partial or not met needs at least one.</p>
      )}
      {live.length > 0 && (
        <ul className="action-items">
          {live.map((action) => (
            <li key={action.id} className={action.status === 'done' ? 'action-item is-done' : 'action-item'}>
              <p className="action-item-description">{action.description}</p>
              <p className="action-item-facts">
                <span>{ownerName(action.ownerId)}</span>
                <span>Due {formatCalendarDate(action.dueDate)}</span>
                {isOverdue(action) && <OverdueBadge />}
                {action.status === 'done' && (
                  <span className="badge status-badge status-resolved">
                    <CheckCircleIcon size={13} />
                    Done
                  </span>
                )}
              </p>
              {!readOnly && (
                <div className="action-item-buttons">
                  {action.status === 'open' ? (
                    <Button
                      size="sm"
                      icon={<CheckCircleIcon />}
                      busy={busy === `done:${action.id}`}
                      onClick={() =>
                        void run(`done:${action.id}`, () => changes.update(versionId, action.id, { status: 'done' }))
                      }
                    >
                      Mark done
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      variant="ghost"
                      icon={<RestoreIcon />}
                      busy={busy === `open:${action.id}`}
                      onClick={() =>
                        void run(`open:${action.id}`, () => changes.update(versionId, action.id, { status: 'open' }))
                      }
                    >
                      Reopen
                    </Button>
                  )}
                  <Button
                    size="sm"
                    variant="ghost-danger"
                    icon={<TrashIcon />}
                    aria-label={`Delete action “${action.description.slice(0, 60)}”`}
                    busy={busy === `delete:${action.id}`}
                    onClick={() => void run(`delete:${action.id}`, () => changes.remove(versionId, action.id))}
                  >
                    Delete
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <Banner tone="error" title="That did not work" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
      {canAdd &&
        !readOnly &&
        (adding ? (
          <ActionForm
            about={criterionTitle}
            members={members}
            submitLabel="Add action"
            onCancel={() => setAdding(false)}
            onSubmit={async (input) => {
              await changes.add(versionId, criterionId, input);
              setAdding(false);
            }}
          />
        ) : (
          <Button
            ref={addButtonRef}
            size="sm"
            icon={<PlusIcon />}
            onClick={() => setAdding(true)}
            className="add-action-button"
          >
            Add action
          </Button>
        ))}
    </div>
  );
}
