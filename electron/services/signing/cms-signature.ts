import { createHash, webcrypto, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import { toArrayBuffer } from '../identities/certificate';
import { cryptoEngine } from '../identities/crypto-engine';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

export interface CmsSigner {
  certificate: Uint8Array;
  chain: Uint8Array[];
  privateKey: KeyObject;
}

/**
 * A detached CMS SignedData over content whose SHA-256 is `digest`, as PAdES baseline B-B (ETSI EN 319 142-1)
 * and CAdES (EN 319 122-1) want it: the signer's certificate (and its chain) included, signed attributes
 * content-type (id-data), message-digest and ESS signing-certificate-v2 (the SHA-256 of the signer's certificate
 * with its issuer and serial), and no signing-time attribute — in a PDF the time is the signature dictionary's /M.
 */
export async function createDetachedCms(digest: Uint8Array, signer: CmsSigner): Promise<Uint8Array> {
  const certificate = Certificate.fromBER(toArrayBuffer(signer.certificate));
  const signedAttributes = new SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      new Attribute({
        type: OID.signingCertificateV2,
        values: [signingCertificateV2(signer.certificate, certificate)],
      }),
    ],
  });
  const signedData = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: signedAttributes,
      }),
    ],
    certificates: [certificate, ...signer.chain.map((der) => Certificate.fromBER(toArrayBuffer(der)))],
  });
  const key = await importSigningKey(signer.privateKey);
  await signedData.sign(key, 0, 'SHA-256', undefined, cryptoEngine);
  const contentInfo = new ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), with one ESSCertIDv2:
 * the certificate's SHA-256 (the default hash, so its AlgorithmIdentifier is omitted) and its IssuerSerial.
 */
function signingCertificateV2(der: Uint8Array, certificate: Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames with one directoryName [4] (EXPLICIT, as GeneralName's Name choice is tagged explicitly).
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] }),
        ],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: toArrayBuffer(createHash('sha256').update(der).digest()) }),
      issuerSerial,
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** The key as WebCrypto wants it for pkijs: ECDSA (P-256, P-384) or RSASSA-PKCS1-v1_5, with SHA-256. */
async function importSigningKey(privateKey: KeyObject): Promise<CryptoKey> {
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const algorithm = signingAlgorithm(privateKey);
  return (await webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign'])) as unknown as CryptoKey;
}

export function signingAlgorithm(privateKey: KeyObject): EcKeyImportParams | RsaHashedImportParams {
  if (privateKey.asymmetricKeyType === 'ec') {
    const curve = privateKey.asymmetricKeyDetails?.namedCurve;
    return { name: 'ECDSA', namedCurve: curve === 'secp384r1' ? 'P-384' : 'P-256' };
  }
  if (privateKey.asymmetricKeyType === 'rsa') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  throw new Error(`keys of type ${privateKey.asymmetricKeyType ?? 'unknown'} cannot sign here`);
}
