import type { CHECKLIST_METHODS } from '../../../../shared/api';
import { CATEGORY_INFO } from '../../../../shared/checklist';
import { addCriterion, removeCriterion, updateCriterion } from '../../../../shared/domain/checklist/edit-checklist';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** A review’s checklist of criteria. */
export function checklistHandlers(ws: WorkstationServices): HandlersFor<typeof CHECKLIST_METHODS> {
  const { sessions } = ws;
  return {
    'checklist.get': async ({ reviewId }, caller) => {
      const { review } = (await sessions.open(reviewId, caller)).store;
      return {
        basedOn: review.checklist.basedOn,
        categories: [...CATEGORY_INFO],
        criteria: review.checklist.criteria.filter((c) => !c.deletedAt),
      };
    },
    'checklist.addCriterion': ({ reviewId, criterion }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => addCriterion(review, criterion, actor)),
    'checklist.updateCriterion': ({ reviewId, criterionId, criterion }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => updateCriterion(review, criterionId, criterion, actor)),
    'checklist.removeCriterion': async ({ reviewId, criterionId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor) => removeCriterion(review, criterionId, actor));
      return { removed: true as const };
    },
  };
}
