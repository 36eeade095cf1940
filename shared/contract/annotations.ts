import { z } from 'zod';
import { AnchorState, Annotation, AnnotationStatus, CriterionId, RecordId, Reply, RichText, Severity } from '../model';
import { findRichTextShapeProblem } from '../rich-text';
import { method, VersionPair } from './common';

/**
 * A comment as the renderer's editor produces it (a Lexical editor state as JSON), no deeper, larger or longer
 * than a comment can be: checked here without recursion, so a hostile one cannot exhaust the stack at the edge.
 * Its links may point only to http, https or mailto addresses; the services check that before it is saved.
 */
export const RichTextInput = RichText.superRefine((value, context) => {
  const problem = findRichTextShapeProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem.message });
});

/**
 * The text a person selected in a version: offsets in the version's canonical text and the exact text there,
 * which must match (so a stale view cannot annotate the wrong words). The services make the W3C selectors.
 */
export const SelectedRange = z
  .object({ start: z.int().min(0), end: z.int().min(1), exact: z.string().min(1).max(20_000) })
  .strict()
  .refine((range) => range.end > range.start, 'The selection is empty.');
export type SelectedRange = z.infer<typeof SelectedRange>;

const CriterionIds = z
  .array(CriterionId)
  .min(1, 'Choose at least one criterion.')
  .max(20, 'Choose at most 20 criteria.');
const AnnotationRef = { reviewId: RecordId, annotationId: RecordId };

/** A new annotation of a review: where it points, against which criteria, how severe, and its comment. */
export const NewAnnotation = z
  .object({
    versionId: RecordId,
    range: SelectedRange,
    criterionIds: CriterionIds,
    severity: Severity,
    body: RichTextInput,
  })
  .strict();
export type NewAnnotation = z.infer<typeof NewAnnotation>;

export const AnchorCounts = z.object({
  anchored: z.int().min(0),
  moved: z.int().min(0),
  fuzzy: z.int().min(0),
  orphaned: z.int().min(0),
});
export type AnchorCounts = z.infer<typeof AnchorCounts>;

/** One annotation made on the newer version by carrying one from the older. */
export const CarriedAnnotation = z.object({ annotationId: RecordId, carriedFrom: RecordId, anchorState: AnchorState });

export const CarryOutcome = z.object({
  /** The annotations made by this call, by anchor state. */
  counts: AnchorCounts,
  carried: z.array(CarriedAnnotation),
  /** Annotations of the older version skipped because they (or the annotation they came from) already have a copy on the newer one. */
  alreadyCarried: z.int().min(0),
});
export type CarryOutcome = z.infer<typeof CarryOutcome>;

export const ANNOTATION_METHODS = {
  /** The live annotations of a review, or of one version. */
  'annotations.list': method(
    z.object({ reviewId: RecordId, versionId: RecordId.optional() }).strict(),
    z.array(Annotation),
  ),
  'annotations.add': method(NewAnnotation.extend({ reviewId: RecordId }), Annotation),
  'annotations.update': method(
    z
      .object({
        ...AnnotationRef,
        criterionIds: CriterionIds.optional(),
        severity: Severity.optional(),
        body: RichTextInput.optional(),
      })
      .strict(),
    Annotation,
  ),
  'annotations.setStatus': method(z.object({ ...AnnotationRef, status: AnnotationStatus }).strict(), Annotation),
  /** Leaves a tombstone; `annotations.restore` undoes it. */
  'annotations.delete': method(z.object(AnnotationRef).strict(), z.object({ deleted: z.literal(true) })),
  'annotations.restore': method(z.object(AnnotationRef).strict(), Annotation),
  'annotations.reply': method(z.object({ ...AnnotationRef, body: RichTextInput }).strict(), Reply),
  'annotations.editReply': method(
    z.object({ ...AnnotationRef, replyId: RecordId, body: RichTextInput }).strict(),
    Reply,
  ),
  'annotations.deleteReply': method(
    z.object({ ...AnnotationRef, replyId: RecordId }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
  /**
   * Carries the older version's annotations to the newer one: each becomes a new annotation there with
   * `carriedFrom` and an `anchorState`. Orphaned ones are kept too (their quote as it was, a one-character
   * position where it stood). Carrying again adds nothing already carried.
   */
  'annotations.carry': method(VersionPair, CarryOutcome),
  /** A person checked a `moved` or `fuzzy` anchor: it becomes `anchored`. */
  'annotations.confirmAnchor': method(z.object(AnnotationRef).strict(), Annotation),
  /** Points an annotation at other text of its version (the person's selection); it becomes `anchored`. */
  'annotations.reattach': method(
    z.object({ reviewId: RecordId, annotationId: RecordId, range: SelectedRange }).strict(),
    Annotation,
  ),
  /** A person judged that an annotation's text is gone: it becomes `orphaned` and is no longer highlighted. */
  'annotations.markOrphaned': method(z.object(AnnotationRef).strict(), Annotation),
} as const;
