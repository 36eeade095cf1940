import { useId, useRef, useState, type FormEvent, type Ref } from 'react';
import type { RichText } from '../../../../shared/model';
import { errorMessage } from '../../api';
import { CommentEditor } from '../../editor/comment/CommentEditor';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { type DraftStatus, useReviewData } from '../workspace';
import { CriteriaPicker } from './CriteriaPicker';
import { DraftNote } from './DraftNote';
import type { Severity } from '../../../../shared/model';
import { SeverityPicker } from './SeverityPicker';

export interface AnnotationFormValue {
  criterionIds: string[];
  severity: Severity;
  body: RichText | undefined;
}

export interface AnnotationFormProps {
  title: string;
  /** The words the annotation is about. */
  quote: string;
  initial: AnnotationFormValue;
  /** A note above the form, e.g. that it was restored from a draft. */
  notice?: string | undefined;
  submitLabel: string;
  /** Saves; a rejection's message is shown in the form. */
  onSubmit: (value: AnnotationFormValue) => Promise<void>;
  onCancel: () => void;
  /** Called with every change, to keep a draft. */
  onDraft?: (value: AnnotationFormValue) => void;
  onDraftFlush?: () => void;
  draftStatus?: DraftStatus;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Criteria, severity and a comment for a passage: used to annotate it and to edit an annotation. */
export function AnnotationForm({
  title,
  quote,
  initial,
  notice,
  submitLabel,
  onSubmit,
  onCancel,
  onDraft,
  onDraftFlush,
  draftStatus = 'idle',
  headingRef,
}: AnnotationFormProps) {
  const { checklist } = useReviewData();
  const [value, setValue] = useState<AnnotationFormValue>(initial);
  const [criteriaProblem, setCriteriaProblem] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const valueRef = useRef(value);

  const change = (next: Partial<AnnotationFormValue>) => {
    const updated = { ...valueRef.current, ...next };
    valueRef.current = updated;
    setValue(updated);
    onDraft?.(updated);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const current = valueRef.current;
    if (current.criterionIds.length === 0) {
      setCriteriaProblem('Choose at least one criterion.');
      document.getElementById(`${titleId}-form`)?.querySelector<HTMLInputElement>('[role="combobox"]')?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await onSubmit(current);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <section className="annotation-form" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1} className="panel-title">
        {title}
      </h3>
      {notice && <p className="form-notice">{notice}</p>}
      <blockquote className="thread-quote" aria-label="Selected text">
        {quote}
      </blockquote>
      <form
        id={`${titleId}-form`}
        className="form"
        onSubmit={(event) => void submit(event)}
        noValidate
        onBlur={onDraftFlush}
      >
        <CriteriaPicker
          checklist={checklist}
          value={value.criterionIds}
          autoFocus
          error={criteriaProblem}
          onChange={(criterionIds) => {
            setCriteriaProblem(undefined);
            change({ criterionIds });
          }}
        />
        <SeverityPicker value={value.severity} onChange={(severity) => change({ severity })} />
        <CommentEditor
          label="Comment"
          showLabel
          initial={initial.body}
          placeholder="What is wrong or missing, and what should it say?"
          onChange={({ body }) => change({ body })}
          onSubmit={() => void submit()}
        />
        {onDraft && <DraftNote status={draftStatus} />}
        {problem && (
          <Banner tone="error" title="The annotation was not saved">
            {problem}
          </Banner>
        )}
        <div className="form-actions">
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </section>
  );
}
