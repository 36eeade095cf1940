import type { VERSION_METHODS } from '../../../../shared/api';
import { ANY_POLICY, spareSetupFor } from '../../import/spare-parser-process';
import { DEFAULT_IMPORT_LIMITS } from '../../import/types';
import { deleteVersion, reorderVersions, updateVersion } from '../../../../shared/domain/versions/edit-versions';
import { readImportSource } from '../../files/read-source';
import { importVersion } from '../../import/import-version';
import { liveVersion, liveVersions, summarizeVersion } from '../../../../shared/domain/versions/version-summary';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';
import { mutateReview } from '../mutate-review';

/** Policy versions: import, list, edit, delete, reorder. */
export function versionHandlers(ws: WorkstationServices): HandlersFor<typeof VERSION_METHODS> {
  const { sessions } = ws;
  return {
    'versions.prepareImport': async () => {
      (await ws.spareParser()).warmUp(ANY_POLICY);
      return { preparing: true as const };
    },
    'versions.import': async ({ reviewId, source, label, requestId }, caller) => {
      try {
        const store = await sessions.writable(reviewId, caller);
        const limits = ws.importLimits ?? DEFAULT_IMPORT_LIMITS;
        const { fileName, bytes } = await readImportSource(
          source,
          ws.chosenFiles.takerFor('import-version', caller),
          limits.maxInputBytes,
        );
        const file = { fileName, bytes };
        const progress = requestId
          ? (stage: 'reading' | 'parsing' | 'saving', done?: number, total?: number) =>
              ws.emit({
                type: 'import.progress',
                requestId,
                fileName: file.fileName,
                stage,
                ...(done !== undefined ? { done } : {}),
                ...(total !== undefined ? { total } : {}),
              })
          : undefined;
        const parsing = { limits, startParserProcess: ws.startServiceProcess, spareParser: await ws.spareParser() };
        const { version, warnings } = await importVersion(
          store,
          { ...file, label },
          { actor: ws.actor(), clock: ws.clock, ...parsing, ...(progress ? { progress } : {}) },
        );
        return { version: summarizeVersion(version), warnings };
      } finally {
        // More files chosen in the dialog are on their way, one at a time: the next one's process starts now.
        const [next] = ws.chosenFiles.waiting('import-version', caller);
        if (next !== undefined) (await ws.spareParser()).warmUp(spareSetupFor(next));
      }
    },
    'versions.list': async ({ reviewId }, caller) =>
      liveVersions((await sessions.open(reviewId, caller)).store.review).map(summarizeVersion),
    'versions.get': async ({ reviewId, versionId }, caller) =>
      liveVersion((await sessions.open(reviewId, caller)).store.review, versionId),
    'versions.update': ({ reviewId, versionId, label, effectiveDate }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => {
        updateVersion(review, versionId, { label, effectiveDate }, actor, clock);
        return summarizeVersion(liveVersion(review, versionId));
      }),
    'versions.delete': async ({ reviewId, versionId }, caller) => {
      const annotationsRemoved = await mutateReview(ws, reviewId, caller, (review, actor, clock) =>
        deleteVersion(review, versionId, actor, clock),
      );
      return { deleted: true as const, annotationsRemoved };
    },
    'versions.reorder': ({ reviewId, versionIds }, caller) =>
      mutateReview(ws, reviewId, caller, (review, actor, clock) => {
        reorderVersions(review, versionIds, actor, clock);
        return liveVersions(review).map(summarizeVersion);
      }),
  };
}
