import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCertificateFile } from '../../../electron/services/identities/certificate';
import { IdentityStore, type UnlockedIdentity } from '../../../electron/services/identities/identity-store';
import { findPdfSignatures, unsignedPdfSha256 } from '../../../electron/services/signing/pdf-signatures';
import { signPdf } from '../../../electron/services/signing/sign-pdf';
import { NO_TRUST, type TrustAnchors } from '../../../electron/services/signing/trust';
import { verifyReport } from '../../../electron/services/signing/verify-report';
import { TEST_IDENTITY } from '../report/support-review';
import { pdfsig, reportLikePdf, save, SIGNED_AT, threeSigners, workFolder, type Signers } from './support-signing';

const folder = workFolder();
let signers: Signers;
let report: Uint8Array;
let twoSigned: Uint8Array;

const sign = (pdf: Uint8Array, who: UnlockedIdentity, meaning: string) =>
  signPdf(pdf, { signer: who.signer, key: who, meaning, signedAt: SIGNED_AT });
const verify = (bytes: Uint8Array, anchors: TrustAnchors = NO_TRUST) =>
  verifyReport({ fileName: 'report.pdf', bytes }, anchors);

beforeAll(async () => {
  signers = await threeSigners(folder);
  report = await reportLikePdf();
  twoSigned = await sign(await sign(report, signers.ana, 'Reviewed'), signers.ben, 'Legal review');
}, 60_000);

