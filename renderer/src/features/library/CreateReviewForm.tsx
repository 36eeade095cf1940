import { useState, type FormEvent } from 'react';
import type { ReviewSummary } from '../../../../shared/api';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { PlusIcon } from '../../ui/icons';
import { useAction } from '../../ui/useAction';
import { titleProblem } from './reviewTitle';

/** Starts a new review from a title; the review gets the built-in checklist. */
export function CreateReviewForm({ onCreated }: { onCreated: (summary: ReviewSummary) => void }) {
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string>();
  const create = useAction((reviewTitle: string) => call('reviews.create', { title: reviewTitle }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = titleProblem(title);
    setProblem(local);
    if (local) return;
    const summary = await create.run(title.trim());
    if (summary) {
      setTitle('');
      onCreated(summary);
    }
  };

  return (
    <form className="create-review" onSubmit={submit} noValidate aria-label="Create a review">
      <Field
        label="New review"
        hint="Give it the policy’s name, e.g. “Social-media policy 2026”. It starts with the built-in checklist."
        error={problem ?? create.error}
        className="create-review-field"
      >
        {(control) => (
          <div className="create-review-row">
            <input
              {...control}
              className="input"
              type="text"
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                setProblem(undefined);
                create.clearError();
              }}
              placeholder="Title of the review"
              maxLength={200}
              autoComplete="off"
            />
            <Button type="submit" variant="primary" icon={<PlusIcon />} busy={create.busy}>
              Create review
            </Button>
          </div>
        )}
      </Field>
    </form>
  );
}
