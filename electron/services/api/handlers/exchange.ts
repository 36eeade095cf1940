import type { EXCHANGE_METHODS } from '../../../../shared/api';
import type { MergeWriter } from '../../../../shared/domain/merge/mergeable-review';
import { titleSlug } from '../../../../shared/domain/title-slug';
import { AppError } from '../../../../shared/errors';
import { signingProblemNow } from '../../identities/certificate-use';
import { IdentityStore } from '../../identities/identity-store';
import { deliverFile } from '../../files/deliver-file';
import { readImportSource } from '../../files/read-source';
import {
  addPackagedReview,
  exportPackage,
  mergePackage,
  resolveReviewConflict,
  reviewConflicts,
} from '../../exchange/exchange-review';
import { packageProgress, type PackageProgress } from '../../exchange/package-progress';
import { MAX_PACKAGE_BYTES, PACKAGE_EXTENSION, readPackage, type PackageSigner } from '../../exchange/review-package';
import { APP_NAME } from '../../workstation/data-dir';
import { APP_VERSION } from '../../workstation/app-version';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';
import { sha256Hex } from '../../storage/on-demand-crypto';

/** Review packages between laptops: export, open, merge; and the conflicts merging leaves for people to decide. */
export function exchangeHandlers(ws: WorkstationServices): HandlersFor<typeof EXCHANGE_METHODS> {
  const identities = new IdentityStore(ws.dataDir, ws.clock);
  const writer = async (): Promise<MergeWriter> => ({ author: ws.actor(), at: ws.clock.now() });
  const anchors = async () => ({
    identities: await identities.identityCertificates(),
    trusted: await identities.trustedCertificates(),
    given: [],
  });
  const progressOf = (requestId: string | undefined) =>
    requestId
      ? packageProgress((step, steps, doing) => ws.emit({ type: 'package.progress', requestId, step, steps, doing }))
      : undefined;
  const openedPackage = async (
    source: Parameters<typeof readImportSource>[0],
    caller: { windowId: string },
    progress?: PackageProgress,
  ) => {
    progress?.('reading');
    const file = await readImportSource(source, ws.chosenFiles.takerFor('review-package', caller), MAX_PACKAGE_BYTES);
    return readPackage(file.bytes, file.fileName, await anchors());
  };

  return {
    'packages.export': async ({ reviewId, destination, identityId, passphrase }, caller) => {
      const store = await ws.sessions.writable(reviewId, caller);
      let signer: PackageSigner | undefined;
      if (identityId !== undefined && passphrase !== undefined) {
        const identity = await identities.unlock(identityId, passphrase);
        const signedAt = new Date(ws.clock.now());
        const obstacle = signingProblemNow(identity.signer.name, identity.certificate, signedAt);
        if (obstacle) throw new AppError('E_INVALID_INPUT', `No package was written: ${obstacle}`);
        signer = { signer: identity.signer, key: identity, signedAt };
      }
      const bytes = await exportPackage(store, await writer(), `${APP_NAME} ${APP_VERSION}`, signer, {
        startProcess: ws.startServiceProcess,
        // The history loaded while the person chose where to save the package (history.prepare), if it was.
        prepared: ws.spareMergeEngine.take(store.file),
      });
      const fileName = `${titleSlug(store.review.title)}-${ws.clock.now().slice(0, 10)}${PACKAGE_EXTENSION}`;
      const delivered = await deliverFile(
        destination,
        { fileName, bytes, binary: true },
        ws.chosenSavePaths.takerFor('review-package', caller),
      );
      return {
        ...delivered,
        bytes: bytes.length,
        sha256: sha256Hex(bytes),
        ...(signer ? { signedBy: signer.signer.name } : {}),
      };
    },
    'packages.open': async ({ source, requestId }, caller) => {
      const progress = progressOf(requestId);
      const opened = await openedPackage(source, caller, progress);
      const { review, sender } = opened;
      if (!(await ws.library.summary(review.id))) {
        await addPackagedReview(ws.library, opened, { progress });
        return { reviewId: review.id, title: review.title, merged: false, sender };
      }
      const counts = await mergePackage(
        await ws.sessions.writable(review.id, caller),
        opened,
        await writer(),
        ws.clock,
        { startProcess: ws.startServiceProcess, progress },
      );
      return { reviewId: review.id, title: review.title, merged: true, counts, sender };
    },
    'history.prepare': async ({ reviewId }, caller) => {
      const store = await ws.sessions.writable(reviewId, caller);
      return { held: await ws.spareMergeEngine.prepare(store.file, store.review, await writer()) };
    },
    'history.release': async ({ reviewId }) => {
      // Asked by file, as history.prepare held it, without opening the review: a cancel never costs an opening.
      return { ended: ws.spareMergeEngine.endFor(ws.library.fileFor(reviewId)) };
    },
    'packages.merge': async ({ reviewId, source, requestId }, caller) => {
      const store = await ws.sessions.writable(reviewId, caller);
      const progress = progressOf(requestId);
      const opened = await openedPackage(source, caller, progress).catch((error: unknown) => {
        ws.spareMergeEngine.dispose();
        throw error;
      });
      // The engine that loaded the history while the package was chosen, if any. (Started only now, to load it
      // while the package is read, it made the merge slower: the two compete for the cores and the review is sent twice.)
      const counts = await mergePackage(store, opened, await writer(), ws.clock, {
        startProcess: ws.startServiceProcess,
        prepared: ws.spareMergeEngine.take(store.file),
        progress,
      });
      return { counts, sender: opened.sender };
    },
    'conflicts.list': async ({ reviewId }, caller) => {
      const { store } = await ws.sessions.open(reviewId, caller);
      return reviewConflicts(store, { startProcess: ws.startServiceProcess });
    },
    'conflicts.resolve': async ({ reviewId, conflictId, keep }, caller) => {
      const store = await ws.sessions.writable(reviewId, caller);
      return resolveReviewConflict(store, conflictId, keep, await writer(), ws.clock, {
        startProcess: ws.startServiceProcess,
        // The history loaded while the person read the conflict (history.prepare), if it was.
        prepared: ws.spareMergeEngine.take(store.file),
      });
    },
  };
}
