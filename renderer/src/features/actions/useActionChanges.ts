import { useMemo } from 'react';
import type { ActionStatus } from '../../../../shared/model';
import { callInReview } from '../../api';
import { useFeedback, useReviewData } from '../workspace';
import type { ActionInput } from './ActionForm';

/**
 * Adding, changing and deleting corrective actions; each change reloads the version's assessments (which carry
 * the actions) and calls `onChanged`, so the action plan can ask again.
 */
export function useActionChanges(onChanged: () => void) {
  const { reviewId, assessments } = useReviewData();
  const { announce } = useFeedback();
  return useMemo(
    () => ({
      async add(versionId: string, criterionId: string, input: ActionInput) {
        await callInReview(reviewId, 'actions.add', { reviewId, versionId, criterionId, ...input });
        await assessments.reload(versionId);
        onChanged();
        announce('Action added to the action plan.');
      },
      async update(versionId: string, actionId: string, changes: Partial<ActionInput> & { status?: ActionStatus }) {
        await callInReview(reviewId, 'actions.update', { reviewId, actionId, ...changes });
        await assessments.reload(versionId);
        onChanged();
        announce(
          changes.status === 'done'
            ? 'Action marked done.'
            : changes.status === 'open'
              ? 'Action open again.'
              : 'Action saved.',
        );
      },
      async remove(versionId: string, actionId: string) {
        await callInReview(reviewId, 'actions.delete', { reviewId, actionId });
        await assessments.reload(versionId);
        onChanged();
        announce('Action deleted.');
      },
    }),
    [reviewId, assessments, announce, onChanged],
  );
}
