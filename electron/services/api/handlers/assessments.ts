import type { ASSESSMENT_METHODS } from '../../../../shared/api';
import { actionPlan, addAction, deleteAction, updateAction } from '../../../../shared/domain/assessments/action-plan';
import { assessmentView, listAssessments, setAssessment } from '../../../../shared/domain/assessments/set-assessment';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** Verdicts per criterion and version, and the action plan of corrective actions. */
export function assessmentHandlers(ws: WorkstationServices): HandlersFor<typeof ASSESSMENT_METHODS> {
  const { sessions } = ws;
  return {
    'assessments.list': async ({ reviewId, versionId }, caller) => listAssessments((await sessions.open(reviewId, caller)).store.review, versionId),
    'assessments.set': ({ reviewId, ...input }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => assessmentView(setAssessment(review, input, actor))),
    'actions.add': ({ reviewId, ...input }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => addAction(review, input, actor)),
    'actions.update': ({ reviewId, actionId, ...changes }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => updateAction(review, actionId, changes, actor)),
    'actions.delete': async ({ reviewId, actionId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor) => deleteAction(review, actionId, actor));
      return { deleted: true as const };
    },
    'actions.plan': async ({ reviewId }, caller) => actionPlan((await sessions.open(reviewId, caller)).store.review),
  };
}
