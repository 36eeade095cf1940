import { useId } from 'react';
import type { Version } from '../../../../shared/model';
import { VersionSelect } from '../workspace';

export interface VersionPairPickerProps {
  versions: readonly Version[];
  from: Version;
  to: Version;
  onFrom: (versionId: string) => void;
  onTo: (versionId: string) => void;
}

/** Two selects: the older version and the newer one; any two of the review's versions can be compared. */
export function VersionPairPicker({ versions, from, to, onFrom, onTo }: VersionPairPickerProps) {
  const fromId = useId();
  const toId = useId();
  return (
    <div className="version-pair" role="group" aria-label="Versions to compare">
      <div className="version-pair-field">
        <label htmlFor={fromId} className="version-pair-label">
          Older
        </label>
        <VersionSelect id={fromId} versions={versions} value={from.id} onSelect={onFrom} />
      </div>
      <span className="version-pair-arrow" aria-hidden="true">
        →
      </span>
      <div className="version-pair-field">
        <label htmlFor={toId} className="version-pair-label">
          Newer
        </label>
        <VersionSelect id={toId} versions={versions} value={to.id} onSelect={onTo} />
      </div>
    </div>
  );
}
