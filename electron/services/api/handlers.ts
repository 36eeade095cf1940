import { CATEGORY_INFO } from '../../../shared/checklist';
import { addCriterion, removeCriterion, updateCriterion } from '../checklist/edit-checklist';
import { setCommittee } from '../committee/set-committee';
import { summarize } from '../library/review-library';
import { recordAudit } from '../reviews/audit';
import { newReviewDocument } from '../reviews/new-review';
import type { WorkstationServices } from '../workstation';
import type { ApiHandlers } from './dispatch';

/** Binds every contract method to the services. Arguments arrive validated; results follow the contract. */
export function createApiHandlers(ws: WorkstationServices): ApiHandlers {
  const { library, settings } = ws;
  return {
    'app.info': async () => ws.info(),
    'settings.get': async () => settings.settings,
    'settings.set': async ({ user }) => settings.update({ ...settings.settings, user }),

    'reviews.list': () => library.list(),
    'reviews.create': async ({ title }) => (await library.create(newReviewDocument(title, ws.actor()))).summary,
    'reviews.open': async ({ reviewId }) => {
      const store = await library.openReview(reviewId);
      return { review: store.review, file: store.file, readOnly: store.readOnly, ...(store.readOnlyReason ? { readOnlyReason: store.readOnlyReason } : {}) };
    },
    'reviews.close': async ({ reviewId }) => ({ closed: await library.closeReview(reviewId) }),
    'reviews.rename': async ({ reviewId, title }) => {
      const store = await library.openReview(reviewId);
      await store.mutate((review) => {
        const before = review.title;
        review.title = title;
        recordAudit(review, ws.actor(), 'reviews.rename', `Renamed the review from “${before}” to “${title}”.`, review.id);
      });
      return summarize(store.review, store.readOnlyReason);
    },
    'reviews.delete': async ({ reviewId }) => ({ deleted: true as const, ...(await library.delete(reviewId)) }),
    'reviews.restoreBackup': ({ reviewId }) => library.restoreBackup(reviewId),

    'committee.set': async ({ reviewId, members }) => {
      const store = await library.openReview(reviewId);
      return store.mutate((review) => setCommittee(review, members, ws.actor()));
    },

    'checklist.get': async ({ reviewId }) => {
      const { review } = await library.openReview(reviewId);
      return {
        basedOn: review.checklist.basedOn,
        categories: [...CATEGORY_INFO],
        criteria: review.checklist.criteria.filter((c) => !c.deletedAt),
      };
    },
    'checklist.addCriterion': async ({ reviewId, criterion }) => {
      const store = await library.openReview(reviewId);
      return store.mutate((review) => addCriterion(review, criterion, ws.actor()));
    },
    'checklist.updateCriterion': async ({ reviewId, criterionId, criterion }) => {
      const store = await library.openReview(reviewId);
      return store.mutate((review) => updateCriterion(review, criterionId, criterion, ws.actor()));
    },
    'checklist.removeCriterion': async ({ reviewId, criterionId }) => {
      const store = await library.openReview(reviewId);
      await store.mutate((review) => removeCriterion(review, criterionId, ws.actor()));
      return { removed: true as const };
    },
  };
}

