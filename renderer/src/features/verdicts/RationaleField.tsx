import { useId } from 'react';
import { type DraftStatus } from '../workspace';

export type RationaleSave = 'idle' | 'saving' | 'saved' | 'failed';

export interface RationaleFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Leaving the field saves what changed. */
  onBlur: () => void;
  disabled: boolean;
  draftStatus: DraftStatus;
  saveStatus: RationaleSave;
  /** Whether the text differs from what is saved. */
  dirty: boolean;
}

const MAX = 10_000;

/** Why the committee reached its verdict: kept as a draft while typed, saved when the field is left. */
export function RationaleField({
  label,
  value,
  onChange,
  onBlur,
  disabled,
  draftStatus,
  saveStatus,
  dirty,
}: RationaleFieldProps) {
  const id = useId();
  const statusId = useId();
  const status =
    saveStatus === 'saving'
      ? 'Saving…'
      : saveStatus === 'failed'
        ? 'Not saved: see the message below.'
        : dirty
          ? draftStatus === 'saved'
            ? 'Draft kept; saved when you leave the field.'
            : 'Saved when you leave the field.'
          : saveStatus === 'saved'
            ? 'Saved'
            : '';
  return (
    <div className="field rationale-field">
      <label htmlFor={id} className="field-label rationale-label">
        {label}
      </label>
      <textarea
        id={id}
        className="input textarea rationale-input"
        rows={2}
        maxLength={MAX}
        value={value}
        readOnly={disabled}
        placeholder={disabled ? 'No rationale recorded.' : 'Why this verdict? Cite the sections that support it.'}
        aria-describedby={statusId}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      <p id={statusId} className={`rationale-status is-${saveStatus}`}>
        {status}
      </p>
    </div>
  );
}
