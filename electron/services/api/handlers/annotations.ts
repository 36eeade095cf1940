import type { ANNOTATION_METHODS } from '../../../../shared/api';
import {
  addAnnotation,
  annotationView,
  deleteAnnotation,
  listAnnotations,
  restoreAnnotation,
  setAnnotationStatus,
  updateAnnotation,
} from '../../../../shared/domain/annotations/edit-annotations';
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
    'annotations.list': async ({ reviewId, versionId }, caller) =>
      listAnnotations((await sessions.open(reviewId, caller)).store.review, versionId),
    'annotations.add': ({ reviewId, ...input }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        annotationView(addAnnotation(review, input, actor, clock)),
      ),
    'annotations.update': ({ reviewId, annotationId, ...changes }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        annotationView(updateAnnotation(review, annotationId, changes, actor, clock)),
      ),
    'annotations.setStatus': ({ reviewId, annotationId, status }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        annotationView(setAnnotationStatus(review, annotationId, status, actor, clock)),
      ),
    'annotations.delete': async ({ reviewId, annotationId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        deleteAnnotation(review, annotationId, actor, clock),
      );
      return { deleted: true as const };
    },
    'annotations.restore': ({ reviewId, annotationId }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        annotationView(restoreAnnotation(review, annotationId, actor, clock)),
      ),
    'annotations.reply': ({ reviewId, annotationId, body }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => addReply(review, annotationId, body, actor, clock)),
    'annotations.editReply': ({ reviewId, annotationId, replyId, body }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        editReply(review, annotationId, replyId, body, actor, clock),
      ),
    'annotations.deleteReply': async ({ reviewId, annotationId, replyId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        deleteReply(review, annotationId, replyId, actor, clock),
      );
      return { deleted: true as const };
    },
    'annotations.carry': ({ reviewId, fromVersionId, toVersionId }, caller) =>
      mutateReviewIfChanged(ws, reviewId, caller, (actor, clock) =>
        carryChange(fromVersionId, toVersionId, actor, clock),
      ),
    'annotations.confirmAnchor': ({ reviewId, annotationId }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => confirmAnchor(review, annotationId, actor, clock)),
    'annotations.reattach': ({ reviewId, annotationId, range }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        reattachAnnotation(review, annotationId, range, actor, clock),
      ),
    'annotations.markOrphaned': ({ reviewId, annotationId }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => markOrphaned(review, annotationId, actor, clock)),
  };
}
