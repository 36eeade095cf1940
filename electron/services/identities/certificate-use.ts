import * as asn1js from 'asn1js';
import { BasicConstraints, ExtKeyUsage, type Certificate } from 'pkijs';
import { formatDateTime } from '../../../shared/report';
import { parseCertificate } from './certificate';

/** The key usages of RFC 5280 §4.2.1.3, in bit order, as people read them. */
const KEY_USAGE_NAMES = [
  'digital signature',
  'non-repudiation',
  'key encipherment',
  'data encipherment',
  'key agreement',
  'certificate signing',
  'CRL signing',
  'encipher only',
  'decipher only',
] as const;
export type KeyUsageName = (typeof KEY_USAGE_NAMES)[number];

/**
 * Extended key usages that allow signing documents: document signing (RFC 9336), email protection (S/MIME, which
 * many organisations' personal certificates carry), any purpose, and the document-signing purposes of Adobe and
 * Microsoft that PDF readers accept.
 */
const DOCUMENT_SIGNING_PURPOSES = new Set([
  '1.3.6.1.5.5.7.3.36',
  '1.3.6.1.5.5.7.3.4',
  '2.5.29.37.0',
  '1.2.840.113583.1.1.5',
  '1.3.6.1.4.1.311.10.3.12',
]);

const PURPOSE_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'TLS server authentication',
  '1.3.6.1.5.5.7.3.2': 'TLS client authentication',
  '1.3.6.1.5.5.7.3.3': 'code signing',
  '1.3.6.1.5.5.7.3.8': 'time stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP signing',
};

/** What a certificate allows its key to do and when, from its validity and extensions (read by pkijs). */
export interface CertificateUse {
  notBefore: Date;
  notAfter: Date;
  /** The key usages it names, when it has the key usage extension (none means any). */
  keyUsage?: KeyUsageName[];
  /** The extended key usages (OIDs), when it has that extension. */
  extendedKeyUsage?: string[];
  /** Basic constraints: whether it is a CA certificate, and how many CAs may follow it in a path. */
  ca: boolean;
  pathLength?: number;
  /** An extension that governs its use but could not be read; such a certificate allows nothing. */
  unreadable?: string;
}

export function readCertificateUse(der: Uint8Array): CertificateUse {
  return useOf(parseCertificate(der));
}

function useOf(cert: Certificate): CertificateUse {
  const use: CertificateUse = { notBefore: cert.notBefore.value, notAfter: cert.notAfter.value, ca: false };
  for (const extension of cert.extensions ?? []) {
    const value = extension.parsedValue;
    // pkijs marks an extension it recognised but could not decode, instead of throwing.
    const damaged = value !== undefined && 'parsingError' in value && value.parsingError !== undefined;
    if (extension.extnID === '2.5.29.15') {
      if (value instanceof asn1js.BitString) use.keyUsage = keyUsageNames(value);
      else use.unreadable = 'key usage';
    } else if (extension.extnID === '2.5.29.37') {
      if (value instanceof ExtKeyUsage && !damaged) use.extendedKeyUsage = value.keyPurposes;
      else use.unreadable = 'extended key usage';
    } else if (extension.extnID === '2.5.29.19') {
      if (!(value instanceof BasicConstraints) || damaged) {
        use.unreadable = 'basic constraints';
        continue;
      }
      use.ca = value.cA;
      const length = value.pathLenConstraint;
      if (typeof length === 'number') use.pathLength = length;
      // A number too large for a JavaScript number limits nothing in practice.
      else if (length instanceof asn1js.Integer) use.pathLength = Number.MAX_SAFE_INTEGER;
    }
  }
  return use;
}

