import { useId, useRef, useState, type FormEvent } from 'react';
import type { ImportSource, ReviewSummary } from '../../../../shared/api';
import { call, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FormDialog } from '../../ui/FormDialog';
import { TextField } from '../../ui/Field';
import { fileToBase64, useFileChooser, useFilePicker } from '../../ui/files';
import { formatBytes } from '../../ui/format';
import { FolderIcon } from '../../ui/icons';
import { titleProblem } from '../library';
import './templates.css';

export interface NewReviewFromTemplateDialogProps {
  onCreated: (summary: ReviewSummary) => void;
  onClose: () => void;
}

type ChosenTemplate = { source: ImportSource; fileName: string; bytes: number };

/**
 * Starts a review whose checklist comes from a template file (one saved from another review's checklist). The
 * services check the file; one that is not a valid template is refused with their message.
 */
export function NewReviewFromTemplateDialog({ onCreated, onClose }: NewReviewFromTemplateDialogProps) {
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string>();
  const [template, setTemplate] = useState<ChosenTemplate>();
  const [fileError, setFileError] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const fileLabelId = useId();
  const fileChosenId = useId();

  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setTemplate({
        source: { kind: 'file', fileName: file.name, dataBase64: await fileToBase64(file) },
        fileName: file.name,
        bytes: file.size,
      });
      setProblem(undefined);
    } catch (error) {
      setFileError(errorMessage(error));
    }
  };

  const picker = useFilePicker({
    label: 'Template file to upload',
    accept: '.json,application/json',
    onFiles: ([file]) => void takeFile(file),
  });
  const chooseWithDialog = useFileChooser({
    purpose: 'checklist-template',
    openPagePicker: picker.open,
    onChosen: ([chosen]) => {
      if (chosen)
        setTemplate({
          source: { kind: 'chosen', token: chosen.token },
          fileName: chosen.fileName,
          bytes: chosen.bytes,
        });
    },
    onProblem: setFileError,
  });
  const chooseFile = async () => {
    setFileError(undefined);
    await chooseWithDialog();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = titleProblem(title);
    setTitleError(local);
    if (!template) setFileError('Choose a template file.');
    if (local) {
      titleRef.current?.focus();
      return;
    }
    if (!template) return;
    setBusy(true);
    setProblem(undefined);
    try {
      onCreated(await call('reviews.createFromTemplate', { title: title.trim(), source: template.source }));
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title="New review from a template"
      description={
        'The review starts with the checklist saved in the template file (Save as template… in a ' +
        'review’s Checklist), instead of the built-in one.'
      }
      onClose={onClose}
      busy={busy}
      initialFocus={titleRef}
      onSubmit={(event) => void submit(event)}
      submitLabel="Create review"
    >
      <TextField
        ref={titleRef}
        label="Title"
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          setTitleError(undefined);
        }}
        maxLength={200}
        autoComplete="off"
        error={titleError}
      />
      <div className={fileError ? 'field has-error' : 'field'}>
        <div className="field-label" id={fileLabelId}>
          Template file
        </div>
        <div className="template-file-row">
          <Button
            icon={<FolderIcon />}
            onClick={() => void chooseFile()}
            aria-describedby={`${fileLabelId} ${fileChosenId}`}
          >
            Choose template file…
          </Button>
          <span id={fileChosenId} className="template-file-name">
            {template ? `${template.fileName} (${formatBytes(template.bytes)})` : 'No file chosen'}
          </span>
        </div>
        {picker.input}
        {fileError && <p className="field-error">{fileError}</p>}
      </div>
      {problem && (
        <Banner tone="error" title="The review was not created">
          {problem}
        </Banner>
      )}
    </FormDialog>
  );
}
