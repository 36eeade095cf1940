import { useId } from 'react';
import { SEVERITIES, type Severity } from '../../../../shared/model';
import { SEVERITY_DESCRIPTIONS, SEVERITY_LABELS } from '../../../../shared/vocabulary';
import { SeveritySwatch } from './SeverityBadge';

export interface SeverityPickerProps {
  value: Severity;
  onChange: (severity: Severity) => void;
  disabled?: boolean;
}

/** Info, minor, major or critical, as one radio group (the arrow keys move along it). */
export function SeverityPicker({ value, onChange, disabled = false }: SeverityPickerProps) {
  const name = useId();
  const hintId = useId();
  return (
    <fieldset className="segmented-field" disabled={disabled} aria-describedby={hintId}>
      <legend className="field-label">Severity</legend>
      <div className="segmented severity-segmented">
        {SEVERITIES.map((severity) => (
          <label key={severity} className={`segment severity-${severity}`}>
            <input
              type="radio"
              name={name}
              value={severity}
              checked={value === severity}
              onChange={() => onChange(severity)}
            />
            <SeveritySwatch severity={severity} />
            <span>{SEVERITY_LABELS[severity]}</span>
          </label>
        ))}
      </div>
      <p id={hintId} className="field-hint segmented-hint">
        {SEVERITY_DESCRIPTIONS[value]}
      </p>
    </fieldset>
  );
}
