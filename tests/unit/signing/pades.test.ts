import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as asn1js from 'asn1js';
import { ContentInfo, SignedData } from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef, decodePDFRawStream } from '@cantoo/pdf-lib';
import { OID } from '../../../electron/services/signing/cms-signature';
import { findPdfSignatures } from '../../../electron/services/signing/pdf-signatures';
import { signPdf } from '../../../electron/services/signing/sign-pdf';
import type { UnlockedIdentity } from '../../../electron/services/identities/identity-store';
import { RIVERTON } from '../report/support-review';
import {
  pdfsig,
  qpdfCheck,
  reportLikePdf,
  save,
  threeSigners,
  tool,
  workFolder,
  type Signers,
} from './support-signing';

const folder = workFolder();
let signers: Signers;
let report: Uint8Array;

const sign = (pdf: Uint8Array, who: UnlockedIdentity, meaning: string, signedAt = new Date('2025-03-14T15:30:00Z')) =>
  signPdf(pdf, { signer: who.signer, key: who, meaning, signedAt });

beforeAll(async () => {
  signers = await threeSigners(folder);
  report = await reportLikePdf();
}, 60_000);

describe('PAdES signatures in a report PDF', () => {
  it('signs as PAdES baseline B-B: pdfsig finds the signature valid and covering the whole document, qpdf finds no errors', async () => {
    const file = save(folder, 'one.pdf', await sign(report, signers.ana, 'Approved'));
    const [signature, ...others] = pdfsig(file);
    expect(others).toEqual([]);
    expect(signature).toMatchObject({ field: 'Signature 1', signer: 'Ana Díaz', valid: true, totalDocument: true });
    expect(signature!.text).toContain('Signature Type: ETSI.CAdES.detached');
    expect(signature!.text).toContain('Signing Hash Algorithm: SHA-256');
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
  });

  it('lets several members sign in turn, each earlier signature staying valid and its bytes untouched', async () => {
    const first = await sign(report, signers.ana, 'Reviewed');
    const second = await sign(first, signers.ben, 'Legal review');
    const third = await sign(second, signers.chen, 'Approved with the privacy actions of section 6');
    // Incremental updates only: each signed file begins with the one before, byte for byte.
    expect(Buffer.from(second.subarray(0, first.length)).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(third.subarray(0, second.length)).equals(Buffer.from(second))).toBe(true);
    const file = save(folder, 'three.pdf', third);
    const signatures = pdfsig(file);
    expect(signatures.map((s) => [s.field, s.signer, s.valid, s.totalDocument])).toEqual([
      ['Signature 1', 'Ana Díaz', true, false],
      ['Signature 2', 'Ben Okafor', true, false],
      ['Signature 3', 'Chen Wei', true, true],
    ]);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
  });

  it('builds the CMS itself with the signed attributes PAdES wants: content type, message digest, signing-certificate-v2, and no signing time', async () => {
    const signed = await sign(report, signers.ana, 'Approved');
    const [entry] = findPdfSignatures(signed);
    const cms = new SignedData({ schema: ContentInfo.fromBER(entry!.contents!.slice().buffer).content });
    expect(cms.encapContentInfo.eContent).toBeUndefined();
    const attributes = cms.signerInfos[0]!.signedAttrs!.attributes;
    expect(attributes.map((a) => a.type)).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2]);
    expect(attributes.map((a) => a.type)).not.toContain(OID.signingTime);
    const [a, b, c, d] = entry!.byteRange;
    const digest = createHash('sha256')
      .update(signed.subarray(a, a + b))
      .update(signed.subarray(c, c + d))
      .digest();
    expect(Buffer.from((attributes[1]!.values[0] as asn1js.OctetString).valueBlock.valueHexView).equals(digest)).toBe(
      true,
    );
    const essCertId = ((attributes[2]!.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock
      .value[0] as asn1js.Sequence;
    const certHash = essCertId.valueBlock.value[0] as asn1js.OctetString;
    expect(
      Buffer.from(certHash.valueBlock.valueHexView).equals(
        createHash('sha256').update(signers.ana.certificate).digest(),
      ),
    ).toBe(true);
    expect(essCertId.valueBlock.value).toHaveLength(2); // and the IssuerSerial
    expect(entry).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Approved',
      name: 'Ana Díaz',
      signedAt: '2025-03-14T15:30:00.000Z',
    });
    expect(Buffer.from(signed).toString('latin1')).toMatch(/\/Filter \/Adobe\.PPKLite/);
  });

  it('certifies the document with the first signature (DocMDP: form filling and signing only), and only with the first', async () => {
    const twice = await sign(await sign(report, signers.ana, 'Approved'), signers.ben, 'Legal review');
    const [first, second] = findPdfSignatures(twice);
    expect(first!.docMdpPermissions).toBe(2);
    expect(second!.docMdpPermissions).toBeUndefined();
    const doc = await PDFDocument.load(twice, { updateMetadata: false });
    const certifier = doc.catalog.lookup(PDFName.of('Perms'), PDFDict).lookup(PDFName.of('DocMDP'), PDFDict);
    expect(certifier.lookup(PDFName.of('ByteRange'))?.toString()).toBe(`[ ${first!.byteRange.join(' ')} ]`);
    const reference = (
      certifier.lookup(PDFName.of('Reference')) as unknown as { lookup(i: number, type: typeof PDFDict): PDFDict }
    ).lookup(0, PDFDict);
    expect(reference.get(PDFName.of('TransformMethod'))).toBe(PDFName.of('DocMDP'));
    expect(reference.lookup(PDFName.of('TransformParams'), PDFDict).get(PDFName.of('P'))?.toString()).toBe('2');
    const file = save(folder, 'certified.pdf', twice);
    expect(pdfsig(file).map((s) => [s.signer, s.valid])).toEqual([
      ['Ana Díaz', true],
      ['Ben Okafor', true],
    ]);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
  });

  it('shows the signer in the first empty signature field: name, role, meaning and time in its appearance', async () => {
    const signed = await sign(report, signers.ben, 'Legal review');
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields')) as unknown as {
      asArray(): PDFRef[];
    };
    const [first, second] = fields.asArray().map((ref) => doc.context.lookup(ref, PDFDict));
    expect(first!.has(PDFName.of('V'))).toBe(true);
    expect(second!.has(PDFName.of('V'))).toBe(false);
    const appearance = doc.context.lookup(
      first!.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N')),
    ) as PDFRawStream;
    const content = Buffer.from(decodePDFRawStream(appearance).decode()).toString('latin1');
    const shown = [...content.matchAll(/<([0-9A-F]+)> Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'));
    expect(shown.slice(0, 4)).toEqual([
      'Ben Okafor',
      'Legal advisor',
      'Legal review',
      'Signed 14 March 2025, 15:30 UTC',
    ]);
    const rect = first!.lookup(PDFName.of('Rect')) as unknown as { asArray(): { asNumber(): number }[] };
    const [x1, y1, x2, y2] = rect.asArray().map((n) => n.asNumber());
    expect(x2! - x1!).toBeGreaterThan(200);
    expect(y2! - y1!).toBeGreaterThan(60);
  });

  it('signs a PDF the app did not make with an invisible signature field', async () => {
    const foreign = readFileSync(`${RIVERTON}/v1.pdf`);
    const file = save(
      folder,
      'foreign.pdf',
      await sign(await sign(foreign, signers.ana, 'Reviewed'), signers.ben, 'Approved'),
    );
    expect(pdfsig(file).map((s) => [s.valid, s.totalDocument])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
  });

  it('signs a PDF whose cross-references are streams (PDF 1.5) through the full parser, incrementally', async () => {
    const compressed = save(folder, 'compressed.pdf', report);
    tool('qpdf', ['--object-streams=generate', '--replace-input', compressed]);
    const original = readFileSync(compressed);
    expect(original.toString('latin1')).toMatch(/\/Type\s*\/XRef/);
    const signed = await sign(await sign(original, signers.ana, 'Reviewed'), signers.chen, 'Approved');
    expect(Buffer.from(signed.subarray(0, original.length)).equals(original)).toBe(true);
    const file = save(folder, 'compressed-signed.pdf', signed);
    expect(pdfsig(file).map((s) => [s.signer, s.valid, s.totalDocument])).toEqual([
      ['Ana Díaz', true, false],
      ['Chen Wei', true, true],
    ]);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
  });

  it('keeps every name exactly in the signature dictionary, even where the appearance font cannot show it', async () => {
    const signer = { ...signers.chen.signer, name: 'Łukasz Żółć 王' };
    const signed = await signPdf(report, {
      signer,
      key: signers.chen,
      meaning: 'Zatwierdzono — przegląd prawny',
      signedAt: new Date('2025-03-14T15:30:00Z'),
    });
    expect(findPdfSignatures(signed)[0]).toMatchObject({
      name: 'Łukasz Żółć 王',
      reason: 'Zatwierdzono — przegląd prawny',
    });
    expect(pdfsig(save(folder, 'unicode.pdf', signed))[0]).toMatchObject({ valid: true, totalDocument: true });
  });
});
