import { type FormEvent, useId, useState } from 'react';
import type { Member } from '../../../../shared/model';
import { personLabel } from '../../../../shared/vocabulary';
import { errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { daysFromToday } from './dates';

export interface ActionInput {
  description: string;
  ownerId: string;
  dueDate: string;
}

export interface ActionFormProps {
  /** Names what the action is for, e.g. the criterion's title. */
  about: string;
  members: readonly Member[];
  initial?: ActionInput | undefined;
  submitLabel: string;
  onSubmit: (input: ActionInput) => Promise<unknown>;
  onCancel: () => void;
}

/** A corrective action: what must change, who owns it (a committee member) and by when. */
export function ActionForm({ about, members, initial, submitLabel, onSubmit, onCancel }: ActionFormProps) {
  const id = useId();
  const [description, setDescription] = useState(initial?.description ?? '');
  const [ownerId, setOwnerId] = useState(initial?.ownerId ?? members[0]?.id ?? '');
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? daysFromToday(30));
  const [problems, setProblems] = useState<{ description?: string; owner?: string; dueDate?: string }>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!description.trim()) found.description = 'Describe the action needed.';
    if (!ownerId) found.owner = 'Choose who owns the action.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = 'Choose a due date.';
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await onSubmit({ description: description.trim(), ownerId, dueDate });
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  if (members.length === 0) {
    return (
      <div className="action-form is-empty">
        <p>An action needs an owner from the committee. Add members in the Committee area first.</p>
        <Button size="sm" onClick={onCancel}>
          Close
        </Button>
      </div>
    );
  }

  return (
    <form
      className="action-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={`Action for “${about}”`}
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-description`}>
          Action needed
        </label>
        <textarea
          id={`${id}-description`}
          className="input textarea"
          rows={2}
          maxLength={2000}
          autoFocus
          value={description}
          aria-invalid={problems.description ? true : undefined}
          aria-describedby={problems.description ? `${id}-description-error` : undefined}
          onChange={(event) => setDescription(event.target.value)}
        />
        {problems.description && (
          <p id={`${id}-description-error`} className="field-error">
            {problems.description}
          </p>
        )}
      </div>
      <div className="action-form-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-owner`}>
            Owner
          </label>
          <select
            id={`${id}-owner`}
            className="input select"
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
            aria-invalid={problems.owner ? true : undefined}
          >
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {personLabel(member)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-due`}>
            Due date
          </label>
          <input
            id={`${id}-due`}
            className="input"
            type="date"
            value={dueDate}
            aria-invalid={problems.dueDate ? true : undefined}
            aria-describedby={problems.dueDate ? `${id}-due-error` : undefined}
            onChange={(event) => setDueDate(event.target.value)}
          />
          {problems.dueDate && (
            <p id={`${id}-due-error`} className="field-error">
              {problems.dueDate}
            </p>
          )}
        </div>
      </div>
      {problem && (
        <Banner tone="error" title="The action was not saved">
          {problem}
        </Banner>
      )}
      <div className="form-actions">
        <Button size="sm" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button size="sm" type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
