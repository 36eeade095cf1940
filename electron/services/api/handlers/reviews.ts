import type { REVIEW_METHODS } from '../../../../shared/api';
import { setCommittee } from '../../committee/set-committee';
import { summarize } from '../../library/review-library';
import { recordAudit } from '../../reviews/audit';
import { newReviewDocument } from '../../reviews/new-review';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';

/** The review library, and each review’s title and committee. */
export function reviewHandlers(ws: WorkstationServices): HandlersFor<typeof REVIEW_METHODS> {
  const { library } = ws;
  return {
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
  };
}
