import type { StepProgress } from '../api';

export interface StepProgressStatusProps {
  /** The job under way, in words ("Merging the package"); nothing is shown when there is none. */
  job: string | undefined;
  /** Its step, once the services have announced one. */
  progress: StepProgress | undefined;
  /** A sentence said after the step, while the job runs ("A long report takes a few seconds."). */
  note?: string | undefined;
  className?: string | undefined;
}

/**
 * How far a job of several steps has come (the sample review's build, a package's merge). Always present, so that
 * screen readers hear each step as its text changes; the bar moves with the steps, or runs until the first comes.
 */
export function StepProgressStatus({ job, progress, note, className }: StepProgressStatusProps) {
  const step = progress && progress.step > 0 ? progress : undefined;
  return (
    <div className={['step-progress', className].filter(Boolean).join(' ')} role="status">
      {job && (
        <>
          <span>
            {job}
            {step ? `: step ${step.step} of ${step.steps}, ${lowerFirst(step.doing)}…` : '…'}
            {note && ` ${note}`}
          </span>
          <progress
            aria-label={job}
            {...(step
              ? { max: step.steps, value: step.step, 'aria-valuetext': `Step ${step.step} of ${step.steps}` }
              : {})}
          />
        </>
      )}
    </div>
  );
}

/** "Importing version 2024 policy" reads on after a colon; only its first letter is the sentence's. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
