import type { ANNOTATION_METHODS } from '../../../../shared/api';
import { addAnnotation, annotationView, deleteAnnotation, listAnnotations, restoreAnnotation, setAnnotationStatus, updateAnnotation } from '../../../../shared/domain/annotations/edit-annotations';
import { addReply, deleteReply, editReply } from '../../../../shared/domain/annotations/replies';
import { confirmAnchor, markOrphaned, reattachAnnotation } from '../../../../shared/domain/compare/anchor-decisions';
import { carryChange } from '../../../../shared/domain/compare/carry-annotations';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';
import { mutateReview, mutateReviewIfChanged } from '../mutate-review';

/** Annotations on a version's text, their reply threads, and carrying them to a newer version (with the anchor decisions that follow). */
export function annotationHandlers(ws: WorkstationServices): HandlersFor<typeof ANNOTATION_METHODS> {
  const { sessions } = ws;
  return {
    'annotations.list': async ({ reviewId, versionId }, caller) => listAnnotations((await sessions.open(reviewId, caller)).store.review, versionId),
    'annotations.add': ({ reviewId, ...input }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => annotationView(addAnnotation(review, input, actor))),
    'annotations.update': ({ reviewId, annotationId, ...changes }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => annotationView(updateAnnotation(review, annotationId, changes, actor))),
    'annotations.setStatus': ({ reviewId, annotationId, status }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => annotationView(setAnnotationStatus(review, annotationId, status, actor))),
    'annotations.delete': async ({ reviewId, annotationId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor) => deleteAnnotation(review, annotationId, actor));
      return { deleted: true as const };
    },
    'annotations.restore': ({ reviewId, annotationId }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => annotationView(restoreAnnotation(review, annotationId, actor))),
    'annotations.reply': ({ reviewId, annotationId, body }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => addReply(review, annotationId, body, actor)),
    'annotations.editReply': ({ reviewId, annotationId, replyId, body }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => editReply(review, annotationId, replyId, body, actor)),
    'annotations.deleteReply': async ({ reviewId, annotationId, replyId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor) => deleteReply(review, annotationId, replyId, actor));
      return { deleted: true as const };
    },
    'annotations.carry': ({ reviewId, fromVersionId, toVersionId }, caller) => mutateReviewIfChanged(ws, reviewId, caller, (actor) => carryChange(fromVersionId, toVersionId, actor)),
    'annotations.confirmAnchor': ({ reviewId, annotationId }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => confirmAnchor(review, annotationId, actor)),
    'annotations.reattach': ({ reviewId, annotationId, range }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => reattachAnnotation(review, annotationId, range, actor)),
    'annotations.markOrphaned': ({ reviewId, annotationId }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => markOrphaned(review, annotationId, actor)),
  };
}
