import type { NewAnnotation } from '../../api';
import { targetForRange } from '../../anchoring';
import { AppError } from '../../errors';
import { Annotation, type AnnotationStatus, type Author, type Review, type RichText, type Severity } from '../../model';
import { ANNOTATION_STATUS_LABELS, SEVERITY_LABELS } from '../../vocabulary';
import { recordAudit } from '../reviews/audit';
import { liveVersion } from '../versions/version-summary';
import { checkedCommentBody, shortQuote } from './comment-body';
import { validRecord } from '../valid-record';
import type { Clock } from '../clock';

/**
 * Annotates a passage of a version: the range must still read as the text the person selected (a stale page
 * must not annotate other words), its criteria must be in the checklist, and its comment must pass the
 * rich-text rules. The target is stored as W3C TextQuote and TextPosition selectors on the version's text.
 */
export function addAnnotation(review: Review, input: NewAnnotation, actor: Author, clock: Clock): Annotation {
  const version = liveVersion(review, input.versionId);
  const { start, end, exact } = input.range;
  if (end > version.text.length || version.text.slice(start, end) !== exact) {
    throw new AppError(
      'E_INVALID_INPUT',
      `The selected text changed since the page showed it, so nothing was saved. Reload version “${version.label}” and select the passage again.`,
    );
  }
  const criterionIds = checkedCriteria(review, input.criterionIds, []);
  const now = clock.now();
  const annotation = validRecord(
    Annotation,
    {
      id: clock.newId(),
      versionId: version.id,
      target: targetForRange(version.text, version.id, { start, end }),
      criterionIds,
      severity: input.severity,
      status: 'open',
      body: checkedCommentBody(input.body, 'comment'),
      author: actor,
      createdAt: now,
      updatedAt: now,
      replies: [],
      anchorState: 'anchored',
    },
    'annotation',
  );
  review.annotations.push(annotation);
  recordAudit(
    review,
    actor,
    clock,
    'annotations.add',
    `Annotated ${shortQuote(exact)} in version “${version.label}” (${SEVERITY_LABELS[input.severity]}; ${criterionTitles(review, criterionIds)}).`,
    annotation.id,
  );
  return annotation;
}

export interface AnnotationChanges {
  criterionIds?: string[] | undefined;
  severity?: Severity | undefined;
  body?: RichText | undefined;
}

/** Changes an annotation's criteria, severity or comment; a change to nothing records nothing. */
export function updateAnnotation(
  review: Review,
  annotationId: string,
  changes: AnnotationChanges,
  actor: Author,
  clock: Clock,
): Annotation {
  const annotation = changeableAnnotation(review, annotationId);
  const said: string[] = [];
  if (changes.criterionIds !== undefined) {
    // Criteria removed from the checklist since may stay on the annotation they were on; new ones must be live.
    const criterionIds = checkedCriteria(review, changes.criterionIds, annotation.criterionIds);
    if (criterionIds.join('\n') !== annotation.criterionIds.join('\n')) {
      annotation.criterionIds = criterionIds;
      said.push(`criteria now ${criterionTitles(review, criterionIds)}`);
    }
  }
  if (changes.severity !== undefined && changes.severity !== annotation.severity) {
    said.push(`severity ${SEVERITY_LABELS[annotation.severity]} → ${SEVERITY_LABELS[changes.severity]}`);
    annotation.severity = changes.severity;
  }
  if (changes.body !== undefined && JSON.stringify(changes.body) !== JSON.stringify(annotation.body)) {
    annotation.body = checkedCommentBody(changes.body, 'comment');
    said.push('comment edited');
  }
  if (said.length === 0) return annotation;
  annotation.updatedAt = clock.now();
  validRecord(Annotation, annotation, 'annotation');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.update',
    `Edited the annotation on ${quoteOf(annotation)}: ${said.join('; ')}.`,
    annotation.id,
  );
  return annotation;
}

const STATUS_SENTENCES: Record<AnnotationStatus, string> = {
  open: 'Reopened the annotation on',
  resolved: 'Resolved the annotation on',
  wontfix: `Marked “${ANNOTATION_STATUS_LABELS.wontfix}” the annotation on`,
};

/** Resolves, reopens or marks an annotation as won't fix. */
export function setAnnotationStatus(
  review: Review,
  annotationId: string,
  status: AnnotationStatus,
  actor: Author,
  clock: Clock,
): Annotation {
  const annotation = changeableAnnotation(review, annotationId);
  if (annotation.status === status) return annotation;
  annotation.status = status;
  annotation.updatedAt = clock.now();
  validRecord(Annotation, annotation, 'annotation');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.setStatus',
    `${STATUS_SENTENCES[status]} ${quoteOf(annotation)}.`,
    annotation.id,
  );
  return annotation;
}

