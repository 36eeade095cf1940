import type { WORKSPACE_METHODS } from '../../../../shared/api';
import { AppError } from '../../../../shared/errors';
import type { ReviewDrafts } from '../../drafts/review-drafts';
import { writeFileDurably } from '../../storage/durable-write';
import { isNodeError } from '../../storage/json-file-adapter';
import { readTemplateFile, reviewFromTemplate, templateFromReview } from '../../../../shared/domain/checklist/checklist-template';
import { reorderCriteria } from '../../../../shared/domain/checklist/criteria-order';
import { readTemplateSource } from '../../templates/template-source';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** What the review workspace needs beside the review itself: drafts, the audit log, checklist order and templates. */
export function workspaceHandlers(ws: WorkstationServices, drafts: ReviewDrafts): HandlersFor<typeof WORKSPACE_METHODS> {
  const { sessions } = ws;
  return {
    'drafts.get': async ({ reviewId }, caller) => {
      await sessions.open(reviewId, caller);
      return drafts.get(reviewId);
    },
    'drafts.set': async ({ reviewId, key, value }, caller) => {
      // Only the window (and process) that edits a review keeps drafts for it, so two never write the same file.
      await sessions.writable(reviewId, caller);
      await drafts.set(reviewId, key, value);
      return { saved: true as const };
    },

    'audit.list': async ({ reviewId, limit }, caller) => {
      const { audit } = (await sessions.open(reviewId, caller)).store.review;
      const newestFirst = audit.map((entry, index) => ({ entry, index })).sort((a, b) => b.entry.at.localeCompare(a.entry.at) || b.index - a.index);
      return structuredClone(newestFirst.slice(0, limit ?? newestFirst.length).map(({ entry }) => entry));
    },

    'checklist.reorder': ({ reviewId, criterionIds }, caller) => mutateReview(ws, reviewId, caller, (review, actor) => reorderCriteria(review, criterionIds, actor)),
    'checklist.exportTemplate': async ({ reviewId, destination }, caller) => {
      const { review } = (await sessions.open(reviewId, caller)).store;
      const { fileName, content } = templateFromReview(review);
      if (destination.kind === 'return') return { fileName, saved: false, content };
      const chosen = ws.chosenSavePaths.takerFor('checklist-template', caller)(destination.token);
      await writeFileDurably(chosen.path, content).catch((error: unknown) => {
        if (isNodeError(error, 'ENOENT')) throw new AppError('E_NOT_FOUND', `“${chosen.fileName}” could not be saved: its folder no longer exists. Choose where to save it again.`);
        if (isNodeError(error, 'EACCES') || isNodeError(error, 'EPERM') || isNodeError(error, 'EROFS')) {
          throw new AppError('E_FORBIDDEN', `“${chosen.fileName}” could not be saved: this app may not write in that folder. Choose another folder.`);
        }
        throw error;
      });
      return { fileName: chosen.fileName, saved: true };
    },
    'reviews.createFromTemplate': async ({ title, source }, caller) => {
      const file = await readTemplateSource(source, ws.chosenFiles.takerFor('checklist-template', caller));
      const template = readTemplateFile(file.fileName, file.bytes);
      return (await ws.library.create(reviewFromTemplate(title, file.fileName, template, ws.actor()))).summary;
    },
    'files.chooseSave': async ({ purpose, suggestedName }, caller) => {
      if (!ws.chooseSaveFile) {
        throw new AppError('E_UNSUPPORTED', 'This window cannot open a save dialog. Save the file from the page instead.');
      }
      const path = await ws.chooseSaveFile(purpose, suggestedName, caller);
      return path === undefined ? null : ws.chosenSavePaths.remember(path, purpose, caller);
    },
  };
}
