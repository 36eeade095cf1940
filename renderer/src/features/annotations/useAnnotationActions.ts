import { useMemo } from 'react';
import type { NewAnnotation } from '../../../../shared/api';
import type { RichText } from '../../../../shared/model';
import { callInReview } from '../../api';
import { useFeedback, useReviewData, useReviewNavigation } from '../workspace';
import type { AnnotationStatus, Severity } from '../../../../shared/model';

/**
 * Every change to annotations and their replies: each calls the services (in the review's call order) and then
 * applies what they return to the annotation store, which redraws the highlights.
 */
export function useAnnotationActions() {
  const { reviewId, annotations } = useReviewData();
  const { openAnnotation } = useReviewNavigation();
  const { offerUndo, announce } = useFeedback();
  return useMemo(() => {
    const ref = (annotationId: string) => ({ reviewId, annotationId });
    return {
      async add(input: NewAnnotation) {
        const annotation = await callInReview(reviewId, 'annotations.add', { reviewId, ...input });
        performance.mark('annotation:saved', { detail: { id: annotation.id } });
        annotations.upsert(annotation);
        performance.mark('annotation:highlighted', { detail: { id: annotation.id } });
        return annotation;
      },
      async update(annotationId: string, changes: { criterionIds?: string[]; severity?: Severity; body?: RichText }) {
        const annotation = await callInReview(reviewId, 'annotations.update', { ...ref(annotationId), ...changes });
        annotations.upsert(annotation);
        return annotation;
      },
      async setStatus(annotationId: string, status: AnnotationStatus) {
        const annotation = await callInReview(reviewId, 'annotations.setStatus', { ...ref(annotationId), status });
        annotations.upsert(annotation);
        return annotation;
      },
      /** Deletes (a tombstone in the file) and offers to undo it for a few seconds. */
      async remove(annotationId: string) {
        await callInReview(reviewId, 'annotations.delete', ref(annotationId));
        annotations.remove(annotationId);
        offerUndo({
          message: 'Annotation deleted',
          undo: async () => {
            const restored = await callInReview(reviewId, 'annotations.restore', ref(annotationId));
            annotations.upsert(restored);
            openAnnotation(restored.id);
            announce('Annotation restored.');
          },
        });
      },
      async reply(annotationId: string, body: RichText) {
        const reply = await callInReview(reviewId, 'annotations.reply', { ...ref(annotationId), body });
        annotations.change(annotationId, (a) => ({ ...a, replies: [...a.replies, reply] }));
        return reply;
      },
      async editReply(annotationId: string, replyId: string, body: RichText) {
        const reply = await callInReview(reviewId, 'annotations.editReply', { ...ref(annotationId), replyId, body });
        annotations.change(annotationId, (a) => ({
          ...a,
          replies: a.replies.map((r) => (r.id === replyId ? reply : r)),
        }));
        return reply;
      },
      async deleteReply(annotationId: string, replyId: string) {
        await callInReview(reviewId, 'annotations.deleteReply', { ...ref(annotationId), replyId });
        const now = new Date().toISOString();
        annotations.change(annotationId, (a) => ({
          ...a,
          replies: a.replies.map((r) => (r.id === replyId ? { ...r, deletedAt: now } : r)),
        }));
      },
    };
  }, [reviewId, annotations, offerUndo, openAnnotation, announce]);
}
