import type { REVIEW_METHODS } from '../../../../shared/api';
import { summarize } from '../../library/review-library';
import { renameReview, setCommittee } from '../../../../shared/domain/reviews/edit-review';
import { newReviewDocument } from '../../../../shared/domain/reviews/new-review';
import { damagedRecordInfo, openedReview, removeDamagedRecord, takeOverReviewLock } from '../../reviews/review-file-repairs';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** The review library, and each review’s title and committee. */
export function reviewHandlers(ws: WorkstationServices): HandlersFor<typeof REVIEW_METHODS> {
  const { library, sessions } = ws;
  return {
    'reviews.list': () => library.list(),
    'reviews.create': async ({ title }) => (await library.create(newReviewDocument(title, ws.actor()))).summary,
    'reviews.open': async ({ reviewId }, caller) => {
      const { store, readOnlyReason } = await sessions.open(reviewId, caller);
      return openedReview(store, readOnlyReason);
    },
    'reviews.takeOverLock': async ({ reviewId, fingerprint }, caller) => {
      const { store, readOnlyReason } = await sessions.reopenAsEditor(reviewId, caller, () => takeOverReviewLock(library, reviewId, fingerprint, ws.actor()));
      return openedReview(store, readOnlyReason);
    },
    'reviews.removeDamagedRecord': async ({ reviewId, where }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      const { backupCreatedAt } = await removeDamagedRecord(store, where, ws.actor());
      return { removed: true as const, backupCreatedAt, damagedRecords: store.damagedRecords.map(damagedRecordInfo) };
    },
    'reviews.close': async ({ reviewId }, caller) => ({ closed: await sessions.close(reviewId, caller) }),
    'reviews.rename': async ({ reviewId, title }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor) => renameReview(review, title, actor));
      const { store } = await sessions.open(reviewId, caller);
      return summarize(store.review, store.readOnlyReason, store.damagedRecords.length);
    },
    'reviews.delete': async ({ reviewId }, caller) => ({ deleted: true as const, ...(await sessions.exclusive(reviewId, caller, () => library.delete(reviewId))) }),
    'reviews.restoreBackup': ({ reviewId }, caller) => sessions.exclusive(reviewId, caller, () => library.restoreBackup(reviewId)),

    'committee.set': ({ reviewId, members }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => setCommittee(review, members, actor)),
  };
}
