import { useState } from 'react';
import type { ReviewSummary } from '../../../../shared/api';
import { call, errorMessage, followProgress, type StepProgress } from '../../api';

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
    const requestId = crypto.randomUUID();
    setProblem(undefined);
    setProgress({ step: 0, steps: 1, doing: 'Starting' });
    const stop = followProgress('sample.progress', requestId, setProgress);
    try {
      const review = await call('reviews.createSample', { requestId });
      onBuilt(review);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      stop();
      setProgress(undefined);
    }
  };

  return { build, building, progress, problem, dismissProblem: () => setProblem(undefined) };
}

export type SampleReview = ReturnType<typeof useSampleReview>;
