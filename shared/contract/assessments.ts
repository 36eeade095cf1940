import { z } from 'zod';
import { Action, ActionStatus, Assessment, CalendarDate, Category, CriterionId, RecordId, Verdict } from '../model';
import { method } from './common';

const ActionDescription = z
  .string()
  .trim()
  .min(1, 'Describe the action needed.')
  .max(2000, 'An action has at most 2,000 characters.');

/** One line of the action plan: an open or done action with what it is about and who owns it. */
export const ActionPlanEntry = z.object({
  action: Action,
  versionId: RecordId,
  criterionId: CriterionId,
  criterionTitle: z.string(),
  category: Category,
  ownerName: z.string(),
  /** Open and due before today (the computer's local date). */
  overdue: z.boolean(),
});
export type ActionPlanEntry = z.infer<typeof ActionPlanEntry>;

export const ASSESSMENT_METHODS = {
  'assessments.list': method(z.object({ reviewId: RecordId, versionId: RecordId }).strict(), z.array(Assessment)),
  /** The verdict on one criterion for one version, with its rationale and supporting annotations. */
  'assessments.set': method(
    z
      .object({
        reviewId: RecordId,
        versionId: RecordId,
        criterionId: CriterionId,
        verdict: Verdict,
        rationale: z.string().max(10_000, 'A rationale has at most 10,000 characters.'),
        annotationIds: z.array(RecordId).max(500),
      })
      .strict(),
    Assessment,
  ),
  'actions.add': method(
    z
      .object({
        reviewId: RecordId,
        versionId: RecordId,
        criterionId: CriterionId,
        description: ActionDescription,
        ownerId: RecordId,
        dueDate: CalendarDate,
      })
      .strict(),
    Action,
  ),
  'actions.update': method(
    z
      .object({
        reviewId: RecordId,
        actionId: RecordId,
        description: ActionDescription.optional(),
        ownerId: RecordId.optional(),
        dueDate: CalendarDate.optional(),
        status: ActionStatus.optional(),
      })
      .strict(),
    Action,
  ),
  'actions.delete': method(
    z.object({ reviewId: RecordId, actionId: RecordId }).strict(),
    z.object({ deleted: z.literal(true) }),
  ),
  /** Every live action of the review, by criterion, owner and due date. */
  'actions.plan': method(z.object({ reviewId: RecordId }).strict(), z.array(ActionPlanEntry)),
} as const;
