import { useState } from 'react';
import type { MethodResult } from '../../../../shared/api';
import { call, callInReview, errorMessage, followSteps, type StepProgress } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FolderIcon } from '../../ui/icons';
import { StepProgressStatus } from '../../ui/StepProgressStatus';
import { mergeSummary, senderLine } from './packageWords';
import { usePackageChooser, type ChosenPackage } from './usePackageChooser';

export interface OpenPackageProps {
  /** The package was opened: a new review, or one already here that took the package's work in. */
  onOpened: (opened: MethodResult<'packages.open'>, message: string) => void;
}

/**
 * The library's way in for a review package a colleague sent: a review not in the library is added as it is (same
 * id); one already here merges it, and the sentence says what changed and who sent it.
 */
export function OpenPackage({ onOpened }: OpenPackageProps) {
  const [progress, setProgress] = useState<StepProgress>();
  const [problem, setProblem] = useState<string>();

  const open = async ({ source, fileName }: ChosenPackage) => {
    setProblem(undefined);
    try {
      const opened = await followSteps('package.progress', setProgress, (requestId) =>
        call('packages.open', { source, requestId }),
      );
      // Merging opened the review for writing in this window; the library does not keep it open.
      if (opened.merged) await callInReview(opened.reviewId, 'reviews.close', { reviewId: opened.reviewId });
      const what =
        opened.merged && opened.counts
          ? mergeSummary(opened.counts, opened.sender)
          : `Opened “${opened.title}” from “${fileName}”: it is now in your library.`;
      onOpened(opened, `${what} ${senderLine(opened.sender)}`);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const chooser = usePackageChooser((chosen) => void open(chosen), setProblem);

  return (
    <>
      <p className="create-from-template">
        <span>Or open a review a colleague sent you as a package (.policyreview):</span>
        <Button size="sm" icon={<FolderIcon />} busy={progress !== undefined} onClick={() => void chooser.choose()}>
          Open a review package…
        </Button>
      </p>
      {chooser.input}
      <StepProgressStatus job={progress && 'Opening the package'} progress={progress} className="package-progress" />
      {problem && (
        <Banner tone="error" title="The package was not opened" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
    </>
  );
}
