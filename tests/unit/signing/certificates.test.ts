import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, renderReportJson } from '../../../shared/report';
import { IdentityStore } from '../../../electron/services/identities/identity-store';
import { signJsonReport } from '../../../electron/services/signing/json-signature';
import { signPdf } from '../../../electron/services/signing/sign-pdf';
import { signReportBytes } from '../../../electron/services/signing/sign-report';
import type { TrustAnchors } from '../../../electron/services/signing/trust';
import { verifyReport } from '../../../electron/services/signing/verify-report';
import { rivertonReview } from '../report/support-review';
import { useTempDirs } from '../support/temp-dir';
import {
  amiraIn2020,
  caExtensions,
  IN_2020,
  makeCertificate,
  pkcs12Of,
  signerOf,
  SIGNER_EXTENSIONS,
  type TestCertificate,
} from './support-pki';
import { PASSPHRASE, reportLikePdf } from './support-signing';

const tempDir = useTempDirs();
const CLAIMED = new Date('2026-03-14T10:00:00Z');
const AMIRA_IN_2020 =
  'Amira Haddad’s certificate was valid only from 1 January 2020, 00:00 UTC to 31 December 2020, 00:00 UTC; the signature claims 14 March 2026, 10:00 UTC.';
const KEY_ENCIPHERMENT_ONLY =
  'Amira Haddad’s certificate may not be used to sign documents (its key usage is key encipherment only).';

let report: Uint8Array;
let ca: TestCertificate;
/** The reproduction: a certificate valid only in 2020, for key encipherment only, issued by a CA the reader trusts. */
let amira: TestCertificate;

const trusting = (...certificates: TestCertificate[]): TrustAnchors => ({
  identities: [],
  trusted: [],
  given: certificates.map((c) => c.der),
});
const verifyPdf = (bytes: Uint8Array, anchors: TrustAnchors) =>
  verifyReport({ fileName: 'report.pdf', bytes }, anchors);
/** Signs as an attacker's own tool would: straight to the PDF, without the app's refusal. */
const signedBy = (signer: TestCertificate, chain: TestCertificate[] = [], signedAt = CLAIMED) =>
  signPdf(report, {
    signer: { name: signer.name, role: 'member' },
    key: signerOf(signer, chain),
    meaning: 'Approved',
    signedAt,
  });

beforeAll(async () => {
  report = await reportLikePdf();
  ca = makeCertificate({
    name: 'Riverton Council CA',
    notBefore: new Date('2019-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    extensions: caExtensions(),
  });
  amira = amiraIn2020(ca);
}, 60_000);

describe('signing with a certificate that may not sign', () => {
  it('warns when such a PKCS #12 identity is imported and refuses to sign with it, saying why and what to do', async () => {
    const store = new IdentityStore(await tempDir());
    const imported = await store.importPkcs12({
      bytes: pkcs12Of(amira, [ca], PASSPHRASE),
      passphrase: PASSPHRASE,
      role: 'chair',
    });
    expect(imported.signingProblem).toMatch(
      /^Amira Haddad’s certificate expired on 31 December 2020, 00:00 UTC \(it is now .*\)\. /,
    );
    expect(imported.signingProblem).toContain(KEY_ENCIPHERMENT_ONLY);
    expect(imported.signingProblem).toContain(
      'Ask your organisation for a new signing certificate (a new PKCS #12 file), or create an identity in the app.',
    );
    const identity = await store.unlock(imported.id, PASSPHRASE);
    for (const [fileName, bytes] of [
      ['report.pdf', report],
      ['report.json', new Uint8Array(Buffer.from('{"format":"x"}'))],
    ] as const) {
      await expect(signReportBytes({ fileName, bytes }, identity, 'Approved')).rejects.toMatchObject({
        code: 'E_INVALID_INPUT',
        message: expect.stringMatching(
          /^Nothing was signed: Amira Haddad’s certificate expired on 31 December 2020.*key encipherment only\)\. It cannot sign\. Ask your organisation/,
        ),
      });
    }
  }, 30_000);

  it('refuses a certificate that is not valid yet, or meant only for TLS', async () => {
    const store = new IdentityStore(await tempDir());
    const future = makeCertificate({
      name: 'Future Signer',
      notBefore: new Date(Date.now() + 86_400_000 * 30),
      notAfter: new Date(Date.now() + 86_400_000 * 400),
    });
    const tls = makeCertificate({
      name: 'Web Server',
      extensions: [...SIGNER_EXTENSIONS, { name: 'extKeyUsage', serverAuth: true }],
    });
    const problems = await Promise.all(
      [future, tls].map(
        async (c) =>
          (await store.importPkcs12({ bytes: pkcs12Of(c, [], PASSPHRASE), passphrase: PASSPHRASE, role: 'member' }))
            .signingProblem,
      ),
    );
    expect(problems[0]).toMatch(
      /^Future Signer’s certificate is not valid before .* \(it is now .*\)\. It cannot sign\./,
    );
    expect(problems[1]).toMatch(
      /^Web Server’s certificate may not be used to sign documents \(it is meant only for TLS server authentication\)\. It cannot sign\./,
    );
  }, 30_000);

  it('leaves identities made in the app free to sign', async () => {
    const store = new IdentityStore(await tempDir());
    const made = await store.create({ name: 'Ana Díaz', role: 'chair', passphrase: PASSPHRASE });
    expect(made.signingProblem).toBeUndefined();
    const signed = await signReportBytes(
      { fileName: 'report.pdf', bytes: report },
      await store.unlock(made.id, PASSPHRASE),
      'Approved',
    );
    expect((await verifyPdf(signed.pdf!, { identities: [], trusted: [], given: [] })).valid).toBe(true);
  }, 30_000);
});

