import { X509Certificate } from 'node:crypto';
import canonicalize from 'canonicalize';
import { base64url, generalVerify } from 'jose';
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
  report = new Uint8Array(Buffer.from(renderReportJson(buildReportModel(await rivertonReview(), { generatedAt: '2025-03-14T10:00:00.000Z' }))));
  const first = await signJsonReport(report, undefined, { signer: signers.ana.signer, key: signers.ana, meaning: 'Approved', signedAt: SIGNED_AT });
  signatures = await signJsonReport(report, first, { signer: signers.ben.signer, key: signers.ben, meaning: 'Legal review', signedAt: new Date(SIGNED_AT.getTime() + 30 * 60_000) });
}, 60_000);

const verify = (bytes: Uint8Array, jws = signatures) => verifyReport({ fileName: 'report.json', bytes, signatures: jws }, NO_TRUST);

describe('detached JWS over the JCS-canonical JSON report', () => {
  it('writes a JWS in the general JSON serialization without its payload, one entry per signer', () => {
    const file = JSON.parse(signatures) as { payload?: string; signatures: { protected: string; signature: string }[] };
    expect(file.payload).toBeUndefined();
    expect(file.signatures).toHaveLength(2);
    const header = JSON.parse(Buffer.from(base64url.decode(file.signatures[0]!.protected)).toString('utf8')) as Record<string, unknown>;
    expect(header).toMatchObject({ alg: 'ES256', cty: 'json', canon: 'RFC8785', sigT: SIGNED_AT.toISOString().replace('.000Z', 'Z'), crit: ['sigT'], meaning: 'Approved', signer: { name: 'Ana Díaz', role: 'chair' } });
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
      expect.objectContaining({ signer: 'Ana Díaz', meaning: 'Approved', role: 'chair', signedAt: SIGNED_AT.toISOString(), intact: true, coversWholeFile: true, trusted: false }),
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
    await expect(verifyReport({ fileName: 'report.json', bytes: report }, NO_TRUST)).rejects.toMatchObject({ code: 'E_INVALID_INPUT', message: expect.stringContaining('report.json.jws') });
  });
});
