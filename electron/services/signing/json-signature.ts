import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { base64url, flattenedVerify, FlattenedSign } from 'jose';
import { z } from 'zod';
import type { SignatureCheck } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Author } from '../../../shared/model';
import { describeCertificate } from '../identities/certificate';
import type { CmsSigner } from './cms-signature';
import { checkIJson } from './i-json';
import { checkSignerCertificate } from './signer-certificate';
import type { TrustAnchors } from './trust';

/**
 * The signatures file of a JSON report (`<report>.json.jws`): a JWS in the General JSON Serialization (RFC 7515
 * §7.2.1) whose payload is detached (Appendix F): the payload is the report's JCS canonical form (RFC 8785), so
 * it is not repeated here, and re-indenting the report does not break a signature while changing a value does.
 * Each signer adds one entry to `signatures`; each protected header holds:
 *   alg        ES256 (P-256 keys), ES384 (P-384) or RS256 (RSA)
 *   cty        "json"; `canon` "RFC8785": how the payload is made from the report
 *   x5c        the signer's certificate and its chain; `x5t#S256` the certificate's SHA-256
 *   sigT       the claimed signing time (UTC), listed in `crit` as JAdES (ETSI TS 119 182-1) does
 *   meaning    what the signature means ("Approved", …); `signer` the name, role and email signed for
 */
export const JwsSignatureFile = z.object({
  signatures: z.array(
    z
      .object({ protected: z.string().regex(/^[A-Za-z0-9_-]+$/), signature: z.string().regex(/^[A-Za-z0-9_-]+$/) })
      .strict(),
  ),
});
export type JwsSignatureFile = z.infer<typeof JwsSignatureFile>;

const JWS_ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256'] as const;

/** A protected header as this app writes it; anything else in its fields makes that one signature fail, in words. */
const ProtectedHeader = z.object({
  alg: z.enum(JWS_ALGORITHMS, { error: `is not one this app checks (${JWS_ALGORITHMS.join(', ')})` }),
  cty: z.literal('json', { error: 'is not “json”' }).optional(),
  canon: z.literal('RFC8785', { error: 'is not “RFC8785”, the only canonical form this app signs' }).optional(),
  x5c: z
    .array(z.base64({ error: 'holds something that is not a base64 certificate' }), {
      error: 'is not a list of certificates',
    })
    .min(1, { error: 'is empty' }),
  'x5t#S256': z.base64url({ error: 'is not base64url' }).optional(),
  sigT: z.iso
    .datetime({
      offset: true,
      error: 'is not a date and time as RFC 3339 writes them (for example 2026-03-14T15:30:00Z)',
    })
    .refine((t) => !Number.isNaN(Date.parse(t)), { error: 'is not a date that exists' })
    .optional(),
  crit: z.array(z.string(), { error: 'is not a list of header names' }).optional(),
  meaning: z.string({ error: 'is not text' }).max(1000, { error: 'is longer than 1,000 characters' }).optional(),
  signer: z
    .object(
      { name: z.string(), role: z.string().optional(), email: z.string().optional() },
      { error: 'is not a name, role and email' },
    )
    .optional(),
});
type ProtectedHeader = z.infer<typeof ProtectedHeader>;

const HEADER_FIELDS: Record<string, string> = {
  alg: 'algorithm (alg)',
  cty: 'content type (cty)',
  canon: 'canonical form (canon)',
  x5c: 'certificate chain (x5c)',
  'x5t#S256': 'certificate thumbprint (x5t#S256)',
  sigT: 'signing time (sigT)',
  crit: 'list of critical fields (crit)',
  meaning: 'meaning',
  signer: 'signer',
};

/** A signature's protected header, or why it cannot be used, in a sentence. */
function readProtectedHeader(encoded: string): { header: ProtectedHeader } | { problem: string } {
  let raw: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(encoded));
    raw = JSON.parse(text);
    checkIJson(text);
  } catch (error) {
    const why =
      error instanceof AppError
        ? error.message.replace(/^This JSON cannot be signed or checked as a report: /, '')
        : 'it is not JSON.';
    return { problem: `This signature’s header cannot be read: ${why}` };
  }
  const parsed = ProtectedHeader.safeParse(raw);
  if (parsed.success) return { header: parsed.data };
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const label = HEADER_FIELDS[field];
  if (!label) return { problem: 'This signature’s header is not a JSON object, so the signature cannot be checked.' };
  const value = (raw as Record<string, unknown>)[field];
  const shown = typeof value === 'string' ? ` “${value.length > 60 ? `${value.slice(0, 60)}…` : value}”` : '';
  const what = value === undefined ? 'is missing' : (issue?.message ?? 'is not valid');
  return {
    problem: `This signature’s header is not valid: its ${label}${shown} ${what}. The signature was not checked.`,
  };
}

