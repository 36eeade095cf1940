import type { COMPARE_METHODS } from '../../../../shared/api';
import { confirmAnchor, markOrphaned, reattachAnnotation } from '../../compare/anchor-decisions';
import { carryInStore } from '../../compare/carry-annotations';
import { changeImpact } from '../../compare/change-impact';
import { compareReviewVersions } from '../../compare/version-pair';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';

/** Comparing versions, the change's impact on the checklist, and carrying annotations forward. */
export function compareHandlers(ws: WorkstationServices): HandlersFor<typeof COMPARE_METHODS> {
  const { sessions } = ws;
  return {
    'compare.versions': async ({ reviewId, fromVersionId, toVersionId }, caller) => compareReviewVersions((await sessions.open(reviewId, caller)).store.review, fromVersionId, toVersionId),
    'compare.impact': async ({ reviewId, fromVersionId, toVersionId }, caller) => changeImpact((await sessions.open(reviewId, caller)).store.review, fromVersionId, toVersionId),
    'annotations.carry': async ({ reviewId, fromVersionId, toVersionId }, caller) => carryInStore(await sessions.writable(reviewId, caller), fromVersionId, toVersionId, ws.actor()),
    'annotations.confirmAnchor': async ({ reviewId, annotationId }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => confirmAnchor(review, annotationId, ws.actor()));
    },
    'annotations.reattach': async ({ reviewId, annotationId, range }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => reattachAnnotation(review, annotationId, range, ws.actor()));
    },
    'annotations.markOrphaned': async ({ reviewId, annotationId }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => markOrphaned(review, annotationId, ws.actor()));
    },
  };
}
