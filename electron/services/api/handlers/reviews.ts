import type { COMMITTEE_METHODS, REVIEW_METHODS } from '../../../../shared/api';
import { AppError } from '../../../../shared/errors';
import { readTemplateFile, reviewFromTemplate } from '../../../../shared/domain/checklist/checklist-template';
import { summarize } from '../../library/review-library';
import { renameReview, setCommittee } from '../../../../shared/domain/reviews/edit-review';
import { newReviewDocument } from '../../../../shared/domain/reviews/new-review';
import {
  damagedRecordInfo,
  openedReview,
  removeDamagedRecord,
  takeOverReviewLock,
} from '../../library/review-file-repairs';
import type { WorkstationServices } from '../workstation-services';
import { readTemplateSource } from '../../files/template-source';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** The review library: create (blank or from a checklist template), open, rename, repair, delete. */
export function reviewHandlers(ws: WorkstationServices): HandlersFor<typeof REVIEW_METHODS> {
  const { library, sessions } = ws;
  return {
    'reviews.list': () => library.list(),
    'reviews.create': async ({ title }) =>
      (await library.create(newReviewDocument(title, ws.actor(), ws.clock))).summary,
    'reviews.open': async ({ reviewId }, caller) => {
      const { store, readOnlyReason } = await sessions.open(reviewId, caller);
      return openedReview(store, readOnlyReason);
    },
    'reviews.read': async ({ reviewId }) => {
      const { review, readOnlyReason, damaged } = await library.read(reviewId);
      return {
        review,
        file: library.fileFor(reviewId),
        ...(readOnlyReason ? { readOnlyReason } : {}),
        damagedRecords: damaged.map(damagedRecordInfo),
      };
    },
    'reviews.takeOverLock': async ({ reviewId, fingerprint }, caller) => {
      const { store, readOnlyReason } = await sessions.reopenAsEditor(reviewId, caller, () =>
        takeOverReviewLock(library, reviewId, fingerprint, ws.actor(), ws.clock),
      );
      return openedReview(store, readOnlyReason);
    },
    'reviews.removeDamagedRecord': async ({ reviewId, where }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      const { backupCreatedAt } = await removeDamagedRecord(store, where, ws.actor(), ws.clock);
      return { removed: true as const, backupCreatedAt, damagedRecords: store.damagedRecords.map(damagedRecordInfo) };
    },
    'reviews.close': async ({ reviewId }, caller) => ({ closed: await sessions.close(reviewId, caller) }),
    'reviews.rename': async ({ reviewId, title }, caller) => {
      await mutateReview(ws, reviewId, caller, (review, actor, clock) => renameReview(review, title, actor, clock));
      const { store } = await sessions.open(reviewId, caller);
      return summarize(store.review, store.readOnlyReason, store.damagedRecords.length);
    },
    'reviews.delete': async ({ reviewId }, caller) => ({
      deleted: true as const,
      ...(await sessions.exclusive(reviewId, caller, () => library.delete(reviewId))),
    }),
    'reviews.restoreBackup': ({ reviewId }, caller) =>
      sessions.exclusive(reviewId, caller, () => library.restoreBackup(reviewId)),

    'reviews.createFromTemplate': async ({ title, source }, caller) => {
      const file = await readTemplateSource(source, ws.chosenFiles.takerFor('checklist-template', caller));
      const template = readTemplateFile(file.fileName, file.bytes);
      return (await ws.library.create(reviewFromTemplate(title, file.fileName, template, ws.actor(), ws.clock)))
        .summary;
    },
    'reviews.createSample': async ({ requestId }, caller) => {
      if (ws.samplePolicyDir === undefined)
        throw new AppError('E_NOT_FOUND', 'This installation has no sample review. Start a review of your own.');
      // Loaded when asked for: it brings the import with it, which the library's other methods never need.
      const { createSampleReview } = await import('../../sample/sample-review');
      const parsing = {
        limits: ws.importLimits,
        startParserProcess: ws.startServiceProcess,
        spareParser: ws.spareParser,
      };
      return createSampleReview(
        ws.samplePolicyDir,
        { library, sessions, clock: ws.clock, parsing },
        caller,
        requestId
          ? (step, steps, doing) => ws.emit({ type: 'sample.progress', requestId, step, steps, doing })
          : undefined,
      );
    },
  };
}

/** The review's committee. */
export function committeeHandlers(ws: WorkstationServices): HandlersFor<typeof COMMITTEE_METHODS> {
  return {
    'committee.set': ({ reviewId, members }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => setCommittee(review, members, actor, clock)),
  };
}
