/**
 * The one contract between the renderer and the main process: every method the renderer may call,
 * named `domain.verb`, with the schemas of its arguments and result. The methods are written in the files of
 * `shared/contract/`; this file puts them together, and nothing else defines a method. The preload rejects names
 * not listed here, main validates arguments against these schemas, and the renderer's client is typed from them.
 */
import type { z } from 'zod';
import { ANNOTATION_METHODS } from './contract/annotations';
import { APP_METHODS } from './contract/app';
import { ASSESSMENT_METHODS } from './contract/assessments';
import { CHECKLIST_METHODS } from './contract/checklist';
import { COMMITTEE_METHODS } from './contract/committee';
import { COMPARE_METHODS } from './contract/compare';
import type { AppEvent } from './contract/events';
import { EXCHANGE_METHODS } from './contract/exchange';
import { FILE_METHODS } from './contract/files';
import { IDENTITY_METHODS } from './contract/identities';
import { REPORT_METHODS } from './contract/report';
import { REVIEW_METHODS } from './contract/reviews';
import { VERSION_METHODS } from './contract/versions';
import { VOTE_METHODS } from './contract/votes';
import { WORKSPACE_METHODS } from './contract/workspace';
import type { ApiError } from './errors';

export * from './contract/annotations';
export * from './contract/app';
export * from './contract/assessments';
export * from './contract/checklist';
export * from './contract/committee';
export * from './contract/compare';
export * from './contract/events';
export * from './contract/exchange';
export * from './contract/files';
export * from './contract/identities';
export * from './contract/report';
export * from './contract/reviews';
export * from './contract/versions';
export * from './contract/votes';
export * from './contract/workspace';

export const API = {
  ...APP_METHODS,
  ...REVIEW_METHODS,
  ...COMMITTEE_METHODS,
  ...CHECKLIST_METHODS,
  ...VERSION_METHODS,
  ...ANNOTATION_METHODS,
  ...ASSESSMENT_METHODS,
  ...VOTE_METHODS,
  ...WORKSPACE_METHODS,
  ...COMPARE_METHODS,
  ...REPORT_METHODS,
  ...EXCHANGE_METHODS,
  ...IDENTITY_METHODS,
  ...FILE_METHODS,
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
export type MethodArgs<M extends MethodName> = z.input<Api[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Api[M]['result']>;

export const METHOD_NAMES: readonly MethodName[] = Object.keys(API) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(API, name);
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The one IPC channel the preload and main use for calls. */
export const INVOKE_CHANNEL = 'policy-review:invoke';

/** The one channel for main-to-renderer events. */
export const EVENT_CHANNEL = 'policy-review:event';

/** The object the preload exposes as `window.policyReview`. */
export interface PolicyReviewBridge {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  /** Listens to main's events; returns the function that stops listening. */
  on(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the Electron preload, or by the browser host and the e2e tests with the same shape. */
    policyReview?: PolicyReviewBridge;
  }
}
