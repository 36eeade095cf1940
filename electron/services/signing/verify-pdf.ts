import type { SignatureCheck } from '../../../shared/api';
import { describeCertificate } from '../identities/certificate';
import { changesAfterSignatures } from './changes-after-signing';
import { verifyDetachedCms } from './cms-verify';
import { findPdfSignatures, unsignedPdfSha256 } from './pdf-signatures';
import { checkSignerCertificate } from './signer-certificate';
import type { TrustAnchors } from './trust';
import { bufferView } from '../files/buffer-view';

const SUPPORTED_SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

export interface PdfVerification {
  signatures: SignatureCheck[];
  /** SHA-256 of the file as it was before the first signature: the report as exported, which sign-offs name. */
  unsignedSha256?: string;
}

/**
 * Checks every signature in a PDF: that its ByteRange starts at the file's first byte and leaves out exactly its
 * own /Contents, that the CMS in /Contents is a valid signature of those bytes (digest, signature, signing
 * certificate), whether it reaches the end of the file, whether the signer's certificate allowed it at its /M,
 * and whether its signer is trusted. Signatures come in the order they were made (by where their signed bytes
 * end). Then what each later update changed, beyond what signing adds (`changesAfter`): a change after any
 * signature makes the file not valid, whoever signed after it.
 */
export async function verifyPdfSignatures(pdf: Uint8Array, anchors: TrustAnchors): Promise<PdfVerification> {
  const found = findPdfSignatures(pdf).sort(
    (a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]) || a.offset - b.offset,
  );
  const bytes = bufferView(pdf);
  const signatures: SignatureCheck[] = [];
  const spans: { signedEnd: number | undefined; docMdpPermissions: number | undefined }[] = [];
  let lastEnd = 0;
  for (const entry of found) {
    const [, gapStart, gapEnd, tailLength] = entry.byteRange;
    const signedEnd = gapEnd + tailLength;
    const check: SignatureCheck = {
      signer: entry.name ?? 'unknown signer',
      intact: false,
      coversWholeFile: signedEnd === pdf.length,
      trusted: false,
      signedBytes: Math.max(0, gapStart + tailLength),
    };
    if (entry.signedAt) check.signedAt = entry.signedAt;
    if (entry.reason) check.meaning = entry.reason;
    if (!entry.contents) {
      check.problem = 'The signature’s byte range does not frame its signature exactly, so it could hide changes.';
    } else if (entry.subFilter && !SUPPORTED_SUBFILTERS.has(entry.subFilter)) {
      check.problem = `This kind of PDF signature (${entry.subFilter}) is not one this app checks.`;
    } else if ((entry.offset >= gapStart && entry.offset < gapEnd) || entry.offset >= signedEnd) {
      check.problem = 'The signature’s own dictionary lies outside the bytes it signs.';
    } else {
      const content = Buffer.concat([bytes.subarray(0, gapStart), bytes.subarray(gapEnd, signedEnd)]);
      const cms = await verifyDetachedCms(entry.contents, content);
      check.intact = cms.intact && !entry.paddingNotZero;
      if (cms.problem) check.problem = cms.problem;
      else if (entry.paddingNotZero) {
        check.problem =
          `The zero padding after the signature in its /Contents was changed ` +
          `(${entry.paddingNotZero} characters are not zeros); no signature covers those bytes, so ` +
          `the file is not as it was signed.`;
      }
      if (cms.signerCertificate) {
        const info = describeCertificate(cms.signerCertificate);
        check.signer = info.name;
        check.certificate = info;
        Object.assign(check, checkSignerCertificate(cms.signerCertificate, cms.certificates, anchors, entry.signedAt));
        const role = /(?:^|, )T=([^,]+)/.exec(info.subject)?.[1];
        if (role) check.role = role;
      }
    }
    signatures.push(check);
    spans.push({ signedEnd: entry.contents ? signedEnd : undefined, docMdpPermissions: entry.docMdpPermissions });
    lastEnd = signedEnd;
  }
  const changes = changesAfterSignatures(
    pdf,
    signatures.map((check, i) => ({
      signedEnd: spans[i]?.signedEnd ?? pdf.length,
      signer: signerLabel(signatures, i),
      docMdpPermissions: spans[i]?.docMdpPermissions,
    })),
  );
  signatures.forEach((check, i) => (check.changesAfter = changes[i]?.changes ?? []));
  // PAdES adds validation data (a document security store) after the last signature to keep it verifiable later:
  // that update is not signed, and changes nothing that was.
  const last = signatures.at(-1);
  if (
    last &&
    !last.coversWholeFile &&
    changes.at(-1)?.additions === 'validation-data' &&
    last.changesAfter?.length === 0
  )
    last.validationDataAfter = true;
  if (last && !last.coversWholeFile && !last.validationDataAfter && !last.problem) {
    last.problem =
      lastEnd < pdf.length
        ? `${pdf.length - lastEnd} bytes were added to the file after the last signature; they are not signed.`
        : 'The signature claims bytes beyond the end of the file.';
  }
  return found.length ? { signatures, unsignedSha256: unsignedPdfSha256(pdf) } : { signatures };
}

/**
 * Every signature intact, nothing changed after any of them, and the last one covering the file to its end (or
 * followed by validation data only).
 */
export function allSignaturesHold(signatures: SignatureCheck[]): boolean {
  const last = signatures.at(-1);
  return (
    signatures.length > 0 &&
    signatures.every((s) => s.intact && !s.changesAfter?.length && !s.certificateProblems) &&
    (last?.coversWholeFile === true || last?.validationDataAfter === true)
  );
}

/** The signer's name, with the signature's number when another signature has the same name. */
function signerLabel(signatures: SignatureCheck[], index: number): string {
  const name = signatures[index]!.signer;
  return signatures.filter((s) => s.signer === name).length > 1 ? `${name} (signature ${index + 1})` : name;
}
