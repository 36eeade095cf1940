import { useId } from 'react';
import { type Progress, ProgressMeter } from '../verdicts';
import { useReviewData, useReviewNavigation, VersionSelect } from '../workspace';

/**
 * Which version the verdicts are for (the same one the Document area shows; changing it here changes it there)
 * and how far the committee has got with it.
 */
export function VersionUnderReview({ progress }: { progress: Progress }) {
  const { versions } = useReviewData();
  const { selectedVersion, selectVersion } = useReviewNavigation();
  const selectId = useId();
  if (!selectedVersion) {
    return (
      <p className="verdict-bar is-empty">
        Import a version of the policy in the Document area to record verdicts on it.
      </p>
    );
  }
  return (
    <div className="verdict-bar">
      <div className="verdict-bar-version">
        <label htmlFor={selectId} className="verdict-bar-label">
          Verdicts for
        </label>
        <VersionSelect
          id={selectId}
          className="verdict-bar-select"
          versions={versions}
          value={selectedVersion.id}
          onSelect={selectVersion}
        />
      </div>
      <ProgressMeter progress={progress} label="Criteria reviewed for this version" />
    </div>
  );
}
