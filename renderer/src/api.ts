import type { ApiResult, MethodArgs, MethodName, MethodResult } from '../../shared/api';
import type { ErrorCode } from '../../shared/errors';

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

/** The typed client over `window.policyReview`: the only way the renderer reaches the outside. */
export async function call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const bridge = window.policyReview;
  if (!bridge) throw new ApiCallError('E_INTERNAL', 'The app’s connection to its services is missing. Restart the app.');
  const result = (await bridge.invoke(method, args)) as ApiResult<MethodResult<M>>;
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
