import type { z } from 'zod';
import {
  ANNOTATION_METHODS,
  APP_METHODS,
  ASSESSMENT_METHODS,
  CHECKLIST_METHODS,
  COMMITTEE_METHODS,
  COMPARE_METHODS,
  EXCHANGE_METHODS,
  FILE_METHODS,
  IDENTITY_METHODS,
  REPORT_METHODS,
  REVIEW_METHODS,
  VERSION_METHODS,
  VOTE_METHODS,
  WORKSPACE_METHODS,
} from '../../../shared/api';
import { ReviewDrafts } from '../library/review-drafts';
import type { Caller } from '../library/review-sessions';
import type { WorkstationServices } from './workstation-services';
import type { ApiHandlers, HandlersFor } from './dispatch';

type Methods = Record<string, { args: z.ZodType; result: z.ZodType }>;
type MakeHandlers<M extends Methods> = (ws: WorkstationServices, drafts: ReviewDrafts) => HandlersFor<M>;

/**
 * Binds every contract method to the services, one domain per file. Arguments arrive validated. A domain's file
 * (and the libraries it needs: signing, report printing, parsers) loads on the first call of one of its methods,
 * so a host that makes a few calls (the command line's `list`) does not wait for all of them.
 */
export function createApiHandlers(ws: WorkstationServices): ApiHandlers {
  const drafts = new ReviewDrafts(ws.dataDir, ws.clock);
  const domain = <M extends Methods>(methods: M, load: () => Promise<MakeHandlers<M>>) =>
    onFirstCall(methods, async () => (await load())(ws, drafts));
  const reviews = domain(REVIEW_METHODS, async () => (await import('./handlers/reviews')).reviewHandlers);
  return {
    ...domain(APP_METHODS, async () => (await import('./handlers/app')).appHandlers),
    ...reviews,
    // A deleted review's unsaved drafts go to the trash with it.
    'reviews.delete': async (args, caller) => {
      const deleted = await reviews['reviews.delete'](args, caller);
      await drafts.moveToTrash(args.reviewId, deleted.movedTo);
      return deleted;
    },
    ...domain(COMMITTEE_METHODS, async () => (await import('./handlers/reviews')).committeeHandlers),
    ...domain(CHECKLIST_METHODS, async () => (await import('./handlers/checklist')).checklistHandlers),
    ...domain(VERSION_METHODS, async () => (await import('./handlers/versions')).versionHandlers),
    ...domain(ANNOTATION_METHODS, async () => (await import('./handlers/annotations')).annotationHandlers),
    ...domain(ASSESSMENT_METHODS, async () => (await import('./handlers/assessments')).assessmentHandlers),
    ...domain(VOTE_METHODS, async () => (await import('./handlers/votes')).voteHandlers),
    ...domain(WORKSPACE_METHODS, async () => (await import('./handlers/workspace')).workspaceHandlers),
    ...domain(REPORT_METHODS, async () => (await import('./handlers/report')).reportHandlers),
    ...domain(IDENTITY_METHODS, async () => (await import('./handlers/identities')).identityHandlers),
    ...domain(FILE_METHODS, async () => (await import('./handlers/files')).fileHandlers),
    ...domain(COMPARE_METHODS, async () => (await import('./handlers/compare')).compareHandlers),
    ...domain(EXCHANGE_METHODS, async () => (await import('./handlers/exchange')).exchangeHandlers),
  };
}

/** Handlers for `methods` that make the real ones (once, on the first call of any) and pass each call on. */
function onFirstCall<M extends Methods>(methods: M, make: () => Promise<HandlersFor<M>>): HandlersFor<M> {
  let made: Promise<HandlersFor<M>> | undefined;
  const handlers: Record<string, (args: unknown, caller: Caller) => Promise<unknown>> = {};
  for (const name of Object.keys(methods)) {
    handlers[name] = async (args, caller) => {
      made ??= make();
      const handler = (await made)[name] as (args: unknown, caller: Caller) => Promise<unknown>;
      return handler(args, caller);
    };
  }
  return handlers as HandlersFor<M>;
}
