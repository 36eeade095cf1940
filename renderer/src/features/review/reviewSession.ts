import type { MethodArgs, MethodName, MethodResult } from '../../../../shared/api';
import { call } from '../../api';

const queues = new Map<string, Promise<unknown>>();

/**
 * Calls a method about one review after every earlier call about it has finished, so closing a review never
 * overtakes opening it or an edit still on its way (which would leave it open, or reopen it, in the services).
 */
export function callInReview<M extends MethodName>(reviewId: string, method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const previous = queues.get(reviewId) ?? Promise.resolve();
  const run = () => call(method, args);
  const next = previous.then(run, run);
  queues.set(reviewId, next);
  const forget = () => {
    if (queues.get(reviewId) === next) queues.delete(reviewId);
  };
  next.then(forget, forget);
  return next;
}