/**
 * The bytes a JSON report's signatures cover: its JCS canonical form. Only for I-JSON in UTF-8 (checkIJson), where
 * the canonical form means what the file does: a report that a reader and a signature would see differently is
 * refused, both when signing and when checking.
 */
export function canonicalPayload(reportJson: Uint8Array): Uint8Array {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(reportJson);
  } catch {
    throw new AppError(
      'E_INVALID_INPUT',
      'That file is not UTF-8 text, so it cannot be signed or checked as a JSON report.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(
      'E_INVALID_INPUT',
      'That file is not valid JSON, so it cannot be signed or checked as a JSON report.',
    );
  }
  checkIJson(text);
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new AppError('E_INVALID_INPUT', 'That JSON has nothing to sign.');
  return new Uint8Array(Buffer.from(canonical, 'utf8'));
}

export function readSignatureFile(text: string | undefined): JwsSignatureFile {
  if (text === undefined) return { signatures: [] };
  try {
    return JwsSignatureFile.parse(JSON.parse(text));
  } catch {
    throw new AppError(
      'E_INVALID_INPUT',
      'The signatures file (.jws) is damaged or is not a JWS of this app; it was not changed.',
    );
  }
}

/** Adds one signer's detached JWS to the report's signatures file and returns the new file's text. */
export async function signJsonReport(
  reportJson: Uint8Array,
  existing: string | undefined,
  request: { signer: Author; key: CmsSigner; meaning: string; signedAt: Date },
): Promise<string> {
  const file = readSignatureFile(existing);
  const payload = canonicalPayload(reportJson);
  const { certificate, chain, privateKey } = request.key;
  const signer: Record<string, string> = { name: request.signer.name };
  if (request.signer.role) signer.role = request.signer.role;
  if (request.signer.email) signer.email = request.signer.email;
  const jws = await new FlattenedSign(payload)
    .setProtectedHeader({
      alg: jwsAlgorithm(privateKey),
      cty: 'json',
      canon: 'RFC8785',
      x5c: [certificate, ...chain].map((der) => Buffer.from(der).toString('base64')),
      'x5t#S256': base64url.encode(createHash('sha256').update(certificate).digest()),
      sigT: request.signedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      crit: ['sigT'],
      meaning: request.meaning,
      signer,
    })
    .sign(privateKey, { crit: { sigT: true } });
  if (!jws.protected) throw new Error('the JWS has no protected header');
  file.signatures.push({ protected: jws.protected, signature: jws.signature });
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Checks every signature of a JSON report's signatures file against the report. */
export async function verifyJsonReport(
  reportJson: Uint8Array,
  signaturesText: string,
  anchors: TrustAnchors,
): Promise<SignatureCheck[]> {
  const file = readSignatureFile(signaturesText);
  const payload = base64url.encode(canonicalPayload(reportJson));
  const checks: SignatureCheck[] = [];
  for (const entry of file.signatures) {
    const check: SignatureCheck = {
      signer: 'unknown signer',
      intact: false,
      coversWholeFile: true,
      trusted: false,
      signedBytes: reportJson.length,
    };
    const read = readProtectedHeader(entry.protected);
    if ('problem' in read) {
      checks.push({ ...check, problem: read.problem });
      continue;
    }
    const { header } = read;
    if (header.sigT) check.signedAt = new Date(header.sigT).toISOString();
    if (header.meaning) check.meaning = header.meaning;
    if (header.signer?.role) check.role = header.signer.role;
    const chain = header.x5c.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
    const certificate = chain[0]!;
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(certificate);
      const info = describeCertificate(certificate);
      check.signer = info.name;
      check.certificate = info;
    } catch {
      checks.push({ ...check, problem: 'The signer’s certificate in this signature cannot be read.' });
      continue;
    }
    if (
      header['x5t#S256'] &&
      header['x5t#S256'] !== base64url.encode(createHash('sha256').update(certificate).digest())
    ) {
      checks.push({ ...check, problem: 'The certificate thumbprint does not match the certificate.' });
      continue;
    }
    try {
      await flattenedVerify({ payload, protected: entry.protected, signature: entry.signature }, x509.publicKey, {
        crit: { sigT: true },
        algorithms: [...JWS_ALGORITHMS],
      });
      check.intact = true;
    } catch {
      check.problem =
        'The report is not what was signed: its content changed after signing, or the signature is not this certificate’s.';
    }
    Object.assign(check, checkSignerCertificate(certificate, chain.slice(1), anchors, check.signedAt));
    checks.push(check);
  }
  return checks;
}

function jwsAlgorithm(key: KeyObject): 'ES256' | 'ES384' | 'RS256' {
  if (key.asymmetricKeyType === 'ec') return key.asymmetricKeyDetails?.namedCurve === 'secp384r1' ? 'ES384' : 'ES256';
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  throw new AppError('E_UNSUPPORTED', 'This identity’s key type cannot sign a JSON report.');
}
