import { z } from 'zod';

/**
 * A job of several steps (building the sample review, making a report, taking a package in), announced as it
 * reaches each one.
 */
const StepProgress = {
  requestId: z.uuid(),
  step: z.int().min(1),
  steps: z.int().min(1),
  /** What this step does, in words ("Printing the report"). */
  doing: z.string(),
};

/** Main-to-renderer notices, delivered through `window.policyReview.on`. */
export const AppEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('import.progress'),
    requestId: z.uuid(),
    fileName: z.string(),
    stage: z.enum(['reading', 'parsing', 'saving']),
    done: z.int().min(0).optional(),
    total: z.int().min(0).optional(),
  }),
  z.object({ type: z.literal('sample.progress'), ...StepProgress }),
  z.object({ type: z.literal('report.progress'), ...StepProgress }),
  z.object({ type: z.literal('package.progress'), ...StepProgress }),
]);
export type AppEvent = z.infer<typeof AppEvent>;
