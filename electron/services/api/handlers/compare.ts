import type { COMPARE_METHODS } from '../../../../shared/api';
import { confirmAnchor, markOrphaned, reattachAnnotation } from '../../../../shared/domain/compare/anchor-decisions';
import { carryChange } from '../../../../shared/domain/compare/carry-annotations';
import { changeImpact } from '../../../../shared/domain/compare/change-impact';
import { compareReviewVersions } from '../../../../shared/domain/compare/version-pair';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';
import { mutateReview, mutateReviewIfChanged } from '../mutate-review';

/** Comparing versions, the change's impact on the checklist, and carrying annotations forward. */
export function compareHandlers(ws: WorkstationServices): HandlersFor<typeof COMPARE_METHODS> {
  const { sessions } = ws;
  return {
    'compare.versions': async ({ reviewId, fromVersionId, toVersionId }, caller) => compareReviewVersions((await sessions.open(reviewId, caller)).store.review, fromVersionId, toVersionId),
    'compare.impact': async ({ reviewId, fromVersionId, toVersionId }, caller) => changeImpact((await sessions.open(reviewId, caller)).store.review, fromVersionId, toVersionId),
    'annotations.carry': ({ reviewId, fromVersionId, toVersionId }, caller) => mutateReviewIfChanged(ws, reviewId, caller, (actor) => carryChange(fromVersionId, toVersionId, actor)),
    'annotations.confirmAnchor': ({ reviewId, annotationId }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => confirmAnchor(review, annotationId, actor)),
    'annotations.reattach': ({ reviewId, annotationId, range }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => reattachAnnotation(review, annotationId, range, actor)),
    'annotations.markOrphaned': ({ reviewId, annotationId }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => markOrphaned(review, annotationId, actor)),
  };
}
