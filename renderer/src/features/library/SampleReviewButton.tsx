import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { LibraryIcon } from '../../ui/icons';
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
      <div className="sample-progress" role="status">
        {progress && (
          <>
            <span>
              Building the sample review
              {progress.step > 0 && `: step ${progress.step} of ${progress.steps}, ${progress.doing.toLowerCase()}…`}
            </span>
            <progress
              max={progress.steps}
              value={progress.step}
              aria-label="Building the sample review"
              aria-valuetext={`Step ${progress.step} of ${progress.steps}`}
            />
          </>
        )}
      </div>
      {problem && (
        <Banner tone="error" title="The sample review was not built" onDismiss={sample.dismissProblem}>
          {problem}
        </Banner>
      )}
    </>
  );
}
