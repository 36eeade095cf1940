import type { SignatureCheck, VerificationResult } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { verifyJsonReport } from './json-signature';
import type { TrustAnchors } from './trust';
import { allSignaturesHold, verifyPdfSignatures } from './verify-pdf';
import { sha256Hex } from '../storage/on-demand-crypto';

export interface FileToVerify {
  fileName: string;
  bytes: Uint8Array;
  /** For a JSON report: the text of its signatures file (`.jws`). */
  signatures?: string;
}

/** What kind of signed file this is: a PDF, or a JSON report (its signatures are in a `.jws` file beside it). */
export function signedFileKind(bytes: Uint8Array): 'pdf' | 'json' | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (/^\s*[{[]/.test(head)) return 'json';
  return undefined;
}

/**
 * Checks a signed report: every signature, who made it, when, whether the signed bytes are intact, whether the
 * last signature covers the whole file, whether each signer's certificate allowed the signature when it claims it
 * was made, and whether each signer is trusted. `valid` asks for all but the last: an untrusted signer is reported,
 * not failed, because trust is the reader's decision.
 */
export async function verifyReport(file: FileToVerify, anchors: TrustAnchors): Promise<VerificationResult> {
  const kind = signedFileKind(file.bytes);
  const sha256 = sha256Hex(file.bytes);
  const base = { fileName: file.fileName, fileBytes: file.bytes.length, sha256 };
  if (kind === 'pdf') {
    const { signatures, unsignedSha256 } = await verifyPdfSignatures(file.bytes, anchors);
    const valid = allSignaturesHold(signatures);
    return {
      ...base,
      kind,
      valid,
      signatures,
      summary: summarize(signatures, valid, 'PDF'),
      ...(unsignedSha256 ? { unsignedSha256 } : {}),
    };
  }
  if (kind === 'json') {
    if (file.signatures === undefined) {
      throw new AppError(
        'E_INVALID_INPUT',
        `The signatures of a JSON report are in a file beside it (${file.fileName}.jws). Give that file too.`,
      );
    }
    const signatures = await verifyJsonReport(file.bytes, file.signatures, anchors);
    const valid = signaturesHold(signatures);
    return { ...base, kind, valid, signatures, summary: summarize(signatures, valid, 'report') };
  }
  throw new AppError(
    'E_UNSUPPORTED',
    `“${file.fileName}” is neither a PDF nor a JSON report, so it has no signatures this app can check.`,
  );
}

/** There are signatures, each intact and made with a certificate that allowed it. */
function signaturesHold(signatures: SignatureCheck[]): boolean {
  return signatures.length > 0 && signatures.every((s) => s.intact && !s.certificateProblems);
}

function summarize(signatures: SignatureCheck[], valid: boolean, what: string): string {
  if (signatures.length === 0) return `This ${what} has no signatures.`;
  const names = signatures.map((s) => s.signer).join(', ');
  const count = signatures.length === 1 ? 'one signature' : `${signatures.length} signatures`;
  if (!valid) {
    const broken = signatures.filter((s) => !s.intact).length;
    if (broken)
      return `Not valid: ${broken} of ${signatures.length} signatures do not match the file. It was changed after signing, or a signature is damaged.`;
    const changes = signatures.flatMap((s) => s.changesAfter ?? []);
    if (changes.length)
      return (
        `Not valid: the file was changed after it was ` +
        `signed. ${changes.slice(0, 3).join(' ')}${changes.length > 3 ? ` (${changes.length - 3} more changes are listed with the signatures.)` : ''}`
      );
    const refused = signatures.filter((s) => s.certificateProblems);
    if (refused.length)
      return (
        `Not valid: ${refused.map((s) => s.signer).join(', ')} signed with a certificate that did ` +
        `not allow it. ${refused.flatMap((s) => s.certificateProblems ?? []).join(' ')}`
      );
    return 'Not valid: bytes were added to the file after the last signature.';
  }
  const untrusted = signatures.filter((s) => !s.trusted).map((s) => s.signer);
  const trust =
    untrusted.length === 0
      ? 'Every signer is trusted.'
      : `Not trusted on this computer: ${untrusted.join(', ')} (trust their certificate to change that).`;
  return `Valid: ${count} (${names}); the file is unchanged since the last one. ${trust}`;
}