/** Leaves a tombstone (kept, so a merge with an offline copy does not bring it back); `restoreAnnotation` undoes it. */
export function deleteAnnotation(review: Review, annotationId: string, actor: Author, clock: Clock): void {
  const annotation = changeableAnnotation(review, annotationId);
  const now = clock.now();
  annotation.deletedAt = now;
  annotation.updatedAt = now;
  validRecord(Annotation, annotation, 'annotation');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.delete',
    `Deleted the annotation on ${quoteOf(annotation)}.`,
    annotation.id,
  );
}

/** Undoes a delete. An annotation that is not deleted is left as it is. */
export function restoreAnnotation(review: Review, annotationId: string, actor: Author, clock: Clock): Annotation {
  const annotation = review.annotations.find((a) => a.id === annotationId);
  if (!annotation) throw new AppError('E_NOT_FOUND', 'That annotation is not in this review.');
  versionOfAnnotation(review, annotation);
  if (!annotation.deletedAt) return annotation;
  delete annotation.deletedAt;
  annotation.updatedAt = clock.now();
  validRecord(Annotation, annotation, 'annotation');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.restore',
    `Restored the annotation on ${quoteOf(annotation)}.`,
    annotation.id,
  );
  return annotation;
}

/** The live annotations of the review (on live versions), or of one version, with their live replies. */
export function listAnnotations(review: Review, versionId?: string): Annotation[] {
  const versions =
    versionId === undefined
      ? new Set(review.versions.filter((v) => !v.deletedAt).map((v) => v.id))
      : new Set([liveVersion(review, versionId).id]);
  return review.annotations.filter((a) => !a.deletedAt && versions.has(a.versionId)).map(annotationView);
}

/**
 * An annotation as people see it: its deleted replies left out. Not a deep copy (copying 1,000 annotations took
 * 17 ms on each list); results that cross the bridge are copied by it, and single results are copied by their handler.
 */
export function annotationView(annotation: Annotation): Annotation {
  return { ...annotation, replies: annotation.replies.filter((r) => !r.deletedAt) };
}

/** A live annotation on a live version: the only kind anyone may change. */
export function changeableAnnotation(review: Review, annotationId: string): Annotation {
  const annotation = review.annotations.find((a) => a.id === annotationId && !a.deletedAt);
  if (!annotation)
    throw new AppError('E_NOT_FOUND', 'That annotation is not in this review any more; it may have been deleted.');
  versionOfAnnotation(review, annotation);
  return annotation;
}

function versionOfAnnotation(review: Review, annotation: Annotation) {
  const version = review.versions.find((v) => v.id === annotation.versionId);
  if (!version) throw new AppError('E_NOT_FOUND', 'The version this annotation was made on is not in this review.');
  if (version.deletedAt)
    throw new AppError(
      'E_INVALID_INPUT',
      `This annotation is on version “${version.label}”, which was deleted, so it cannot be changed.`,
    );
  return version;
}

/** The criteria as given, each once, each a live criterion of the checklist (or one the record already had). */
function checkedCriteria(review: Review, criterionIds: readonly string[], alreadyOn: readonly string[]): string[] {
  const live = new Set(review.checklist.criteria.filter((c) => !c.deletedAt).map((c) => c.id));
  const unique = [...new Set(criterionIds)];
  for (const id of unique) {
    if (!live.has(id) && !alreadyOn.includes(id))
      throw new AppError('E_NOT_FOUND', `The criterion “${id}” is not in this review’s checklist.`);
  }
  return unique;
}

/** The criteria's titles for a sentence in the audit log, kept short enough for its 1,000 characters. */
export function criterionTitles(review: Review, criterionIds: readonly string[], maxChars = 300): string {
  const titles = new Map(review.checklist.criteria.map((c) => [c.id, c.title]));
  const named = criterionIds.map((id) => `“${titles.get(id) ?? id}”`);
  let text = '';
  for (const [index, title] of named.entries()) {
    const next = text ? `${text}, ${title}` : title;
    if (next.length > maxChars) return `${text || title.slice(0, maxChars)} and ${named.length - index} more`;
    text = next;
  }
  return text;
}

/** The annotated words, shortened, for a sentence in the audit log. */
export function quoteOf(annotation: Annotation): string {
  return shortQuote(annotation.target.selector[0].exact);
}
