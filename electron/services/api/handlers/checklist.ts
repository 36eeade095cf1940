import type { CHECKLIST_METHODS } from '../../../../shared/api';
import { CATEGORY_INFO } from '../../../../shared/checklist';
import { templateFromReview } from '../../../../shared/domain/checklist/checklist-template';
import { reorderCriteria } from '../../../../shared/domain/checklist/criteria-order';
import { addCriterion, removeCriterion, updateCriterion } from '../../../../shared/domain/checklist/edit-checklist';
import { deliverFile } from '../../files/deliver-file';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** A review’s checklist of criteria: edited, reordered, and saved as a template. */
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
    'checklist.addCriterion': ({ reviewId, criterion }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => addCriterion(review, criterion, actor, clock)),
    'checklist.updateCriterion': ({ reviewId, criterionId, criterion }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        updateCriterion(review, criterionId, criterion, actor, clock),
      ),
    'checklist.removeCriterion': async ({ reviewId, criterionId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        removeCriterion(review, criterionId, actor, clock),
      );
      return { removed: true as const };
    },
    'checklist.reorder': ({ reviewId, criterionIds }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => reorderCriteria(review, criterionIds, actor, clock)),
    'checklist.exportTemplate': async ({ reviewId, destination }, caller) => {
      const { fileName, content } = templateFromReview((await sessions.open(reviewId, caller)).store.review, ws.clock);
      const file = { fileName, bytes: new TextEncoder().encode(content), binary: false };
      return deliverFile(destination, file, ws.chosenSavePaths.takerFor('checklist-template', caller));
    },
  };
}
