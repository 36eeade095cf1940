import type { z } from 'zod';
import type { API, ApiResult, MethodName } from '../../../shared/api';
import { methodContract } from '../../../shared/contract/domains';
import { AppError, isAppError } from '../../../shared/errors';
import { DEFAULT_CALLER, type Caller } from '../library/review-sessions';
import { describeInputProblems } from './input-problems';

/** The implementation of every contract method, given arguments that already passed the method's schema. */
export type ApiHandlers = {
  [M in MethodName]: (
    args: z.output<(typeof API)[M]['args']>,
    caller: Caller,
  ) => Promise<z.input<(typeof API)[M]['result']>>;
};

/** The handlers of one domain's methods (`typeof REVIEW_METHODS`, ...). */
export type HandlersFor<Methods extends Record<string, { args: z.ZodType; result: z.ZodType }>> = {
  [M in keyof Methods]: (args: z.output<Methods[M]['args']>, caller: Caller) => Promise<z.input<Methods[M]['result']>>;
};

/** Calls a contract method; `caller` says which window asks (one window edits a review, others read it). */
export type ApiInvoker = (method: unknown, args: unknown, caller?: Caller) => Promise<ApiResult<unknown>>;

export interface DispatchOptions {
  /** Also check each result against its schema: on in tests, so a handler that breaks the contract fails loudly. */
  checkResults?: boolean;
  /** Where unexpected errors are reported; their details never cross the bridge. */
  logError?: (method: string, error: unknown) => void;
}

/**
 * The edge every call from a renderer passes: the method must be in the contract and its arguments must pass
 * its schema; the answer is always a value, `{ ok: true, value }` or `{ ok: false, error: { code, message } }`.
 */
export function createApiInvoker(handlers: ApiHandlers, options: DispatchOptions = {}): ApiInvoker {
  const logError = options.logError ?? ((method, error) => console.error(`[policy-review] ${method} failed:`, error));
  return async (method, args, caller = DEFAULT_CALLER) => {
    // Only the contract file of this method is loaded (its schemas built), not the whole contract.
    const contract = await methodContract(method);
    if (!contract) {
      return fail(
        new AppError('E_UNKNOWN_METHOD', `“${String(method).slice(0, 80)}” is not something this app can do.`),
      );
    }
    const name = method as MethodName; // the contract has it
    const parsed = contract.args.safeParse(args ?? {});
    if (!parsed.success) return fail(new AppError('E_INVALID_INPUT', describeInputProblems(parsed.error)));
    try {
      const handler = handlers[name] as (args: unknown, caller: Caller) => Promise<unknown>;
      const value = await handler(parsed.data, caller);
      if (options.checkResults) {
        const checked = contract.result.safeParse(value);
        if (!checked.success) throw new Error(`result of ${name} breaks the contract: ${checked.error.message}`);
      }
      return { ok: true, value };
    } catch (error) {
      if (isAppError(error)) return fail(error);
      logError(name, error);
      return fail(
        new AppError(
          'E_INTERNAL',
          'Something went wrong inside the app, so that action did not complete. Work saved before it is safe; details are in the log.',
        ),
      );
    }
  };
}

function fail(error: AppError): ApiResult<never> {
  return { ok: false, error: { code: error.code, message: error.message } };
}
