import type { WORKSPACE_METHODS } from '../../../../shared/api';
import type { ReviewDrafts } from '../../library/review-drafts';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';

/** What the review workspace needs beside the review itself: drafts, and the audit log. */
export function workspaceHandlers(
  ws: WorkstationServices,
  drafts: ReviewDrafts,
): HandlersFor<typeof WORKSPACE_METHODS> {
  const { sessions } = ws;
  return {
    'drafts.get': async ({ reviewId }, caller) => {
      await sessions.open(reviewId, caller);
      return drafts.get(reviewId);
    },
    'drafts.set': async ({ reviewId, key, value }, caller) => {
      // Only the window (and process) that edits a review keeps drafts for it, so two never write the same file.
      await sessions.writable(reviewId, caller);
      await drafts.set(reviewId, key, value);
      return { saved: true as const };
    },

    'audit.list': async ({ reviewId, limit }, caller) => {
      const { audit } = (await sessions.open(reviewId, caller)).store.review;
      const newestFirst = audit
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.index - a.index);
      return structuredClone(newestFirst.slice(0, limit ?? newestFirst.length).map(({ entry }) => entry));
    },
  };
}
