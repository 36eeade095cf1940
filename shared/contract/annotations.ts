import { z } from 'zod';
import { Annotation, AnnotationStatus, CriterionId, RecordId, Reply, RichText, Severity } from '../model';
import { findRichTextShapeProblem } from '../rich-text';
import { method } from './common';

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

const CriterionIds = z.array(CriterionId).min(1, 'Choose at least one criterion.').max(20, 'Choose at most 20 criteria.');
const AnnotationRef = { reviewId: RecordId, annotationId: RecordId };

/** A new annotation of a review: where it points, against which criteria, how severe, and its comment. */
export const NewAnnotation = z.object({ versionId: RecordId, range: SelectedRange, criterionIds: CriterionIds, severity: Severity, body: RichTextInput }).strict();
export type NewAnnotation = z.infer<typeof NewAnnotation>;

export const ANNOTATION_METHODS = {
  /** The live annotations of a review, or of one version. */
  'annotations.list': method(z.object({ reviewId: RecordId, versionId: RecordId.optional() }).strict(), z.array(Annotation)),
  'annotations.add': method(
    NewAnnotation.extend({ reviewId: RecordId }),
    Annotation,
  ),
  'annotations.update': method(
    z.object({ ...AnnotationRef, criterionIds: CriterionIds.optional(), severity: Severity.optional(), body: RichTextInput.optional() }).strict(),
    Annotation,
  ),
  'annotations.setStatus': method(z.object({ ...AnnotationRef, status: AnnotationStatus }).strict(), Annotation),
  /** Leaves a tombstone; `annotations.restore` undoes it. */
  'annotations.delete': method(z.object(AnnotationRef).strict(), z.object({ deleted: z.literal(true) })),
  'annotations.restore': method(z.object(AnnotationRef).strict(), Annotation),
  'annotations.reply': method(z.object({ ...AnnotationRef, body: RichTextInput }).strict(), Reply),
  'annotations.editReply': method(z.object({ ...AnnotationRef, replyId: RecordId, body: RichTextInput }).strict(), Reply),
  'annotations.deleteReply': method(z.object({ ...AnnotationRef, replyId: RecordId }).strict(), z.object({ deleted: z.literal(true) })),
} as const;
