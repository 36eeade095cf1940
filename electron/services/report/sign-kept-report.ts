import type { Clock } from '../../../shared/domain/clock';
import { AppError } from '../../../shared/errors';
import type { IdentityStore } from '../identities/identity-store';
import { recordSignOff, signReportBytes } from '../signing/sign-report';
import type { ReviewStore } from '../storage/review-store';
import { KeptReports } from './kept-reports';
import { sha256Hex } from '../storage/on-demand-crypto';

/**
 * Signs a report kept with the review: unlocks the identity (a wrong passphrase stops here, before anything is
 * written), signs, writes the signed PDF or the JSON report's signatures file in the reports folder, and records
 * the sign-off in the review. The clock says when it was signed (in the signature and the sign-off alike).
 */
export async function signKeptReport(
  store: ReviewStore,
  identities: IdentityStore,
  request: { reportFile: string; identityId: string; passphrase: string; meaning: string },
  clock: Clock,
) {
  if (store.readOnly) throw new AppError('E_READ_ONLY', store.readOnlyReason ?? 'This review is read-only here.');
  const kept = new KeptReports(store.file);
  const { entry, bytes, signatures } = await kept.read(request.reportFile);
  if (entry.format !== 'pdf' && entry.format !== 'json') {
    throw new AppError(
      'E_UNSUPPORTED',
      `A ${entry.format.toUpperCase()} report cannot be signed. Export the report as PDF or JSON to sign it.`,
    );
  }
  if (sha256Hex(bytes) !== entry.currentSha256) {
    throw new AppError(
      'E_CORRUPT',
      `The kept file “${entry.fileName}” was changed outside the app, so it was not signed. Export the report again.`,
    );
  }
  const identity = await identities.unlock(request.identityId, request.passphrase);
  const signed = await signReportBytes(
    { fileName: entry.fileName, bytes, signatures },
    identity,
    request.meaning,
    new Date(clock.now()),
  );
  const updated = signed.pdf
    ? await kept.replaceSignedPdf(entry.fileName, signed.pdf)
    : await kept.writeSignatureFile(entry.fileName, signed.signatures ?? '');
  const signOff = await recordSignOff(
    store,
    {
      signer: identity.signer,
      meaning: request.meaning,
      reportFile: entry.fileName,
      reportSha256: entry.sha256,
      signedAt: signed.signedAt,
    },
    clock,
  );
  return { signOff, entry: updated };
}
