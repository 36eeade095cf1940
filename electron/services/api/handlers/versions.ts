import type { VERSION_METHODS } from '../../../../shared/api';
import { AppError } from '../../../../shared/errors';
import { ANY_POLICY, spareSetupFor } from '../../import/spare-parser-process';
import { DEFAULT_IMPORT_LIMITS } from '../../import/types';
import { deleteVersion, reorderVersions, updateVersion } from '../../../../shared/domain/versions/edit-versions';
import { readImportSource } from '../../versions/import-source';
import { importVersion } from '../../versions/import-version';
import { liveVersion, liveVersions, summarizeVersion } from '../../../../shared/domain/versions/version-summary';
import type { WorkstationServices } from '../../workstation';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** Policy versions: import, list, edit, delete, reorder. */
export function versionHandlers(ws: WorkstationServices): HandlersFor<typeof VERSION_METHODS> {
  const { sessions } = ws;
  return {
    'files.choose': async ({ purpose }, caller) => {
      // The person is about to pick a file to import: its parsing process starts, and loads the parsers that take
      // longest to load, while they do.
      if (purpose === 'import-version') ws.spareParser.warmUp(ANY_POLICY);
      if (!ws.chooseFiles) {
        throw new AppError('E_UNSUPPORTED', 'This window cannot open a file dialog. Drop the files on the window, or use “Choose files…”.');
      }
      const paths = await ws.chooseFiles(purpose, caller);
      // Nothing chosen, nothing to import: the process need not wait.
      if (purpose === 'import-version' && paths.length === 0) ws.spareParser.dispose();
      return ws.chosenFiles.remember(paths, purpose, caller);
    },
    'versions.prepareImport': async () => {
      ws.spareParser.warmUp(ANY_POLICY);
      return { preparing: true as const };
    },
    'versions.import': async ({ reviewId, source, label, requestId }, caller) => {
      try {
        const store = await sessions.writable(reviewId, caller);
        const limits = ws.importLimits ?? DEFAULT_IMPORT_LIMITS;
        const { fileName, bytes } = await readImportSource(source, ws.chosenFiles.takerFor('import-version', caller), limits.maxInputBytes);
        const file = { fileName, bytes };
        const progress = requestId
          ? (stage: 'reading' | 'parsing' | 'saving', done?: number, total?: number) =>
              ws.emit({ type: 'import.progress', requestId, fileName: file.fileName, stage, ...(done !== undefined ? { done } : {}), ...(total !== undefined ? { total } : {}) })
          : undefined;
        const parsing = { limits, startParserProcess: ws.startParserProcess, spareParser: ws.spareParser };
        const { version, warnings } = await importVersion(store, { ...file, label }, { actor: ws.actor(), ...parsing, ...(progress ? { progress } : {}) });
        return { version: summarizeVersion(version), warnings };
      } finally {
        // More files chosen in the dialog are on their way, one at a time: the next one's process starts now.
        const [next] = ws.chosenFiles.waiting('import-version', caller);
        if (next !== undefined) ws.spareParser.warmUp(spareSetupFor(next));
      }
    },
    'versions.list': async ({ reviewId }, caller) => liveVersions((await sessions.open(reviewId, caller)).store.review).map(summarizeVersion),
    'versions.get': async ({ reviewId, versionId }, caller) => liveVersion((await sessions.open(reviewId, caller)).store.review, versionId),
    'versions.update': ({ reviewId, versionId, label, effectiveDate }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => {
        updateVersion(review, versionId, { label, effectiveDate }, actor);
        return summarizeVersion(liveVersion(review, versionId));
      }),
    'versions.delete': async ({ reviewId, versionId }, caller) => {
      const annotationsRemoved = await mutateReview(ws, reviewId, caller, (review, actor) => deleteVersion(review, versionId, actor));
      return { deleted: true as const, annotationsRemoved };
    },
    'versions.reorder': ({ reviewId, versionIds }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor) => {
        reorderVersions(review, versionIds, actor);
        return liveVersions(review).map(summarizeVersion);
      }),
  };
}
