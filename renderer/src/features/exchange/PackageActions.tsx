import { useState } from 'react';
import type { MethodResult } from '../../../../shared/api';
import { callInReview, errorMessage, followSteps, type StepProgress } from '../../api';
import { Button } from '../../ui/Button';
import { DownloadIcon, UploadIcon } from '../../ui/icons';
import { ExportPackageDialog } from './ExportPackageDialog';
import { prepareHistory, releaseHistory } from './historyAhead';
import { mergeSummary, senderLine } from './packageWords';
import { usePackageChooser, type ChosenPackage } from './usePackageChooser';

export type PackageOutcome = { tone: 'success' | 'error'; title?: string; text: string };

export interface PackageActionsProps {
  reviewId: string;
  title: string;
  readOnly: boolean;
  onOutcome: (outcome: PackageOutcome) => void;
  /** A package was merged into the review: what is on screen must be read again. */
  onMerged: (merged: MethodResult<'packages.merge'>) => void;
  /** How far a merge has come (a large review's takes seconds), for the screen to show; `undefined` once it ended. */
  onProgress: (progress: StepProgress | undefined) => void;
}

/**
 * The review's exchange with other laptops, in its header beside Rename (it concerns the whole review, not one area):
 * export it as a package, and merge a package a colleague sent back.
 */
export function PackageActions({ reviewId, title, readOnly, onOutcome, onMerged, onProgress }: PackageActionsProps) {
  const [exporting, setExporting] = useState(false);
  const [merging, setMerging] = useState(false);

  const merge = async ({ source, fileName }: ChosenPackage) => {
    setMerging(true);
    try {
      const merged = await followSteps('package.progress', onProgress, (requestId) =>
        callInReview(reviewId, 'packages.merge', { reviewId, source, requestId }),
      );
      onMerged(merged);
      onOutcome({
        tone: 'success',
        text: `${mergeSummary(merged.counts, merged.sender)} ${senderLine(merged.sender)}`,
      });
    } catch (error) {
      onOutcome({ tone: 'error', title: `“${fileName}” was not merged`, text: errorMessage(error) });
    } finally {
      setMerging(false);
    }
  };
  const chooser = usePackageChooser(
    (chosen) => void merge(chosen),
    (message) => onOutcome({ tone: 'error', text: message }),
    // Nothing chosen: the history loaded for the merge need not wait in memory.
    () => releaseHistory(reviewId),
  );
  const chooseAndMerge = () => {
    // While the person picks the file, the services load the review's history for the merge.
    prepareHistory(reviewId);
    void chooser.choose();
  };

  return (
    <>
      <Button size="sm" icon={<DownloadIcon />} onClick={() => setExporting(true)} disabled={readOnly}>
        Export package…
      </Button>
      <Button size="sm" icon={<UploadIcon />} busy={merging} onClick={chooseAndMerge} disabled={readOnly}>
        Merge a package…
      </Button>
      {chooser.input}
      {exporting && (
        <ExportPackageDialog
          reviewId={reviewId}
          title={title}
          onExported={(text) => {
            setExporting(false);
            onOutcome({ tone: 'success', text });
          }}
          onClose={() => setExporting(false)}
        />
      )}
    </>
  );
}
