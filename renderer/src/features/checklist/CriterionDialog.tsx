import { useRef, useState, type FormEvent } from 'react';
import type { CriterionInput } from '../../../../shared/api';
import type { Category, Criterion } from '../../../../shared/model';
import { callInReview } from '../../api';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useAction } from '../../ui/useAction';
import type { CategoryInfo } from './groupByCategory';

export interface CriterionDialogProps {
  reviewId: string;
  categories: readonly CategoryInfo[];
  /** The criterion to edit; without it the dialog adds a new one. */
  criterion?: Criterion | undefined;
  /** The category a new criterion starts in. */
  category?: Category | undefined;
  onSaved: (criterion: Criterion) => void;
  onClose: () => void;
}

interface Problems {
  title?: string;
  question?: string;
}

/** Adds a criterion to the review's checklist, or edits one; the change applies to this review only. */
export function CriterionDialog({ reviewId, categories, criterion, category, onSaved, onClose }: CriterionDialogProps) {
  const editing = criterion !== undefined;
  const [draft, setDraft] = useState<CriterionInput>({
    category: criterion?.category ?? category ?? categories[0]?.id ?? 'stakeholder',
    title: criterion?.title ?? '',
    question: criterion?.question ?? '',
    guidance: criterion?.guidance ?? '',
    reference: criterion?.reference ?? '',
  });
  const [problems, setProblems] = useState<Problems>({});
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const save = useAction((input: CriterionInput) =>
    criterion
      ? callInReview(reviewId, 'checklist.updateCriterion', { reviewId, criterionId: criterion.id, criterion: input })
      : callInReview(reviewId, 'checklist.addCriterion', { reviewId, criterion: input }),
  );
  const set = (field: keyof CriterionInput) => (event: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [field]: event.target.value }));
    // A message about a field goes as soon as the person starts fixing it.
    if (field in problems) setProblems(({ [field as keyof Problems]: _fixed, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (!draft.title.trim()) found.title = 'A criterion needs a title.';
    if (!draft.question.trim()) found.question = 'A criterion needs a question.';
    setProblems(found);
    if (found.title || found.question) return;
    const reference = draft.reference?.trim();
    const saved = await save.run({
      category: draft.category,
      title: draft.title.trim(),
      question: draft.question.trim(),
      guidance: draft.guidance.trim(),
      ...(reference ? { reference } : {}),
    });
    if (saved) onSaved(saved);
  };

  const fromBuiltIn = criterion && criterion.origin !== 'custom';
  return (
    <FormDialog
      title={editing ? 'Edit criterion' : 'Add a criterion'}
      description={
        fromBuiltIn
          ? 'This criterion comes from the built-in checklist. Your changes apply to this review only.'
          : 'A criterion the committee judges the policy against. It applies to this review only.'
      }
      onClose={onClose}
      busy={save.busy}
      initialFocus={firstFieldRef}
      onSubmit={submit}
      submitLabel={editing ? 'Save criterion' : 'Add criterion'}
    >
      <SelectField
        label="Category"
        value={draft.category}
        onChange={(e) => {
          const next = categories.find((c) => c.id === e.target.value);
          if (next) setDraft((d) => ({ ...d, category: next.id }));
        }}
        options={categories.map((c) => ({ value: c.id, label: c.label }))}
      />
      <TextField
        ref={firstFieldRef}
        label="Title"
        value={draft.title}
        onChange={set('title')}
        maxLength={200}
        autoComplete="off"
        error={problems.title}
      />
      <TextAreaField
        label="Question"
        hint="Answerable with yes, partly or no by someone reading the policy."
        value={draft.question}
        onChange={set('question')}
        maxLength={1000}
        rows={2}
        error={problems.question}
      />
      <TextAreaField
        label="Guidance"
        optional
        hint="What to look for, and what a good policy says."
        value={draft.guidance}
        onChange={set('guidance')}
        maxLength={4000}
        rows={4}
      />
      <TextField
        label="Reference"
        optional
        hint="A law, standard or guideline, e.g. “GDPR Art. 13”."
        value={draft.reference ?? ''}
        onChange={set('reference')}
        maxLength={500}
        autoComplete="off"
      />
      {editing && (
        <p className="form-note">
          Id <code>{criterion.id}</code> stays the same, so verdicts and annotations keep pointing at this criterion.
        </p>
      )}
      {save.error && (
        <Banner tone="error" title={editing ? 'The criterion was not saved' : 'The criterion was not added'}>
          {save.error}
        </Banner>
      )}
    </FormDialog>
  );
}
