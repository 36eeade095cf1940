import { z } from 'zod';
import { Category, Criterion, CriterionId, RecordId } from '../model';
import { method, ReviewRef, SingleLine } from './common';
import { SaveDestination, SavedFile } from './files';

export const CriterionInput = z
  .object({
    category: Category,
    title: SingleLine.trim().min(1, 'A criterion needs a title.').max(200),
    question: z.string().trim().min(1, 'A criterion needs a question.').max(1000),
    guidance: z.string().max(4000),
    reference: z.string().max(500).optional(),
  })
  .strict();
export type CriterionInput = z.infer<typeof CriterionInput>;

export const CategoryInfo = z.object({ id: Category, label: z.string(), description: z.string() });
export const ChecklistView = z.object({
  basedOn: z.string(),
  categories: z.array(CategoryInfo),
  criteria: z.array(Criterion),
});
export type ChecklistView = z.infer<typeof ChecklistView>;

export const CHECKLIST_METHODS = {
  'checklist.get': method(ReviewRef, ChecklistView),
  'checklist.addCriterion': method(z.object({ reviewId: RecordId, criterion: CriterionInput }).strict(), Criterion),
  'checklist.updateCriterion': method(
    z.object({ reviewId: RecordId, criterionId: CriterionId, criterion: CriterionInput }).strict(),
    Criterion,
  ),
  'checklist.removeCriterion': method(
    z.object({ reviewId: RecordId, criterionId: CriterionId }).strict(),
    z.object({ removed: z.literal(true) }),
  ),
  'checklist.reorder': method(
    z.object({ reviewId: RecordId, criterionIds: z.array(CriterionId).max(2000) }).strict(),
    z.array(Criterion),
  ),
  /** The review's checklist as a template file, written where main's save dialog chose or returned as text. */
  'checklist.exportTemplate': method(
    z.object({ reviewId: RecordId, destination: SaveDestination }).strict(),
    SavedFile,
  ),
} as const;
