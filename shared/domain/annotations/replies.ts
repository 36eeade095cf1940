import { AppError } from '../../errors';
import { Reply, type Annotation, type Author, type Review, type RichText } from '../../model';
import { recordAudit } from '../reviews/audit';
import { checkedCommentBody } from './comment-body';
import { changeableAnnotation, quoteOf } from './edit-annotations';
import { validRecord } from '../valid-record';
import type { Clock } from '../clock';

export type AnnotationReply = Annotation['replies'][number];

/** Adds a reply to an annotation's thread, by the person acting. */
export function addReply(
  review: Review,
  annotationId: string,
  body: RichText,
  actor: Author,
  clock: Clock,
): AnnotationReply {
  const annotation = changeableAnnotation(review, annotationId);
  const now = clock.now();
  const reply = validRecord(
    Reply,
    { id: clock.newId(), body: checkedCommentBody(body, 'reply'), author: actor, createdAt: now, updatedAt: now },
    'reply',
  );
  annotation.replies.push(reply);
  recordAudit(
    review,
    actor,
    clock,
    'annotations.reply',
    `Replied to the annotation on ${quoteOf(annotation)}.`,
    reply.id,
  );
  return reply;
}

export function editReply(
  review: Review,
  annotationId: string,
  replyId: string,
  body: RichText,
  actor: Author,
  clock: Clock,
): AnnotationReply {
  const annotation = changeableAnnotation(review, annotationId);
  const reply = liveReply(annotation, replyId);
  if (JSON.stringify(reply.body) === JSON.stringify(body)) return reply;
  reply.body = checkedCommentBody(body, 'reply');
  reply.updatedAt = clock.now();
  validRecord(Reply, reply, 'reply');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.editReply',
    `Edited ${reply.author.name}’s reply on the annotation on ${quoteOf(annotation)}.`,
    reply.id,
  );
  return reply;
}

/** Leaves a tombstone in the thread. */
export function deleteReply(review: Review, annotationId: string, replyId: string, actor: Author, clock: Clock): void {
  const annotation = changeableAnnotation(review, annotationId);
  const reply = liveReply(annotation, replyId);
  const now = clock.now();
  reply.deletedAt = now;
  reply.updatedAt = now;
  validRecord(Reply, reply, 'reply');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.deleteReply',
    `Deleted ${reply.author.name}’s reply on the annotation on ${quoteOf(annotation)}.`,
    reply.id,
  );
}

function liveReply(annotation: Annotation, replyId: string): AnnotationReply {
  const reply = annotation.replies.find((r) => r.id === replyId && !r.deletedAt);
  if (!reply) throw new AppError('E_NOT_FOUND', 'That reply is not in this thread any more; it may have been deleted.');
  return reply;
}
