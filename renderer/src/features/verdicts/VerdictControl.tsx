import { useId } from 'react';
import { type Verdict, VERDICTS } from '../../../../shared/model';
import { VERDICT_LABELS } from '../../../../shared/vocabulary';

export interface VerdictControlProps {
  /** Names the group for assistive tech, e.g. "Verdict on “Purpose stated” for version 2". */
  label: string;
  value: Verdict;
  onChange: (verdict: Verdict) => void;
  disabled?: boolean;
  busy?: boolean;
}

/** The verdict on one criterion: unreviewed, met, partial, not met or not applicable, as a segmented radio group. */
export function VerdictControl({ label, value, onChange, disabled = false, busy = false }: VerdictControlProps) {
  const name = useId();
  return (
    <fieldset className="segmented-field verdict-control" disabled={disabled} aria-busy={busy || undefined}>
      <legend className="visually-hidden">{label}</legend>
      <div className="segmented verdict-segmented">
        {VERDICTS.map((verdict) => (
          <label key={verdict} className={`segment verdict-${verdict}`}>
            <input
              type="radio"
              name={name}
              value={verdict}
              checked={value === verdict}
              onChange={() => onChange(verdict)}
            />
            <span className="verdict-glyph" aria-hidden="true" />
            <span>{VERDICT_LABELS[verdict]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
