import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';
import type { Author } from '../../../shared/model';
import { formatDateTime } from '../../../shared/report';
import { ROLE_LABELS } from '../../../shared/vocabulary';
import { createDetachedCms, type CmsSigner } from './cms-signature';
import { pdfDate } from './pdf-date';
import { openPdfUpdate } from './pdf-incremental';
import { fillSignatureField, firstEmptySignatureField } from './pdf-signature-fields';
import { findPdfSignatures } from './pdf-signatures';
import { bufferView } from '../files/buffer-view';

export interface PdfSignatureRequest {
  signer: Author;
  key: CmsSigner;
  /** What the signature means ("Approved", "Legal review", or the signer's own words): the signature's /Reason. */
  meaning: string;
  signedAt: Date;
}

/** Placeholder the ByteRange numbers are written over once the file's final length is known. */
const BYTE_RANGE_PLACEHOLDER = '**********';

/**
 * Signs a PDF as PAdES baseline B-B and returns the signed file: the original bytes unchanged, followed by one
 * incremental update that adds the signature dictionary (/Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached,
 * the time in /M, the meaning in /Reason) and fills the first empty signature field with it and a visible
 * appearance. The CMS covers the whole new file except the /Contents hex string, so earlier signatures, which
 * cover only the bytes before this update, stay valid.
 *
 * The first signature certifies the document (DocMDP, permissions 2: filling in forms and signing allowed, nothing
 * else), so that PDF readers, not only this app, flag a later change of the pages as breaking the certification.
 */
export async function signPdf(pdf: Uint8Array, request: PdfSignatureRequest): Promise<Uint8Array> {
  const doc = await openPdfUpdate(pdf);
  const contentsLength = placeholderBytes(request.key);
  const { signer, meaning, signedAt } = request;
  const signature = doc.context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [
      0,
      PDFName.of(BYTE_RANGE_PLACEHOLDER),
      PDFName.of(BYTE_RANGE_PLACEHOLDER),
      PDFName.of(BYTE_RANGE_PLACEHOLDER),
    ],
    Contents: PDFHexString.of('0'.repeat(contentsLength * 2)),
    M: PDFString.of(pdfDate(signedAt)),
    Name: PDFHexString.fromText(signer.name),
    Reason: PDFHexString.fromText(meaning),
    Prop_Build: { App: { Name: PDFName.of('Policy_Review_Workstation') } },
  });
  if (signer.email) signature.set(PDFName.of('ContactInfo'), PDFHexString.fromText(signer.email));
  const certifies = findPdfSignatures(pdf).length === 0;
  if (certifies)
    signature.set(
      PDFName.of('Reference'),
      doc.context.obj([
        { Type: 'SigRef', TransformMethod: 'DocMDP', TransformParams: { Type: 'TransformParams', P: 2, V: '1.2' } },
      ]),
    );
  const signatureRef = doc.register(signature);
  if (certifies) {
    doc.catalog().set(PDFName.of('Perms'), doc.context.obj({ DocMDP: signatureRef }));
    doc.markChanged(doc.catalogRef);
  }
  fillSignatureField(doc, signatureRef, firstEmptySignatureField(doc), [
    { text: signer.name, size: 10, bold: true },
    { text: signer.role ? ROLE_LABELS[signer.role] : 'Signer', size: 7.5 },
    { text: meaning, size: 9, bold: true },
    { text: `Signed ${formatDateTime(signedAt.toISOString())}`, size: 7.5 },
    { text: 'Digital signature (PAdES); check it in any PDF reader.', size: 6, muted: true },
  ]);

  const unsigned = await doc.save();
  return embedSignature(unsigned, pdf.length, request.key);
}

/** Writes the ByteRange over its placeholder, hashes the covered bytes, and puts the CMS into /Contents. */
async function embedSignature(file: Uint8Array, updateStart: number, key: CmsSigner): Promise<Uint8Array> {
  const bytes = bufferView(file);
  const rangeText = `/ByteRange [ 0 /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} /${BYTE_RANGE_PLACEHOLDER} ]`;
  const rangeAt = bytes.indexOf(rangeText, updateStart, 'latin1');
  const contentsAt = bytes.indexOf('/Contents <', rangeAt, 'latin1');
  if (rangeAt < 0 || contentsAt < 0) throw new Error('the signature placeholder was not written where expected');
  const gapStart = contentsAt + '/Contents '.length;
  const gapEnd = bytes.indexOf('>', gapStart, 'latin1') + 1;
  const byteRange = [0, gapStart, gapEnd, bytes.length - gapEnd];
  const filled = `/ByteRange [ ${byteRange.join(' ')} ]`;
  if (filled.length > rangeText.length) throw new Error('the file is too large to sign');
  bytes.write(filled.padEnd(rangeText.length, ' '), rangeAt, 'latin1');

  const digest = createHash('sha256').update(bytes.subarray(0, gapStart)).update(bytes.subarray(gapEnd)).digest();
  const cms = await createDetachedCms(digest, key);
  const hex = Buffer.from(cms).toString('hex');
  if (hex.length > gapEnd - gapStart - 2) throw new Error('the signature is larger than the room kept for it');
  bytes.write(hex, gapStart + 1, 'latin1');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Room for the CMS: the certificates, plus the signed attributes and the signature, rounded up. */
function placeholderBytes(key: CmsSigner): number {
  const certificates = key.certificate.length + key.chain.reduce((sum, c) => sum + c.length, 0);
  return Math.ceil((certificates + 3072) / 1024) * 1024;
}
