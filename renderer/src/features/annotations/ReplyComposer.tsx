import { useState } from 'react';
import type { RichText } from '../../../../shared/model';
import { errorMessage } from '../../api';
import { CommentEditor } from '../../editor/comment/CommentEditor';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { useDraft, useReviewData } from '../workspace';
import { DraftNote } from './DraftNote';

export interface ReplyComposerProps {
  /** Where the draft is kept, e.g. `reply:<annotationId>`. */
  draftKey: string;
  label: string;
  submitLabel: string;
  /** The saved text when editing. */
  initial?: RichText | undefined;
  onSubmit: (body: RichText) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

function parseBody(text: string | undefined): RichText | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as RichText;
    return value && typeof value === 'object' && 'root' in value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A reply, or an edit of one: the rich-text editor, kept as a draft while typed, and its buttons. */
export function ReplyComposer({
  draftKey,
  label,
  submitLabel,
  initial,
  onSubmit,
  onCancel,
  autoFocus = false,
}: ReplyComposerProps) {
  const { drafts } = useReviewData();
  const draft = useDraft(drafts, draftKey);
  const [startValue] = useState(() => parseBody(draft.initial) ?? initial);
  const [body, setBody] = useState<{ value: RichText | undefined; empty: boolean }>({
    value: startValue,
    empty: startValue === undefined,
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [generation, setGeneration] = useState(0);

  const submit = async () => {
    if (busy || body.empty || !body.value) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await onSubmit(body.value);
      draft.clear();
      setBody({ value: undefined, empty: true });
      // A fresh, empty editor for the next reply.
      setGeneration((g) => g + 1);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reply-composer" onBlur={draft.flush}>
      <CommentEditor
        key={generation}
        label={label}
        initial={generation === 0 ? startValue : undefined}
        placeholder="Write a reply"
        autoFocus={autoFocus}
        onChange={({ body: value, empty }) => {
          setBody({ value, empty });
          draft.update(empty ? '' : JSON.stringify(value));
        }}
        onSubmit={() => void submit()}
      />
      <DraftNote status={draft.status} />
      {problem && (
        <Banner tone="error" title="That was not saved">
          {problem}
        </Banner>
      )}
      <div className="form-actions">
        {onCancel && (
          <Button
            size="sm"
            onClick={() => {
              draft.clear();
              onCancel();
            }}
            disabled={busy}
          >
            Cancel
          </Button>
        )}
        <Button size="sm" variant="primary" onClick={() => void submit()} busy={busy} disabled={body.empty}>
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
