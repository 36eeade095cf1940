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
    'assessments.list': async ({ reviewId, versionId }, caller) =>
      listAssessments((await sessions.open(reviewId, caller)).store.review, versionId),
    'assessments.set': ({ reviewId, ...input }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        assessmentView(setAssessment(review, input, actor, clock)),
      ),
    'actions.add': ({ reviewId, ...input }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => addAction(review, input, actor, clock)),
    'actions.update': ({ reviewId, actionId, ...changes }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        updateAction(review, actionId, changes, actor, clock),
      ),
    'actions.delete': async ({ reviewId, actionId }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor, clock) => deleteAction(review, actionId, actor, clock));
      return { deleted: true as const };
    },
    'actions.plan': async ({ reviewId }, caller) =>
      actionPlan((await sessions.open(reviewId, caller)).store.review, ws.clock),
  };
}
