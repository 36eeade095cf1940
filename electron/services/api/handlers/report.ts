import { MAX_IMPORT_BYTES, type REPORT_METHODS } from '../../../../shared/api';
import { MAX_KEY_FILE_BYTES, readCertificateFile } from '../../identities/certificate';
import { IdentityStore } from '../../identities/identity-store';
import { exportReport } from '../../report/export-report';
import { fileToVerify } from '../../report/file-to-verify';
import { KeptReports, reportRecord, unkeptRecord } from '../../report/kept-reports';
import { printWithChromium } from '../../report/print-with-chromium';
import { deliverFile } from '../../files/deliver-file';
import { signKeptReport } from '../../report/sign-kept-report';
import { signReportFile } from '../../report/sign-report-file';
import { verifyReport } from '../../signing/verify-report';
import { readImportSource } from '../../files/read-source';
import type { WorkstationServices } from '../workstation-services';
import type { HandlersFor } from '../dispatch';
import { sha256Hex } from '../../storage/on-demand-crypto';

/** Reports: export, list, save, sign (kept or any report file), verify. */
export function reportHandlers(ws: WorkstationServices): HandlersFor<typeof REPORT_METHODS> {
  const { sessions } = ws;
  const identities = new IdentityStore(ws.dataDir, ws.clock);
  const anchors = async (given: Uint8Array[]) => ({
    identities: await identities.identityCertificates(),
    trusted: await identities.trustedCertificates(),
    given,
  });
  return {
    'report.export': async ({ reviewId, format, destination, versionId, requestId }, caller) => {
      // A window that only views the review (another one edits it) still gets the report; only the editor keeps it.
      const { store, readOnlyReason } = await sessions.open(reviewId, caller);
      const actor = ws.actor();
      const { rendered, sha256, exportedAt, kept } = await exportReport(store, format, {
        actor,
        clock: ws.clock,
        printPdf: ws.printPdf ?? printWithChromium,
        versionId,
        keep: readOnlyReason === undefined,
        startProcess: ws.startServiceProcess,
        ...(requestId
          ? { progress: (step, steps, doing) => ws.emit({ type: 'report.progress', requestId, step, steps, doing }) }
          : {}),
      });
      const report = kept
        ? reportRecord(kept, store.review)
        : unkeptRecord(rendered, sha256, { at: exportedAt, by: actor });
      const delivered = await deliverFile(
        destination,
        { fileName: report.fileName, bytes: rendered.bytes, binary: format === 'pdf' },
        ws.chosenSavePaths.takerFor('report', caller),
      );
      return { ...delivered, sha256, report };
    },
    'report.list': async ({ reviewId }, caller) => {
      const { store } = await sessions.open(reviewId, caller);
      return (await new KeptReports(store.file).list()).map((entry) => reportRecord(entry, store.review));
    },
    'report.save': async ({ reviewId, reportFile, destination }, caller) => {
      const { store } = await sessions.open(reviewId, caller);
      const file = await new KeptReports(store.file).readFile(reportFile);
      return {
        ...(await deliverFile(destination, file, ws.chosenSavePaths.takerFor('report', caller))),
        sha256: sha256Hex(file.bytes),
      };
    },
    'report.sign': async ({ reviewId, reportFile, identityId, passphrase, meaning }, caller) => {
      const store = await sessions.writable(reviewId, caller);
      const { signOff, entry } = await signKeptReport(
        store,
        identities,
        {
          reportFile,
          identityId,
          passphrase,
          meaning,
        },
        ws.clock,
      );
      return { signOff, report: reportRecord(entry, store.review) };
    },
    'report.signFile': async ({ source, destination, identityId, passphrase, meaning }, caller) => {
      const file = await readImportSource(source, ws.chosenFiles.takerFor('report-to-sign', caller), MAX_IMPORT_BYTES);
      return signReportFile(
        file,
        { identityId, passphrase, meaning, destination },
        {
          library: ws.library,
          identities,
          openForSignOff: (reviewId) => sessions.writable(reviewId, caller),
          takeSavePath: ws.chosenSavePaths.takerFor('report', caller),
          clock: ws.clock,
        },
      );
    },
    'report.verify': async ({ source, signatures, trust = [] }, caller) => {
      const file = await fileToVerify(source, signatures, ws.chosenFiles.takerFor('report-to-verify', caller));
      const given: Uint8Array[] = [];
      for (const certificate of trust) {
        given.push(
          ...readCertificateFile(
            (await readImportSource(certificate, ws.chosenFiles.takerFor('certificate', caller), MAX_KEY_FILE_BYTES))
              .bytes,
          ),
        );
      }
      return verifyReport(file, await anchors(given));
    },
  };
}
