import { X509Certificate } from 'node:crypto';
import canonicalize from 'canonicalize';
import { base64url, FlattenedSign, generalVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, renderReportJson } from '../../../shared/report';
import { canonicalPayload, signJsonReport } from '../../../electron/services/signing/json-signature';
import { NO_TRUST } from '../../../electron/services/signing/trust';
import { verifyReport } from '../../../electron/services/signing/verify-report';
import { rivertonReview } from '../report/support-review';
import { SIGNED_AT, threeSigners, workFolder, type Signers } from './support-signing';

let signers: Signers;
let report: Uint8Array;
let signatures: string;

beforeAll(async () => {
  signers = await threeSigners(workFolder());
  report = new Uint8Array(
    Buffer.from(
      renderReportJson(buildReportModel(await rivertonReview(), { generatedAt: '2025-03-14T10:00:00.000Z' })),
    ),
  );
  const first = await signJsonReport(report, undefined, {
    signer: signers.ana.signer,
    key: signers.ana,
    meaning: 'Approved',
    signedAt: SIGNED_AT,
  });
  signatures = await signJsonReport(report, first, {
    signer: signers.ben.signer,
    key: signers.ben,
    meaning: 'Legal review',
    signedAt: new Date(SIGNED_AT.getTime() + 30 * 60_000),
  });
}, 60_000);

const verify = (bytes: Uint8Array, jws = signatures) =>
  verifyReport({ fileName: 'report.json', bytes, signatures: jws }, NO_TRUST);

describe('detached JWS over the JCS-canonical JSON report', () => {
  it('writes a JWS in the general JSON serialization without its payload, one entry per signer', () => {
    const file = JSON.parse(signatures) as { payload?: string; signatures: { protected: string; signature: string }[] };
    expect(file.payload).toBeUndefined();
    expect(file.signatures).toHaveLength(2);
    const header = JSON.parse(Buffer.from(base64url.decode(file.signatures[0]!.protected)).toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(header).toMatchObject({
      alg: 'ES256',
      cty: 'json',
      canon: 'RFC8785',
      sigT: SIGNED_AT.toISOString().replace('.000Z', 'Z'),
      crit: ['sigT'],
      meaning: 'Approved',
      signer: { name: 'Ana Díaz', role: 'chair' },
    });
    const x5c = header.x5c as string[];
    expect(new X509Certificate(Buffer.from(x5c[0]!, 'base64')).subject).toContain('CN=Ana Díaz');
  });

  it('is a standard JWS: jose verifies it once the canonical report is put back as its payload', async () => {
    const file = JSON.parse(signatures) as { signatures: { protected: string; signature: string }[] };
    const payload = base64url.encode(Buffer.from(canonicalize(JSON.parse(Buffer.from(report).toString('utf8'))) ?? ''));
    const key = new X509Certificate(signers.ben.certificate).publicKey;
    const verified = await generalVerify({ payload, signatures: [file.signatures[1]!] }, key, { crit: { sigT: true } });
    expect(Buffer.from(verified.payload).equals(Buffer.from(canonicalPayload(report)))).toBe(true);
  });

  it('verifies both signers, and still does after the report is re-indented (the signature is over its canonical form)', async () => {
    const result = await verify(report);
    expect(result).toMatchObject({ kind: 'json', valid: true });
    expect(result.signatures).toEqual([
      expect.objectContaining({
        signer: 'Ana Díaz',
        meaning: 'Approved',
        role: 'chair',
        signedAt: SIGNED_AT.toISOString(),
        intact: true,
        coversWholeFile: true,
        trusted: false,
      }),
      expect.objectContaining({ signer: 'Ben Okafor', meaning: 'Legal review', intact: true }),
    ]);
    const reindented = Buffer.from(JSON.stringify(JSON.parse(Buffer.from(report).toString('utf8'))));
    expect((await verify(reindented)).valid).toBe(true);
  });

  it('rejects a report with one value changed', async () => {
    const changed = JSON.parse(Buffer.from(report).toString('utf8')) as { summary: { reviewed: number } };
    changed.summary.reviewed += 1;
    const result = await verify(Buffer.from(JSON.stringify(changed, null, 2)));
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => s.intact)).toEqual([false, false]);
    expect(result.signatures[0]!.problem).toMatch(/not what was signed/);
  });

  it('rejects a signature moved onto another signer’s certificate', async () => {
    const file = JSON.parse(signatures) as { signatures: { protected: string; signature: string }[] };
    const [ana, ben] = file.signatures;
    const swapped = JSON.stringify({ signatures: [{ protected: ana!.protected, signature: ben!.signature }] });
    expect((await verify(report, swapped)).signatures[0]!.intact).toBe(false);
  });

  it('says which file is missing when the signatures of a JSON report are not given', async () => {
    await expect(verifyReport({ fileName: 'report.json', bytes: report }, NO_TRUST)).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('report.json.jws'),
    });
  });
});

