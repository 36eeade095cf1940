import type { ApiResult, AppEvent, MethodArgs, MethodName, MethodResult } from '../../shared/api';
import { recordsWhoActs } from '../../shared/contract/authorship';
import type { ErrorCode } from '../../shared/errors';

/**
 * The renderer's floor: the typed client over `window.policyReview`, the only way the renderer reaches the outside.
 * Every feature may import it; it imports no feature.
 */

/** A failed call, with the stable code and the message to show the person. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** Runs a piece of work that records who acts, doing first whatever must come before it. */
export type RecordedWork = <T>(work: () => Promise<T>) => Promise<T>;
let aroundWorkRecorded: RecordedWork | undefined;

/**
 * Has every call that records who acts go through `around`, or straight to the services with `undefined`. The app
 * shell sets it while the person has no name, so the first piece of work asks for one first
 * (features/settings/useNameAtFirstWork).
 */
export function setAroundWorkRecorded(around: RecordedWork | undefined): void {
  aroundWorkRecorded = around;
}

/** Calls one method of the contract; a failure becomes an `ApiCallError` with the services' code and message. */
export async function call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const bridge = window.policyReview;
  if (!bridge)
    throw new ApiCallError('E_INTERNAL', 'The app’s connection to its services is missing. Restart the app.');
  const run = async () => {
    const result = (await bridge.invoke(method, args)) as ApiResult<MethodResult<M>>;
    if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
    return result.value;
  };
  return aroundWorkRecorded && recordsWhoActs(method) ? aroundWorkRecorded(run) : run();
}

const reviewQueues = new Map<string, Promise<unknown>>();

/**
 * Calls a method about one review after every earlier call about it has finished, so closing a review never
 * overtakes opening it or an edit still on its way (which would leave it open, or reopen it, in the services).
 */
export function callInReview<M extends MethodName>(
  reviewId: string,
  method: M,
  args: MethodArgs<M>,
): Promise<MethodResult<M>> {
  const previous = reviewQueues.get(reviewId) ?? Promise.resolve();
  const run = () => call(method, args);
  const next = previous.then(run, run);
  reviewQueues.set(reviewId, next);
  const forget = () => {
    if (reviewQueues.get(reviewId) === next) reviewQueues.delete(reviewId);
  };
  next.then(forget, forget);
  return next;
}

/** Listens to the services' events (import progress); returns the function that stops listening. */
export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return window.policyReview?.on(listener) ?? (() => {});
}

/** The events that announce the steps of a job of several steps. */
export type StepProgressEvent = 'sample.progress' | 'report.progress' | 'package.progress';

/** A step of a job of several steps, as its `*.progress` event says it. */
export interface StepProgress {
  step: number;
  steps: number;
  doing: string;
}

/**
 * Follows the steps of one request (its `requestId`) of a job that announces them as `type` events; the answer
 * stops following.
 */
function followProgress(
  type: StepProgressEvent,
  requestId: string,
  onStep: (progress: StepProgress) => void,
): () => void {
  return onAppEvent((event) => {
    if (event.type === type && event.requestId === requestId) onStep(event);
  });
}

/**
 * Runs a job that announces its steps as `type` events under the request id it is given, telling `onStep` each one:
 * step 0 at once (the job has started, no step announced yet), then each step, and `undefined` once it has ended.
 */
export async function followSteps<T>(
  type: StepProgressEvent,
  onStep: (progress: StepProgress | undefined) => void,
  run: (requestId: string) => Promise<T>,
): Promise<T> {
  const requestId = crypto.randomUUID();
  onStep({ step: 0, steps: 1, doing: '' });
  const stop = followProgress(type, requestId, onStep);
  try {
    return await run(requestId);
  } finally {
    stop();
    onStep(undefined);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
