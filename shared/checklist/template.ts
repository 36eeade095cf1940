import { z } from 'zod';
import { Category, Criterion, CriterionId, Timestamp } from '../model';

/** What the `format` field of a checklist template file says, so another JSON file is never taken for one. */
export const TEMPLATE_FORMAT = 'policy-review-checklist';
/** The template format this build writes and reads. Bump it only with a way to read the older one. */
export const TEMPLATE_FORMAT_VERSION = 1;
/** Largest template file read: a checklist of 2,000 long criteria fits well within it. */
export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/** One criterion as a template carries it: what it asks, without the review's own timestamps or origin. */
export const TemplateCriterion = z
  .object({
    id: CriterionId,
    category: Category,
    title: Criterion.shape.title,
    question: Criterion.shape.question,
    guidance: Criterion.shape.guidance,
    reference: Criterion.shape.reference,
  })
  .strict();
export type TemplateCriterion = z.infer<typeof TemplateCriterion>;

/** A category's name and description as the exporting app showed them; informative only. */
export const TemplateCategory = z
  .object({ id: Category, label: z.string().max(200), description: z.string().max(2000) })
  .strict();

/**
 * A checklist template file: a review's checklist saved so that a new review can start from it, on this
 * computer or another. Plain JSON, so other tools can read and write it.
 */
export const ChecklistTemplate = z
  .object({
    format: z.literal(TEMPLATE_FORMAT),
    formatVersion: z.literal(TEMPLATE_FORMAT_VERSION),
    name: z.string().trim().min(1).max(200),
    exportedAt: Timestamp,
    categories: z.array(TemplateCategory).max(100).optional(),
    criteria: z.array(TemplateCriterion).min(1, 'A template needs at least one criterion.').max(2000),
  })
  .strict()
  .superRefine((template, context) => {
    const seen = new Set<string>();
    for (const [index, criterion] of template.criteria.entries()) {
      if (seen.has(criterion.id))
        context.addIssue({
          code: 'custom',
          path: ['criteria', index, 'id'],
          message: `the id “${criterion.id}” is used twice`,
        });
      seen.add(criterion.id);
    }
  });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;
