import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { SignOff, type Author, type Review } from '../../../shared/model';
import { signingProblemNow } from '../identities/certificate-use';
import type { UnlockedIdentity } from '../identities/identity-store';
import type { Clock } from '../../../shared/domain/clock';
import { recordAudit } from '../../../shared/domain/reviews/audit';
import type { ReviewStore } from '../storage/review-store';
import { signJsonReport, verifyJsonReport } from './json-signature';
import { findPdfSignatures, unsignedPdfSha256 } from './pdf-signatures';
import { signPdf } from './sign-pdf';
import { NO_TRUST } from './trust';
import { verifyPdfSignatures } from './verify-pdf';
import { signedFileKind } from './verify-report';
import { sha256Hex } from '../storage/on-demand-crypto';

export interface SignedReport {
  kind: 'pdf' | 'json';
  /** The signed PDF (for a PDF). */
  pdf?: Uint8Array;
  /** The new text of the signatures file (for a JSON report). */
  signatures?: string;
  /** SHA-256 of the report as it was before anyone signed it: what the sign-off names. */
  reportSha256: string;
  signedAt: Date;
}

/**
 * Signs a report's bytes with an unlocked identity: a PDF gets one more embedded PAdES signature, a JSON report one
 * more detached JWS in its signatures file. An identity whose certificate does not allow signing at `signedAt`
 * (expired, not yet valid, or not for signing) is refused, since every reader's check would reject what it signs.
 * Nothing is written here; the caller writes the result.
 */
export async function signReportBytes(
  input: { fileName: string; bytes: Uint8Array; signatures?: string | undefined },
  identity: UnlockedIdentity,
  meaning: string,
  signedAt = new Date(),
): Promise<SignedReport> {
  const obstacle = signingProblemNow(identity.signer.name, identity.certificate, signedAt);
  if (obstacle) throw new AppError('E_INVALID_INPUT', `Nothing was signed: ${obstacle}`);
  const kind = signedFileKind(input.bytes);
  await refuseIfChangedSinceSigned(input, kind);
  const request = { signer: identity.signer, key: identity, meaning, signedAt };
  if (kind === 'pdf')
    return { kind, pdf: await signPdf(input.bytes, request), reportSha256: unsignedPdfSha256(input.bytes), signedAt };
  if (kind === 'json') {
    const signatures = await signJsonReport(input.bytes, input.signatures, request);
    return { kind, signatures, reportSha256: sha256Hex(input.bytes), signedAt };
  }
  throw new AppError(
    'E_UNSUPPORTED',
    `“${input.fileName}” is neither a PDF nor a JSON report; only those can be signed.`,
  );
}

/**
 * A report whose earlier signatures no longer hold (its signed bytes changed, or something beyond signing was
 * changed after a signature) is not signed again: the new signature would put one more name to what the earlier
 * signers never saw, and the sign-off would land in the review as if the report were theirs. Who the earlier
 * signers are, and whether they are trusted, is the reader's business, not a reason to refuse.
 */
async function refuseIfChangedSinceSigned(
  input: { bytes: Uint8Array; signatures?: string | undefined },
  kind: 'pdf' | 'json' | undefined,
): Promise<void> {
  let checks;
  if (kind === 'pdf' && findPdfSignatures(input.bytes).length > 0)
    checks = (await verifyPdfSignatures(input.bytes, NO_TRUST)).signatures;
  else if (kind === 'json' && input.signatures !== undefined)
    checks = await verifyJsonReport(input.bytes, input.signatures, NO_TRUST);
  const broken = (checks ?? []).flatMap((check) =>
    check.changesAfter?.length
      ? check.changesAfter
      : check.intact
        ? []
        : [`${check.signer}’s signature does not match the file (${check.problem ?? 'its signed bytes changed'}).`],
  );
  if (broken.length === 0) return;
  throw new AppError(
    'E_CORRUPT',
    `Nothing was signed: this report was changed after it was ` +
      `signed. ${broken.slice(0, 3).join(' ')} Signing it would add your name to a report the ` +
      `earlier signers did not sign. Export the report again from the review and sign that.`,
  );
}

/**
 * Records in the review who signed which report (file name and SHA-256), when, and what it means; and logs it.
 * The sign-off says the signature's own time (`signedAt`); the clock gives its id and the audit entry's time.
 */
export function recordSignOff(
  store: ReviewStore,
  entry: { signer: Author; meaning: string; reportFile: string; reportSha256: string; signedAt: Date },
  clock: Clock,
): Promise<z.infer<typeof SignOff>> {
  return store.mutate((review: Review) => {
    const signOff = SignOff.parse({
      id: clock.newId(),
      signer: entry.signer,
      meaning: entry.meaning,
      reportFile: entry.reportFile,
      reportSha256: entry.reportSha256,
      signedAt: entry.signedAt.toISOString(),
    });
    review.signoffs.push(signOff);
    recordAudit(
      review,
      entry.signer,
      clock,
      'report.sign',
      `Signed the report “${entry.reportFile}” (${entry.meaning}).`,
      signOff.id,
    );
    return signOff;
  });
}
