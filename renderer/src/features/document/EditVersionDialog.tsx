import { useRef, useState, type FormEvent } from 'react';
import type { MethodArgs } from '../../../../shared/api';
import type { Version } from '../../../../shared/model';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FormDialog } from '../../ui/FormDialog';
import { Field, TextField } from '../../ui/Field';

export type VersionChanges = Pick<MethodArgs<'versions.update'>, 'label' | 'effectiveDate'>;

export interface EditVersionDialogProps {
  version: Version;
  /** Saves the changes; resolves when the services confirm. */
  save: (changes: VersionChanges) => Promise<unknown>;
  busy: boolean;
  error: string | undefined;
  onClose: () => void;
  returnFocusTo?: () => HTMLElement | null | undefined;
}

/** Renames a version and sets or clears its effective date. */
export function EditVersionDialog({ version, save, busy, error, onClose, returnFocusTo }: EditVersionDialogProps) {
  const [label, setLabel] = useState(version.label);
  const [effectiveDate, setEffectiveDate] = useState(version.effectiveDate ?? '');
  const [labelProblem, setLabelProblem] = useState<string>();
  const labelRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setLabelProblem('A version needs a label.');
      labelRef.current?.focus();
      return;
    }
    const changes: VersionChanges = {};
    if (trimmed !== version.label) changes.label = trimmed;
    if (effectiveDate !== (version.effectiveDate ?? '')) changes.effectiveDate = effectiveDate || null;
    if (changes.label === undefined && changes.effectiveDate === undefined) {
      onClose();
      return;
    }
    void save(changes);
  };

  return (
    <FormDialog
      title="Edit version"
      description={`“${version.label}”, imported from ${version.source.fileName}.`}
      onClose={onClose}
      busy={busy}
      initialFocus={labelRef}
      returnFocusTo={returnFocusTo}
      onSubmit={submit}
      submitLabel="Save"
    >
      <TextField
        ref={labelRef}
        label="Label"
        hint="How the committee calls this version, e.g. “Draft 2” or “Adopted 2026”."
        value={label}
        onChange={(event) => {
          setLabel(event.target.value);
          setLabelProblem(undefined);
        }}
        maxLength={200}
        autoComplete="off"
        error={labelProblem}
      />
      <Field
        label="Effective date"
        optional
        hint="The day this version of the policy takes or took effect. Leave it empty if it has none."
      >
        {(control) => (
          <div className="date-field">
            <input
              ref={dateRef}
              className="input date-input"
              type="date"
              value={effectiveDate}
              onChange={(event) => setEffectiveDate(event.target.value)}
              {...control}
            />
            {effectiveDate && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setEffectiveDate('');
                  dateRef.current?.focus();
                }}
              >
                Clear date
              </Button>
            )}
          </div>
        )}
      </Field>
      {error && (
        <Banner tone="error" title="The version was not changed">
          {error}
        </Banner>
      )}
    </FormDialog>
  );
}
