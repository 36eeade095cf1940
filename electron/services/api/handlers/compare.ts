import type { COMPARE_METHODS } from '../../../../shared/api';
import { changeImpact } from '../../../../shared/domain/compare/change-impact';
import { compareReviewVersions } from '../../../../shared/domain/compare/version-pair';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';

/** Comparing versions, and the change's impact on the checklist. */
export function compareHandlers(ws: WorkstationServices): HandlersFor<typeof COMPARE_METHODS> {
  const { sessions } = ws;
  return {
    'compare.versions': async ({ reviewId, fromVersionId, toVersionId }, caller) =>
      compareReviewVersions((await sessions.open(reviewId, caller)).store.review, fromVersionId, toVersionId),
    'compare.impact': async ({ reviewId, fromVersionId, toVersionId }, caller) =>
      changeImpact((await sessions.open(reviewId, caller)).store.review, fromVersionId, toVersionId),
  };
}
