import { createHash, randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  AltName,
  BasicConstraints,
  Certificate,
  ExtKeyUsage,
  Extension,
  GeneralName,
  RelativeDistinguishedNames,
} from 'pkijs';
import { cryptoEngine } from './crypto-engine';

export interface CertificateSubject {
  name: string;
  /** What the person does, e.g. "Chair"; written as the subject's title. */
  title: string;
  email?: string;
}

/** How long a certificate made in the app is valid. */
const VALID_YEARS = 5;

/** id-kp-documentSigning (RFC 9336) and emailProtection: what these keys are for. */
const EXTENDED_KEY_USAGES = ['1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.4'];

/**
 * A new ECDSA P-256 key pair and a self-signed X.509 v3 certificate naming its holder: an end-entity certificate
 * (not a CA) for digital signatures and non-repudiation. Returns the certificate (DER) and the private key
 * (PKCS #8 DER), which the caller encrypts before it touches the disk.
 */
export async function createSelfSignedIdentity(
  subject: CertificateSubject,
  now = new Date(),
): Promise<{ certificate: Uint8Array; privateKey: Uint8Array }> {
  const keys = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const cert = new Certificate();
  cert.version = 2;
  cert.serialNumber = certificateSerial(randomBytes(16));
  cert.subject = distinguishedName(subject);
  cert.issuer = distinguishedName(subject);
  cert.notBefore.value = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  cert.notAfter.value = notAfter;
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey as unknown as CryptoKey, cryptoEngine);

  const keyId = createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  // digitalSignature (bit 0) and nonRepudiation / contentCommitment (bit 1).
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 });
  const extensions = [
    new Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new BasicConstraints({ cA: false }).toSchema().toBER(false),
    }),
    new Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
    new Extension({
      extnID: '2.5.29.37',
      critical: false,
      extnValue: new ExtKeyUsage({ keyPurposes: EXTENDED_KEY_USAGES }).toSchema().toBER(false),
    }),
    new Extension({
      extnID: '2.5.29.14',
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: keyId }).toBER(false),
    }),
  ];
  if (subject.email) {
    const altName = new AltName({ altNames: [new GeneralName({ type: 1, value: subject.email })] });
    extensions.push(
      new Extension({ extnID: '2.5.29.17', critical: false, extnValue: altName.toSchema().toBER(false) }),
    );
  }
  cert.extensions = extensions;
  await cert.sign(keys.privateKey as unknown as CryptoKey, 'SHA-256', cryptoEngine);
  const privateKey = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certificate: new Uint8Array(cert.toSchema(true).toBER(false)), privateKey };
}

/**
 * A serial number from random bytes: positive, as RFC 5280 requires (top bit clear), and never starting with a
 * zero byte (bit 6 set), since DER writes integers in their fewest bytes and OpenSSL refuses a certificate whose
 * serial has a needless leading zero (1 in 256 random serials did, and that identity could not be read back).
 */
export function certificateSerial(random: Uint8Array): asn1js.Integer {
  const serial = Uint8Array.from(random);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  return new asn1js.Integer({ valueHex: serial });
}

/** CN, title and email, each its own RDN (one SET per attribute, as readers expect), in that order. */
function distinguishedName(subject: CertificateSubject): RelativeDistinguishedNames {
  const attributes: [string, asn1js.Utf8String | asn1js.IA5String][] = [
    ['2.5.4.3', new asn1js.Utf8String({ value: subject.name })],
    ['2.5.4.12', new asn1js.Utf8String({ value: subject.title })],
  ];
  if (subject.email) attributes.push(['1.2.840.113549.1.9.1', new asn1js.IA5String({ value: subject.email })]);
  const name = new asn1js.Sequence({
    value: attributes.map(
      ([oid, value]) =>
        new asn1js.Set({
          value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: oid }), value] })],
        }),
    ),
  });
  return RelativeDistinguishedNames.fromBER(name.toBER(false));
}
