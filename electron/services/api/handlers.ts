import { ReviewDrafts } from '../library/review-drafts';
import type { WorkstationServices } from './workstation-services';
import type { ApiHandlers } from './dispatch';
import { annotationHandlers } from './handlers/annotations';
import { appHandlers } from './handlers/app';
import { assessmentHandlers } from './handlers/assessments';
import { checklistHandlers } from './handlers/checklist';
import { compareHandlers } from './handlers/compare';
import { fileHandlers } from './handlers/files';
import { identityHandlers } from './handlers/identities';
import { reportHandlers } from './handlers/report';
import { committeeHandlers, reviewHandlers } from './handlers/reviews';
import { versionHandlers } from './handlers/versions';
import { workspaceHandlers } from './handlers/workspace';

/** Binds every contract method to the services, one domain per file. Arguments arrive validated. */
export function createApiHandlers(ws: WorkstationServices): ApiHandlers {
  const drafts = new ReviewDrafts(ws.dataDir);
  const reviews = reviewHandlers(ws);
  return {
    ...appHandlers(ws),
    ...reviews,
    // A deleted review's unsaved drafts go to the trash with it.
    'reviews.delete': async (args, caller) => {
      const deleted = await reviews['reviews.delete'](args, caller);
      await drafts.moveToTrash(args.reviewId, deleted.movedTo);
      return deleted;
    },
    ...committeeHandlers(ws),
    ...checklistHandlers(ws),
    ...versionHandlers(ws),
    ...annotationHandlers(ws),
    ...assessmentHandlers(ws),
    ...workspaceHandlers(ws, drafts),
    ...reportHandlers(ws),
    ...identityHandlers(ws),
    ...fileHandlers(ws),
    ...compareHandlers(ws),
  };
}