describe('verifying the certificate of each signature at the time it claims', () => {
  it('says a PDF signed in 2026 with a 2020 key-encipherment certificate is not valid, though its CA is trusted', async () => {
    const result = await verifyPdf(await signedBy(amira, [ca]), trusting(ca));
    expect(result.valid).toBe(false);
    expect(result.signatures).toEqual([
      expect.objectContaining({
        signer: 'Amira Haddad',
        intact: true,
        coversWholeFile: true,
        trusted: true,
        trustedAs: 'issuer',
        certificateProblems: [AMIRA_IN_2020, KEY_ENCIPHERMENT_ONLY],
      }),
    ]);
    expect(result.summary).toBe(
      `Not valid: Amira Haddad signed with a certificate that did not allow it. ${AMIRA_IN_2020} ${KEY_ENCIPHERMENT_ONLY}`,
    );
  });

  it('judges a certificate at the claimed signing time, not today', async () => {
    const signer = makeCertificate({ name: 'Early Signer', issuer: ca, ...IN_2020 });
    const inTime = await verifyPdf(await signedBy(signer, [ca], new Date('2020-06-01T12:00:00Z')), trusting(ca));
    expect(inTime).toMatchObject({ valid: true, signatures: [{ trusted: true, trustedAs: 'issuer' }] });
    expect(inTime.signatures[0]!.certificateProblems).toBeUndefined();
    const late = await verifyPdf(await signedBy(signer, [ca]), trusting(ca));
    expect(late.valid).toBe(false);
    expect(late.signatures[0]!.certificateProblems).toEqual([
      expect.stringMatching(
        /^Early Signer’s certificate was valid only from 1 January 2020.*; the signature claims 14 March 2026, 10:00 UTC\.$/,
      ),
    ]);
  });

  it('says so of a JSON report’s signature too', async () => {
    const json = new Uint8Array(
      Buffer.from(
        renderReportJson(buildReportModel(await rivertonReview(), { generatedAt: '2026-03-14T09:00:00.000Z' })),
      ),
    );
    const signatures = await signJsonReport(json, undefined, {
      signer: { name: 'Amira Haddad', role: 'chair' },
      key: signerOf(amira, [ca]),
      meaning: 'Approved',
      signedAt: CLAIMED,
    });
    const result = await verifyReport({ fileName: 'report.json', bytes: json, signatures }, trusting(ca));
    expect(result.valid).toBe(false);
    expect(result.signatures[0]).toMatchObject({
      intact: true,
      signedAt: CLAIMED.toISOString(),
      certificateProblems: [AMIRA_IN_2020, KEY_ENCIPHERMENT_ONLY],
    });
  });

  it('trusts a signer through a sound chain: a root allowing one intermediate CA, the intermediate, the signer', async () => {
    const root = makeCertificate({ name: 'Sound Root', extensions: caExtensions(1) });
    const intermediate = makeCertificate({ name: 'Sound Issuing CA', issuer: root, extensions: caExtensions(0) });
    const signer = makeCertificate({
      name: 'Sound Signer',
      issuer: intermediate,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
    });
    const result = await verifyPdf(await signedBy(signer, [intermediate]), trusting(root));
    expect(result).toMatchObject({
      valid: true,
      signatures: [{ signer: 'Sound Signer', trusted: true, trustedAs: 'issuer' }],
    });
    expect(result.signatures[0]!.certificateProblems).toBeUndefined();
  });

  it('refuses a chain through a certificate that is not a CA', async () => {
    const mallory = makeCertificate({ name: 'Mallory', issuer: ca });
    const forged = makeCertificate({ name: 'Amira Haddad', issuer: mallory });
    const result = await verifyPdf(await signedBy(forged, [mallory]), trusting(ca));
    expect(result.valid).toBe(false);
    expect(result.signatures[0]).toMatchObject({ intact: true, trusted: false });
    expect(result.signatures[0]!.certificateProblems).toEqual([
      'The certificate of “Mallory”, which issued Amira Haddad’s, is not a CA certificate (its basic constraints do not allow it to issue certificates).',
      'The certificate of “Mallory”, which issued Amira Haddad’s, ' +
        'may not sign certificates (its key usage is digital ' +
        'signature and non-repudiation only).',
    ]);
  });

  it('refuses a chain through a CA whose key usage does not allow signing certificates', async () => {
    const issuer = makeCertificate({
      name: 'Signing-only CA',
      issuer: ca,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', digitalSignature: true, critical: true },
      ],
    });
    const signer = makeCertificate({ name: 'Ben Okafor', issuer });
    const result = await verifyPdf(await signedBy(signer, [issuer]), trusting(ca));
    expect(result.valid).toBe(false);
    expect(result.signatures[0]!.trusted).toBe(false);
    expect(result.signatures[0]!.certificateProblems).toEqual([
      'The certificate of “Signing-only CA”, which issued Ben Okafor’s, may not sign certificates (its key usage is digital signature only).',
    ]);
  });

  it('refuses a chain longer than a CA’s path length constraint allows', async () => {
    const root = makeCertificate({ name: 'Strict Root', extensions: caExtensions(0) });
    const intermediate = makeCertificate({ name: 'Unauthorised Sub-CA', issuer: root, extensions: caExtensions() });
    const signer = makeCertificate({ name: 'Chen Wei', issuer: intermediate });
    const result = await verifyPdf(await signedBy(signer, [intermediate]), trusting(root));
    expect(result.valid).toBe(false);
    expect(result.signatures[0]!.certificateProblems).toEqual([
      'The certificate of “Strict Root”, which issued Unauthorised Sub-CA’s, allows at most 0 CA certificates below it, but this chain has 1.',
    ]);
  });

  it('refuses a chain whose CA was not valid when the signature claims to have been made', async () => {
    const oldCa = makeCertificate({
      name: 'Retired CA',
      notBefore: new Date('2010-01-01T00:00:00Z'),
      notAfter: new Date('2015-01-01T00:00:00Z'),
      extensions: caExtensions(),
    });
    const signer = makeCertificate({ name: 'Dana Ivers', issuer: oldCa });
    const result = await verifyPdf(await signedBy(signer, [oldCa]), trusting(oldCa));
    expect(result.valid).toBe(false);
    expect(result.signatures[0]!.certificateProblems).toEqual([
      'The certificate of “Retired CA”, which issued Dana Ivers’s, was valid only from 1 ' +
        'January 2010, 00:00 UTC to 1 January 2015, 00:00 UTC; the signature claims 14 March 2026, ' +
        '10:00 UTC.',
    ]);
  });
});
