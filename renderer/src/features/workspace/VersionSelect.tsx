import type { SelectHTMLAttributes } from 'react';
import type { Version } from '../../../../shared/model';
import { versionOptionText } from './versionFacts';

export interface VersionSelectProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'onSelect' | 'children'
> {
  versions: readonly Pick<Version, 'id' | 'label' | 'effectiveDate'>[];
  value: string;
  onSelect: (versionId: string) => void;
}

/** A select of the review's versions, each named by its label and effective date; label it with `id`. */
export function VersionSelect({ versions, value, onSelect, className, ...rest }: VersionSelectProps) {
  return (
    <select
      {...rest}
      className={className ? `input select ${className}` : 'input select'}
      value={value}
      onChange={(event) => onSelect(event.target.value)}
    >
      {versions.map((version) => (
        <option key={version.id} value={version.id}>
          {versionOptionText(version)}
        </option>
      ))}
    </select>
  );
}