/** The named bits of a KeyUsage BIT STRING: bit 0 is the first byte's highest bit. */
function keyUsageNames(bits: asn1js.BitString): KeyUsageName[] {
  const bytes = bits.valueBlock.valueHexView;
  const count = bytes.length * 8 - bits.valueBlock.unusedBits;
  return KEY_USAGE_NAMES.filter((_, bit) => bit < count && ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
}

/** Why a certificate may not sign a document at a given time. */
export type SigningObstacle =
  | { kind: 'not-yet-valid' | 'expired'; notBefore: Date; notAfter: Date }
  | { kind: 'key-usage'; keyUsage: KeyUsageName[] }
  | { kind: 'extended-key-usage'; purposes: string[] }
  | { kind: 'unreadable'; extension: string };

/**
 * What stops a certificate's key from signing a document at `at`: outside its validity period; a key usage
 * extension without digital signature or non-repudiation (RFC 5280 §4.2.1.3); an extended key usage that names
 * only purposes other than signing documents (RFC 9336 §1); or one of these extensions unreadable.
 */
export function signingObstacles(der: Uint8Array, at: Date): SigningObstacle[] {
  const use = readCertificateUse(der);
  const obstacles: SigningObstacle[] = [];
  if (use.unreadable) obstacles.push({ kind: 'unreadable', extension: use.unreadable });
  if (at < use.notBefore) obstacles.push({ kind: 'not-yet-valid', notBefore: use.notBefore, notAfter: use.notAfter });
  if (at > use.notAfter) obstacles.push({ kind: 'expired', notBefore: use.notBefore, notAfter: use.notAfter });
  if (use.keyUsage && !use.keyUsage.some((u) => u === 'digital signature' || u === 'non-repudiation'))
    obstacles.push({ kind: 'key-usage', keyUsage: use.keyUsage });
  if (use.extendedKeyUsage && !use.extendedKeyUsage.some((p) => DOCUMENT_SIGNING_PURPOSES.has(p)))
    obstacles.push({ kind: 'extended-key-usage', purposes: use.extendedKeyUsage });
  return obstacles;
}

/**
 * When a certificate is judged: the time a signature claims, now for a signature without a claimed time, or now
 * for a signature about to be made.
 */
export interface JudgedAt {
  at: Date;
  claimed: 'signature' | 'unclaimed' | 'signing-now';
}

/** One obstacle in a sentence about a certificate (`whose`: "Amira Haddad’s certificate"). */
export function describeObstacle(whose: string, obstacle: SigningObstacle, { at, claimed }: JudgedAt): string {
  switch (obstacle.kind) {
    case 'not-yet-valid':
    case 'expired': {
      const period = `valid only from ${formatDateTime(obstacle.notBefore.toISOString())} to ${formatDateTime(obstacle.notAfter.toISOString())}`;
      const time = formatDateTime(at.toISOString());
      if (claimed === 'signature') return `${whose} was ${period}; the signature claims ${time}.`;
      if (claimed === 'unclaimed') return `${whose} is ${period}; the signature claims no time, and it is now ${time}.`;
      const limit = formatDateTime(
        (obstacle.kind === 'expired' ? obstacle.notAfter : obstacle.notBefore).toISOString(),
      );
      return `${whose} ${obstacle.kind === 'expired' ? 'expired on' : 'is not valid before'} ${limit} (it is now ${time}).`;
    }
    case 'key-usage':
      return `${whose} may not be used to sign documents (its key usage is ${listOf(obstacle.keyUsage)} only).`;
    case 'extended-key-usage':
      return `${whose} may not be used to sign documents (it is meant only for ${listOf(obstacle.purposes.map((p) => PURPOSE_NAMES[p] ?? p))}).`;
    case 'unreadable':
      return `${whose} has a ${obstacle.extension} extension that cannot be read, so what it allows is unknown.`;
  }
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What to do about an identity whose certificate cannot sign: the same advice wherever it is refused. */
export const NEW_CERTIFICATE_ADVICE =
  'Ask your organisation for a new signing certificate (a new PKCS #12 file), or create an identity in the app.';

/** Why this certificate cannot sign now, in sentences, or undefined when it can. */
export function signingProblemNow(holder: string, der: Uint8Array, now = new Date()): string | undefined {
  const obstacles = signingObstacles(der, now);
  if (obstacles.length === 0) return undefined;
  return (
    `${obstacles.map((o) => describeObstacle(`${holder}’s certificate`, o, { at: now, claimed: 'signing-now' })).join(' ')} ` +
    `It cannot sign. ${NEW_CERTIFICATE_ADVICE}`
  );
}
