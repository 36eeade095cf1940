import type { CHECKLIST_METHODS } from '../../../../shared/api';
import { CATEGORY_INFO } from '../../../../shared/checklist';
import { addCriterion, removeCriterion, updateCriterion } from '../../checklist/edit-checklist';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';

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
    'checklist.addCriterion': async ({ reviewId, criterion }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => addCriterion(review, criterion, ws.actor()));
    },
    'checklist.updateCriterion': async ({ reviewId, criterionId, criterion }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => updateCriterion(review, criterionId, criterion, ws.actor()));
    },
    'checklist.removeCriterion': async ({ reviewId, criterionId }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      await store.mutate((review) => removeCriterion(review, criterionId, ws.actor()));
      return { removed: true as const };
    },
  };
}