describe('JSON a reader and a signature would see differently', () => {
  const text = () => Buffer.from(report).toString('utf8');
  const sign = (json: string) =>
    signJsonReport(Buffer.from(json), undefined, {
      signer: signers.ana.signer,
      key: signers.ana,
      meaning: 'Approved',
      signedAt: SIGNED_AT,
    });

  it('refuses a report with a duplicate member placed before the real one, naming where, when checking and when signing', async () => {
    const real = '"title": "City of Riverton — Social Media Policy"';
    expect(text()).toContain(real);
    const doubled = Buffer.from(text().replace(real, `"title": "APPROVED WITHOUT RESERVATIONS",\n    ${real}`));
    const refusal = {
      code: 'E_INVALID_INPUT',
      message:
        'This JSON cannot be signed or checked as a report: the member “title” appears twice in ' +
        'one object (at /review/title); readers disagree about which of the two counts. What a ' +
        'signature covers and what a reader sees could differ.',
    };
    await expect(verify(doubled)).rejects.toMatchObject(refusal);
    await expect(sign(doubled.toString('utf8'))).rejects.toMatchObject(refusal);
    // Spelled differently, the name is still the same.
    await expect(
      verify(Buffer.from(text().replace(real, `"\\u0074itle": "APPROVED WITHOUT RESERVATIONS",\n    ${real}`))),
    ).rejects.toMatchObject(refusal);
  });

  it('refuses a number that an IEEE double cannot hold, which would verify against another number’s signature', async () => {
    const jws = await sign('{"format":"policy-review-report","budget":12345678901234567000}');
    const shown = Buffer.from('{"format":"policy-review-report","budget":12345678901234567891}');
    await expect(
      verifyReport({ fileName: 'report.json', bytes: shown, signatures: jws }, NO_TRUST),
    ).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining(
        'the number 12345678901234567891 at /budget does not survive as a JSON number (an IEEE 754 double reads it as 12345678901234567000)',
      ),
    });
    for (const fine of ['1.0', '1e2', '-0', '0.1', '5e-324', '1.7976931348623157e308'])
      await expect(sign(`{"n":${fine}}`)).resolves.toContain('signatures');
    for (const lost of ['1e400', '0.1000000000000000000001', '9007199254740993'])
      await expect(sign(`{"n":${lost}}`)).rejects.toMatchObject({
        message: expect.stringContaining(`the number ${lost} at /n`),
      });
  });

  it('refuses lone surrogates and bytes that are not UTF-8, which the canonical form would not keep', async () => {
    await expect(sign('{"note":{"a\\ud800":1}}')).rejects.toMatchObject({
      message: expect.stringContaining('the member name at /note/a\\ud800 holds a lone UTF-16 surrogate'),
    });
    await expect(sign('{"note":["ok","\\udc00"]}')).rejects.toMatchObject({
      message: expect.stringContaining('the text at /note/1 holds a lone UTF-16 surrogate'),
    });
    // Any byte that is not UTF-8 used to be read as U+FFFD, so a file with other bytes verified as the signed one.
    const jws = await sign('{"note":"\uFFFD"}');
    const other = Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    await expect(
      verifyReport({ fileName: 'report.json', bytes: other, signatures: jws }, NO_TRUST),
    ).rejects.toMatchObject({
      message: 'That file is not UTF-8 text, so it cannot be signed or checked as a JSON report.',
    });
  });

  it('writes JSON reports that can always be signed: a lone surrogate in a review becomes U+FFFD', async () => {
    const review = await rivertonReview();
    review.title = 'Social media policy \ud800';
    const json = renderReportJson(buildReportModel(review, { generatedAt: '2026-03-14T10:00:00.000Z' }));
    expect(json).toContain('"title": "Social media policy \uFFFD"');
    await expect(sign(json)).resolves.toContain('signatures');
  });

  it('answers per signature when a header’s signing time is not a date, and still checks the others', async () => {
    const key = signers.chen;
    const forged = await new FlattenedSign(canonicalPayload(report))
      .setProtectedHeader({
        alg: 'ES256',
        cty: 'json',
        canon: 'RFC8785',
        x5c: [Buffer.from(key.certificate).toString('base64')],
        sigT: 'not a date',
        crit: ['sigT'],
        meaning: 'Approved',
      })
      .sign(key.privateKey, { crit: { sigT: true } });
    const file = JSON.parse(signatures) as { signatures: { protected: string; signature: string }[] };
    const withForged = JSON.stringify({
      signatures: [{ protected: forged.protected, signature: forged.signature }, ...file.signatures],
    });
    const result = await verify(report, withForged);
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => s.intact)).toEqual([false, true, true]);
    expect(result.signatures[0]!.problem).toBe(
      'This signature’s header is not valid: its signing time (sigT) “not a date” is not a date ' +
        'and time as RFC 3339 writes them (for example 2026-03-14T15:30:00Z). The signature was ' +
        'not checked.',
    );
  });
});
