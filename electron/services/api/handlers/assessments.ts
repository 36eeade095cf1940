import type { ASSESSMENT_METHODS } from '../../../../shared/api';
import { actionPlan, addAction, deleteAction, updateAction } from '../../assessments/action-plan';
import { assessmentView, listAssessments, setAssessment } from '../../assessments/set-assessment';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';

/** Verdicts per criterion and version, and the action plan of corrective actions. */
export function assessmentHandlers(ws: WorkstationServices): HandlersFor<typeof ASSESSMENT_METHODS> {
  const { sessions } = ws;
  return {
    'assessments.list': async ({ reviewId, versionId }, caller) => listAssessments((await sessions.open(reviewId, caller)).store.review, versionId),
    'assessments.set': async ({ reviewId, ...input }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => assessmentView(setAssessment(review, input, ws.actor())));
    },
    'actions.add': async ({ reviewId, ...input }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(addAction(review, input, ws.actor())));
    },
    'actions.update': async ({ reviewId, actionId, ...changes }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => structuredClone(updateAction(review, actionId, changes, ws.actor())));
    },
    'actions.delete': async ({ reviewId, actionId }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      await store.mutate((review) => deleteAction(review, actionId, ws.actor()));
      return { deleted: true as const };
    },
    'actions.plan': async ({ reviewId }, caller) => actionPlan((await sessions.open(reviewId, caller)).store.review),
  };
}
