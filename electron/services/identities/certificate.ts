import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, type RelativeDistinguishedNames } from 'pkijs';
import { AppError } from '../../../shared/errors';
import { sha256Hex } from '../storage/on-demand-crypto';

/** What a person needs to know about a certificate to decide whether to trust it. */
/** Largest certificate or PKCS #12 file the app reads. */
export const MAX_KEY_FILE_BYTES = 1024 * 1024;

export interface CertificateInfo {
  /** The subject's common name: who the certificate names. */
  name: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the certificate's DER bytes, lower-case hex: what people compare to be sure it is the same one. */
  fingerprint: string;
  selfSigned: boolean;
  keyAlgorithm: string;
  email?: string;
}

const NAME_LABELS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GN',
  '2.5.4.12': 'T',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.6': 'C',
  '1.2.840.113549.1.9.1': 'E',
};

export function parseCertificate(der: Uint8Array): Certificate {
  try {
    return Certificate.fromBER(toArrayBuffer(der));
  } catch {
    throw new AppError('E_INVALID_INPUT', 'That is not an X.509 certificate this app can read.');
  }
}

/** Certificates from a file: one or more PEM blocks, or one DER certificate. */
export function readCertificateFile(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
      (m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')),
    );
    if (blocks.length) return blocks;
  }
  if (bytes[0] === 0x30) return [bytes];
  throw new AppError(
    'E_INVALID_INPUT',
    'That file holds no certificate. Use a certificate file (.pem, .crt or .cer) exported from the app or your organisation.',
  );
}

export function certificateToPem(der: Uint8Array): string {
  const base64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

export function certificateFingerprint(der: Uint8Array): string {
  return sha256Hex(der);
}

export function describeCertificate(der: Uint8Array): CertificateInfo {
  const cert = parseCertificate(der);
  const x509 = new X509Certificate(der);
  const info: CertificateInfo = {
    name: commonName(cert.subject) ?? formatName(cert.subject),
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    fingerprint: certificateFingerprint(der),
    // Issuer and subject the same name, and signed by its own key (Node's checkIssued would also want keyCertSign).
    selfSigned: cert.issuer.isEqual(cert.subject) && x509.verify(x509.publicKey),
    keyAlgorithm: keyAlgorithm(x509),
  };
  const email = nameValue(cert.subject, '1.2.840.113549.1.9.1') ?? x509.subjectAltName?.match(/email:([^,\s]+)/)?.[1];
  if (email) info.email = email;
  return info;
}

export function commonName(name: RelativeDistinguishedNames): string | undefined {
  return nameValue(name, '2.5.4.3');
}

function nameValue(name: RelativeDistinguishedNames, oid: string): string | undefined {
  const found = name.typesAndValues.find((t) => t.type === oid);
  return found ? valueText(found.value) : undefined;
}

export function formatName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues.map((t) => `${NAME_LABELS[t.type] ?? t.type}=${valueText(t.value)}`).join(', ');
}

function valueText(value: unknown): string {
  if (value && typeof value === 'object' && 'valueBlock' in value) {
    const block = (value as { valueBlock: { value?: unknown } }).valueBlock;
    if (typeof block.value === 'string') return block.value;
  }
  if (value instanceof asn1js.BaseBlock) return Buffer.from(value.valueBeforeDecodeView).toString('hex');
  return String(value);
}

function keyAlgorithm(x509: X509Certificate): string {
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'ec')
    return `ECDSA ${details?.namedCurve === 'prime256v1' ? 'P-256' : details?.namedCurve === 'secp384r1' ? 'P-384' : (details?.namedCurve ?? '')}`.trim();
  if (key.asymmetricKeyType === 'rsa') return `RSA ${details?.modulusLength ?? ''}`.trim();
  return key.asymmetricKeyType ?? 'unknown';
}

/** The bytes as an ArrayBuffer of their own, as asn1js and WebCrypto want them. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
