import type { SelectedRange } from '../../api';
import { targetForRange } from '../../anchoring';
import { AppError } from '../../errors';
import { Annotation, type Author, type Review } from '../../model';
import { shortQuote } from '../annotations/comment-body';
import { annotationView, changeableAnnotation } from '../annotations/edit-annotations';
import { validRecord } from '../valid-record';
import { recordAudit } from '../reviews/audit';
import { liveVersion } from '../versions/version-summary';
import type { Clock } from '../clock';

// A person's decisions on carried anchors: confirm, re-point, or give up on the text. Each is logged.

/** A person checked a `moved` or `fuzzy` anchor against the text: it becomes `anchored`, recorded as confirmed. */
export function confirmAnchor(review: Review, annotationId: string, actor: Author, clock: Clock): Annotation {
  const annotation = changeableAnnotation(review, annotationId);
  const was = annotation.anchorState;
  if (was === 'anchored') return annotationView(annotation);
  if (was === 'orphaned') {
    throw new AppError(
      'E_INVALID_INPUT',
      'This annotation is orphaned: its text is gone, so there is no anchor to confirm. Select the text it belongs to and re-attach it.',
    );
  }
  annotation.anchorState = 'anchored';
  annotation.updatedAt = clock.now();
  validRecord(Annotation, annotation, 'annotation');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.confirmAnchor',
    `Confirmed the ${was} anchor of the annotation on ${shortQuote(annotation.target.selector[0].exact)}.`,
    annotation.id,
  );
  return annotationView(annotation);
}

/** Points an annotation at other text of its version, as the person selected it; it becomes `anchored`. */
export function reattachAnnotation(
  review: Review,
  annotationId: string,
  range: SelectedRange,
  actor: Author,
  clock: Clock,
): Annotation {
  const annotation = changeableAnnotation(review, annotationId);
  const version = liveVersion(review, annotation.versionId);
  if (range.end > version.text.length || version.text.slice(range.start, range.end) !== range.exact) {
    throw new AppError(
      'E_INVALID_INPUT',
      `The selected text changed since the page showed it, so nothing was saved. Reload version “${version.label}” and select the passage again.`,
    );
  }
  const before = annotation.target.selector[0].exact;
  const was = annotation.anchorState;
  annotation.target = targetForRange(version.text, version.id, range);
  annotation.anchorState = 'anchored';
  annotation.updatedAt = clock.now();
  validRecord(Annotation, annotation, 'annotation');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.reattach',
    `Re-attached the ${was} annotation on ${shortQuote(before)} to ${shortQuote(range.exact)}.`,
    annotation.id,
  );
  return annotationView(annotation);
}

/**
 * A person judged that an annotation's text is gone: it becomes `orphaned` (kept and listed, no longer
 * highlighted). Its target is left as it was, so the quote it last had stays readable.
 */
export function markOrphaned(review: Review, annotationId: string, actor: Author, clock: Clock): Annotation {
  const annotation = changeableAnnotation(review, annotationId);
  const was = annotation.anchorState;
  if (was === 'orphaned') return annotationView(annotation);
  annotation.anchorState = 'orphaned';
  annotation.updatedAt = clock.now();
  validRecord(Annotation, annotation, 'annotation');
  recordAudit(
    review,
    actor,
    clock,
    'annotations.markOrphaned',
    `Marked as orphaned the ${was} annotation on ${shortQuote(annotation.target.selector[0].exact)}.`,
    annotation.id,
  );
  return annotationView(annotation);
}
