import { useState } from 'react';
import type { ReviewSummary } from '../../../../shared/api';
import { call, errorMessage, followSteps, type StepProgress } from '../../api';

/**
 * Builds the sample review (its steps announced as the services take them) and hands it over to be opened. One
 * build at a time; a failure keeps the services' message, which says what to do.
 */
export function useSampleReview(onBuilt: (review: ReviewSummary) => void) {
  const [progress, setProgress] = useState<StepProgress>();
  const [problem, setProblem] = useState<string>();
  const building = progress !== undefined;

  const build = async () => {
    if (building) return;
    setProblem(undefined);
    try {
      const review = await followSteps('sample.progress', setProgress, (requestId) =>
        call('reviews.createSample', { requestId }),
      );
      onBuilt(review);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return { build, building, progress, problem, dismissProblem: () => setProblem(undefined) };
}

export type SampleReview = ReturnType<typeof useSampleReview>;
