import { useRef, useState, type FormEvent } from 'react';
import type { ReviewSummary } from '../../../../shared/api';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { TextField } from '../../ui/Field';
import { useAction } from '../../ui/useAction';
import { titleProblem } from './reviewTitle';

export interface RenameReviewDialogProps {
  currentTitle: string;
  /** Performs the rename; the library and the review screen each call the services their own way. */
  rename: (title: string) => Promise<ReviewSummary>;
  onRenamed: (summary: ReviewSummary) => void;
  onClose: () => void;
}

export function RenameReviewDialog({ currentTitle, rename, onRenamed, onClose }: RenameReviewDialogProps) {
  const [title, setTitle] = useState(currentTitle);
  const [problem, setProblem] = useState<string>();
  const inputRef = useRef<HTMLInputElement>(null);
  const action = useAction(rename);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = titleProblem(title);
    setProblem(local);
    if (local) return;
    const summary = await action.run(title.trim());
    if (summary) onRenamed(summary);
  };

  return (
    <FormDialog
      title="Rename review"
      onClose={onClose}
      busy={action.busy}
      initialFocus={inputRef}
      size="sm"
      onSubmit={submit}
      submitLabel="Rename"
    >
      <TextField
        ref={inputRef}
        label="Title"
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          setProblem(undefined);
        }}
        onFocus={(e) => e.currentTarget.select()}
        maxLength={200}
        autoComplete="off"
        error={problem}
      />
      {action.error && (
        <Banner tone="error" title="The review was not renamed">
          {action.error}
        </Banner>
      )}
    </FormDialog>
  );
}