describe('verifying a signed PDF', () => {
  it('reports each signer, when they signed, what it means, and that the bytes are intact and the last covers the file', async () => {
    const result = await verify(twoSigned, { identities: [signers.ana.certificate], trusted: [], given: [] });
    expect(result.valid).toBe(true);
    expect(result.signatures).toEqual([
      expect.objectContaining({
        signer: 'Ana Díaz',
        role: 'Chair',
        meaning: 'Reviewed',
        signedAt: SIGNED_AT.toISOString(),
        intact: true,
        coversWholeFile: false,
        trusted: true,
        trustedAs: 'identity',
      }),
      expect.objectContaining({
        signer: 'Ben Okafor',
        meaning: 'Legal review',
        intact: true,
        coversWholeFile: true,
        trusted: false,
      }),
    ]);
    expect(result.signatures.every((s) => s.problem === undefined)).toBe(true);
    expect(result.summary).toMatch(/^Valid: 2 signatures \(Ana Díaz, Ben Okafor\)/);
  });

  it('finds the hash of the report as it was before anyone signed it', async () => {
    const result = await verify(twoSigned);
    expect(result.unsignedSha256).toBe(unsignedPdfSha256(report));
    expect(unsignedPdfSha256(twoSigned)).toBe(unsignedPdfSha256(report));
  });

  it('rejects a file with one byte changed inside the signed range, as pdfsig does', async () => {
    const tampered = Buffer.from(twoSigned);
    // A letter of the producer's name in the document information, well inside both signatures' first range.
    const at = tampered.indexOf('/Producer (Skia/PDF', 0, 'latin1') + '/Producer ('.length;
    expect(at).toBeGreaterThan(20);
    expect(at).toBeLessThan(findPdfSignatures(twoSigned)[0]!.byteRange[1]);
    tampered[at] = tampered[at]! ^ 0x01;
    const result = await verify(tampered);
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => s.intact)).toEqual([false, false]);
    expect(result.signatures[0]!.problem).toMatch(/changed since they were signed/);
    const byPdfsig = pdfsig(save(folder, 'tampered.pdf', tampered));
    expect(byPdfsig).toHaveLength(2);
    for (const s of byPdfsig) {
      expect(s.valid).toBe(false);
      expect(s.digestMismatch).toBe(true);
    }
  });

  it('rejects a changed byte in the last revision, and keeps the earlier signature valid', async () => {
    const tampered = Buffer.from(twoSigned);
    const [first, second] = findPdfSignatures(twoSigned);
    // After the first signature's revision ends, inside the second signature's tail range.
    const at = first!.byteRange[2] + first!.byteRange[3] + 40;
    expect(at).toBeLessThan(second!.byteRange[1]);
    tampered[at] = tampered[at] === 0x20 ? 0x0a : 0x20;
    const result = await verify(tampered);
    expect(result.signatures.map((s) => s.intact)).toEqual([true, false]);
    expect(result.valid).toBe(false);
  });

  it('says the last signature no longer covers the whole file when bytes were appended after it', async () => {
    const appended = Buffer.concat([Buffer.from(twoSigned), Buffer.from('\n% a note added after signing\n')]);
    const result = await verify(appended);
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => [s.intact, s.coversWholeFile])).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(result.signatures[1]!.problem).toMatch(/bytes were added to the file after the last signature/);
    const byPdfsig = pdfsig(save(folder, 'appended.pdf', appended));
    expect(byPdfsig.map((s) => [s.valid, s.totalDocument])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it('reports a signer nobody here trusts without failing the check, and trusts given certificates', async () => {
    const untrusted = await verify(twoSigned);
    expect(untrusted.valid).toBe(true);
    expect(untrusted.signatures.map((s) => s.trusted)).toEqual([false, false]);
    expect(untrusted.summary).toContain('Not trusted on this computer: Ana Díaz, Ben Okafor');
    const given = await verify(twoSigned, {
      identities: [],
      trusted: [signers.ana.certificate],
      given: [signers.ben.certificate],
    });
    expect(given.signatures.map((s) => s.trustedAs)).toEqual(['trusted-certificate', 'given-certificate']);
  });

  it('trusts a signer whose certificate a trusted CA issued, and only then', async () => {
    const store = new IdentityStore(folder);
    const imported = await store.importPkcs12({
      bytes: readFileSync(`${TEST_IDENTITY}/test-signer.p12`),
      passphrase: 'test-only-passphrase',
      role: 'legal',
    });
    const key = await store.unlock(imported.id, 'test-only-passphrase');
    const signed = await signPdf(report, { signer: key.signer, key, meaning: 'Legal review', signedAt: new Date() });
    const ca = readCertificateFile(readFileSync(`${TEST_IDENTITY}/test-ca.cert.pem`));
    expect((await verify(signed, { identities: [], trusted: ca, given: [] })).signatures[0]).toMatchObject({
      signer: 'Test Signer',
      intact: true,
      trusted: true,
      trustedAs: 'issuer',
    });
    expect((await verify(signed)).signatures[0]).toMatchObject({ intact: true, trusted: false });
    // A colleague's own (not CA) certificate vouches for nobody else.
    expect(
      (await verify(signed, { identities: [], trusted: [signers.ana.certificate], given: [] })).signatures[0]!.trusted,
    ).toBe(false);
    expect(pdfsig(save(folder, 'rsa.pdf', signed))[0]).toMatchObject({
      signer: 'Test Signer',
      valid: true,
      totalDocument: true,
    });
  });

  it('rejects bytes changed in the zero padding after the last signature, which no signature covers', async () => {
    const [, last] = findPdfSignatures(twoSigned);
    // The last hex digits of the last signature's /Contents: padding, well after its CMS.
    const paddingAt = last!.byteRange[2] - 9;
    expect(Buffer.from(twoSigned.subarray(paddingAt, paddingAt + 8)).toString('latin1')).toBe('00000000');
    const hidden = Buffer.from(twoSigned);
    hidden.write('c0ffee', paddingAt, 'latin1');
    const result = await verify(hidden);
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => s.intact)).toEqual([true, false]);
    expect(result.signatures[1]!.problem).toBe(
      'The zero padding after the signature in its /Contents was changed (5 characters are not ' +
        'zeros); no signature covers those bytes, so the file is not as it was signed.',
    );
    // White space is as foreign there as other digits.
    const spaced = Buffer.from(twoSigned);
    spaced.write('  ', paddingAt, 'latin1');
    expect((await verify(spaced)).signatures.map((s) => s.intact)).toEqual([true, false]);
  });

  it('says a PDF without signatures is not valid', async () => {
    const result = await verify(report);
    expect(result).toMatchObject({ valid: false, signatures: [], summary: 'This PDF has no signatures.' });
  });

  it('does not accept a byte range that leaves out more than its own signature', async () => {
    const signed = Buffer.from(await sign(report, signers.ana, 'Approved'));
    const [entry] = findPdfSignatures(signed);
    const [, b, c, d] = entry!.byteRange;
    // Claim a gap that starts 10 bytes early: those bytes would be unsigned.
    const forged = `/ByteRange [ 0 ${b - 10} ${c} ${d} ]`;
    const original = `/ByteRange [ 0 ${b} ${c} ${d} ]`;
    const at = signed.indexOf(original, 0, 'latin1');
    signed.write(forged.padEnd(original.length, ' '), at, 'latin1');
    const result = await verify(signed);
    expect(result.valid).toBe(false);
    expect(result.signatures[0]!.problem).toMatch(/does not frame its signature exactly/);
  });
});
