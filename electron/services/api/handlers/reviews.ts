import type { REVIEW_METHODS } from '../../../../shared/api';
import { setCommittee } from '../../committee/set-committee';
import { summarize } from '../../library/review-library';
import { recordAudit } from '../../reviews/audit';
import { newReviewDocument } from '../../reviews/new-review';
import { damagedRecordInfo, openedReview, removeDamagedRecord, takeOverReviewLock } from '../../reviews/review-file-repairs';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';

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
    'reviews.read': async ({ reviewId }) => {
      const { review, readOnlyReason, damaged } = await library.read(reviewId);
      return { review, file: library.fileFor(reviewId), ...(readOnlyReason ? { readOnlyReason } : {}), damagedRecords: damaged.map(damagedRecordInfo) };
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
      const store = await sessions.writable(reviewId, caller);
      await store.mutate((review) => {
        const before = review.title;
        review.title = title;
        recordAudit(review, ws.actor(), 'reviews.rename', `Renamed the review from “${before}” to “${title}”.`, review.id);
      });
      return summarize(store.review, store.readOnlyReason, store.damagedRecords.length);
    },
    'reviews.delete': async ({ reviewId }, caller) => ({ deleted: true as const, ...(await sessions.exclusive(reviewId, caller, () => library.delete(reviewId))) }),
    'reviews.restoreBackup': ({ reviewId }, caller) => sessions.exclusive(reviewId, caller, () => library.restoreBackup(reviewId)),

    'committee.set': async ({ reviewId, members }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      return store.mutate((review) => setCommittee(review, members, ws.actor()));
    },
  };
}
