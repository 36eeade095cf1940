// Certificates with chosen validity and extensions, made with node-forge for each test: a CA, its intermediates,
// and signers whose certificates are expired, not for signing, or issued by something that is not a CA.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { CmsSigner } from '../../../electron/services/signing/cms-signature';

export interface TestCertificate {
  name: string;
  der: Uint8Array;
  pem: string;
  forgeCert: forge.pki.Certificate;
  forgeKey: forge.pki.rsa.PrivateKey;
  privateKey: KeyObject;
}

export interface CertificateOptions {
  name: string;
  /** The issuer; none makes the certificate self-signed. */
  issuer?: TestCertificate;
  /** From 1 January 2025 to a year from now, unless said. */
  notBefore?: Date;
  notAfter?: Date;
  /** node-forge extension objects; by default an end-entity certificate for signing. */
  extensions?: object[];
}

const DAY = 24 * 60 * 60 * 1000;
let serial = 1;

export const SIGNER_EXTENSIONS = [
  { name: 'basicConstraints', cA: false, critical: true },
  { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
];

export function caExtensions(pathLength?: number): object[] {
  return [
    {
      name: 'basicConstraints',
      cA: true,
      critical: true,
      ...(pathLength !== undefined ? { pathLenConstraint: pathLength } : {}),
    },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ];
}

/** Valid only during 2020. */
export const IN_2020 = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2020-12-31T00:00:00Z') };

/** Issue 12's reproduction: Amira Haddad's certificate, valid only in 2020 and for key encipherment only, issued by `ca`. */
export function amiraIn2020(ca: TestCertificate): TestCertificate {
  return makeCertificate({
    name: 'Amira Haddad',
    issuer: ca,
    ...IN_2020,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', keyEncipherment: true, critical: true },
    ],
  });
}

/** An RSA 2048 certificate (key made by Node, certificate written by node-forge). */
export function makeCertificate(options: CertificateOptions): TestCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ format: 'pem', type: 'pkcs1' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = (0x1000 + serial++).toString(16);
  cert.validity.notBefore = options.notBefore ?? new Date('2025-01-01T00:00:00Z');
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY);
  const subject = [{ name: 'commonName', value: options.name }];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.forgeCert.subject.attributes : subject);
  cert.setExtensions(options.extensions ?? SIGNER_EXTENSIONS);
  cert.sign(options.issuer?.forgeKey ?? forgeKey, forge.md.sha256.create());
  const der = new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));
  return { name: options.name, der, pem: forge.pki.certificateToPem(cert), forgeCert: cert, forgeKey, privateKey };
}

/** What signPdf and signJsonReport take: the certificate, the chain above it, and the key. */
export function signerOf(certificate: TestCertificate, chain: TestCertificate[] = []): CmsSigner {
  return { certificate: certificate.der, chain: chain.map((c) => c.der), privateKey: certificate.privateKey };
}

/** A PKCS #12 file with the certificate's key, the certificate and its chain, as an organisation hands one out. */
export function pkcs12Of(certificate: TestCertificate, chain: TestCertificate[], passphrase: string): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    certificate.forgeKey,
    [certificate.forgeCert, ...chain.map((c) => c.forgeCert)],
    passphrase,
    { algorithm: 'aes256' },
  );
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}
