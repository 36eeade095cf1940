import { CATEGORY_INFO } from '../../../shared/checklist';
import { AppError } from '../../../shared/errors';
import { addCriterion, removeCriterion, updateCriterion } from '../checklist/edit-checklist';
import { setCommittee } from '../committee/set-committee';
import { summarize } from '../library/review-library';
import { recordAudit } from '../reviews/audit';
import { newReviewDocument } from '../reviews/new-review';
import { DEFAULT_IMPORT_LIMITS } from '../import/types';
import { deleteVersion, reorderVersions, updateVersion } from '../versions/edit-versions';
import { readImportSource } from '../versions/import-source';
import { importVersion } from '../versions/import-version';
import { liveVersion, liveVersions, summarizeVersion } from '../versions/version-summary';
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

    'files.choose': async ({ purpose }) => {
      if (!ws.chooseFiles) {
        throw new AppError('E_UNSUPPORTED', 'This window cannot open a file dialog. Drop the files on the window, or use “Choose files…”.');
      }
      return ws.chosenFiles.remember(await ws.chooseFiles(purpose));
    },
    'versions.import': async ({ reviewId, source, label, requestId }) => {
      const store = await library.openReview(reviewId);
      const limits = ws.importLimits ?? DEFAULT_IMPORT_LIMITS;
      const file = await readImportSource(source, ws.chosenFiles, limits.maxInputBytes);
      const progress = requestId
        ? (stage: 'reading' | 'parsing' | 'saving', done?: number, total?: number) =>
            ws.emit({ type: 'import.progress', requestId, fileName: file.fileName, stage, ...(done !== undefined ? { done } : {}), ...(total !== undefined ? { total } : {}) })
        : undefined;
      const { version, warnings } = await importVersion(store, { ...file, label }, { actor: ws.actor(), limits, ...(progress ? { progress } : {}) });
      return { version: summarizeVersion(version), warnings };
    },
    'versions.list': async ({ reviewId }) => liveVersions((await library.openReview(reviewId)).review).map(summarizeVersion),
    'versions.get': async ({ reviewId, versionId }) => liveVersion((await library.openReview(reviewId)).review, versionId),
    'versions.update': async ({ reviewId, versionId, label, effectiveDate }) => {
      const store = await library.openReview(reviewId);
      await store.mutate((review) => updateVersion(review, versionId, { label, effectiveDate }, ws.actor()));
      return summarizeVersion(liveVersion(store.review, versionId));
    },
    'versions.delete': async ({ reviewId, versionId }) => {
      const store = await library.openReview(reviewId);
      const annotationsRemoved = await store.mutate((review) => deleteVersion(review, versionId, ws.actor()));
      return { deleted: true as const, annotationsRemoved };
    },
    'versions.reorder': async ({ reviewId, versionIds }) => {
      const store = await library.openReview(reviewId);
      await store.mutate((review) => reorderVersions(review, versionIds, ws.actor()));
      return liveVersions(store.review).map(summarizeVersion);
    },
  };
}

