import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { LibraryIcon } from '../../ui/icons';
import { StepProgressStatus } from '../../ui/StepProgressStatus';
import type { SampleReview } from './useSampleReview';

/** The button that builds and opens the sample review. */
export function SampleReviewButton({ sample, size = 'md' }: { sample: SampleReview; size?: 'sm' | 'md' }) {
  return (
    <Button size={size} icon={<LibraryIcon />} busy={sample.building} onClick={() => void sample.build()}>
      Open a sample review
    </Button>
  );
}

/** How far the sample's build has come, read out as it goes, and what to do when it failed. */
export function SampleReviewStatus({ sample }: { sample: SampleReview }) {
  const { progress, problem } = sample;
  return (
    <>
      <StepProgressStatus
        job={progress && 'Building the sample review'}
        progress={progress}
        className="sample-progress"
      />
      {problem && (
        <Banner tone="error" title="The sample review was not built" onDismiss={sample.dismissProblem}>
          {problem}
        </Banner>
      )}
    </>
  );
}
