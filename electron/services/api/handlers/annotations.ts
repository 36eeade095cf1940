import type { ANNOTATION_METHODS } from '../../../../shared/api';
import { addAnnotation, annotationView, deleteAnnotation, listAnnotations, restoreAnnotation, setAnnotationStatus, updateAnnotation } from '../../annotations/edit-annotations';
import { addReply, deleteReply, editReply } from '../../annotations/replies';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';

/** Annotations on a version's text, and their reply threads. */
export function annotationHandlers(ws: WorkstationServices): HandlersFor<typeof ANNOTATION_METHODS> {
  const { sessions } = ws;
  return {
    'annotations.list': async ({ reviewId, versionId }, caller) => listAnnotations((await sessions.open(reviewId, caller)).store.review, versionId),
    'annotations.add': async ({ reviewId, ...input }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(annotationView(addAnnotation(review, input, ws.actor()))));
    },
    'annotations.update': async ({ reviewId, annotationId, ...changes }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(annotationView(updateAnnotation(review, annotationId, changes, ws.actor()))));
    },
    'annotations.setStatus': async ({ reviewId, annotationId, status }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(annotationView(setAnnotationStatus(review, annotationId, status, ws.actor()))));
    },
    'annotations.delete': async ({ reviewId, annotationId }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      await store.mutate((review) => deleteAnnotation(review, annotationId, ws.actor()));
      return { deleted: true as const };
    },
    'annotations.restore': async ({ reviewId, annotationId }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(annotationView(restoreAnnotation(review, annotationId, ws.actor()))));
    },
    'annotations.reply': async ({ reviewId, annotationId, body }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(addReply(review, annotationId, body, ws.actor())));
    },
    'annotations.editReply': async ({ reviewId, annotationId, replyId, body }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(editReply(review, annotationId, replyId, body, ws.actor())));
    },
    'annotations.deleteReply': async ({ reviewId, annotationId, replyId }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      await store.mutate((review) => deleteReply(review, annotationId, replyId, ws.actor()));
      return { deleted: true as const };
    },
  };
}
