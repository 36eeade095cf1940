import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, SignedData, SignedDataVerifyError } from 'pkijs';
import { toArrayBuffer } from '../identities/certificate';
import { OID } from './cms-signature';
import { cryptoEngine } from '../identities/crypto-engine';

export interface CmsCheck {
  intact: boolean;
  /** The signer's certificate (DER), when the CMS names one it contains. */
  signerCertificate?: Uint8Array;
  /** Every certificate in the CMS (DER): the signer's and its chain. */
  certificates: Uint8Array[];
  problem?: string;
}

const HASHES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/**
 * Checks a detached CMS SignedData over `content`: the message digest matches the content, the signature over
 * the signed attributes is the signer certificate's key's, and, when present, ESS signing-certificate-v2 names
 * that very certificate (so the certificate cannot be swapped for another with the same key).
 */
export async function verifyDetachedCms(cms: Uint8Array, content: Uint8Array): Promise<CmsCheck> {
  let signedData: SignedData;
  try {
    const info = ContentInfo.fromBER(toArrayBuffer(cms));
    if (info.contentType !== OID.signedData)
      return { intact: false, certificates: [], problem: 'The signature is not a CMS SignedData.' };
    signedData = new SignedData({ schema: info.content });
  } catch {
    return { intact: false, certificates: [], problem: 'The signature data cannot be read.' };
  }
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is Certificate => c instanceof Certificate)
    .map((c) => new Uint8Array(c.toSchema().toBER(false)));
  if (signedData.signerInfos.length !== 1)
    return {
      intact: false,
      certificates,
      problem: `The signature has ${signedData.signerInfos.length} signers; a PDF signature has exactly one.`,
    };
  let result: { signatureVerified?: boolean | null; signerCertificate?: Certificate | null };
  try {
    result = await signedData.verify(
      { signer: 0, data: toArrayBuffer(content), extendedMode: true, checkChain: false },
      cryptoEngine,
    );
  } catch (error) {
    const signer =
      error instanceof SignedDataVerifyError && error.signerCertificate ? derOf(error.signerCertificate) : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const problem = /digest/i.test(message)
      ? 'The signed bytes have changed since they were signed (the digest does not match).'
      : /signer certificate/i.test(message)
        ? 'The signer’s certificate is not in the signature.'
        : `The signature cannot be checked (${message}).`;
    return { intact: false, certificates, problem, ...(signer ? { signerCertificate: signer } : {}) };
  }
  const signerCertificate = result.signerCertificate ? derOf(result.signerCertificate) : undefined;
  const base: CmsCheck = { intact: false, certificates, ...(signerCertificate ? { signerCertificate } : {}) };
  if (!result.signatureVerified) return { ...base, problem: 'The signature does not match the signer’s certificate.' };
  if (signerCertificate) {
    const essProblem = checkSigningCertificateV2(signedData, signerCertificate);
    if (essProblem) return { ...base, problem: essProblem };
  }
  return { ...base, intact: true };
}

function checkSigningCertificateV2(signedData: SignedData, certificate: Uint8Array): string | undefined {
  const attribute = signedData.signerInfos[0]?.signedAttrs?.attributes.find((a) => a.type === OID.signingCertificateV2);
  if (!attribute) return undefined;
  try {
    const certs = (attribute.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    const algorithmOid =
      parts[0] instanceof asn1js.Sequence
        ? (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString()
        : OID.sha256;
    const hashPart = (parts[0] instanceof asn1js.Sequence ? parts[1] : parts[0]) as asn1js.OctetString;
    const algorithm = HASHES[algorithmOid];
    if (!algorithm) return 'The signing-certificate attribute uses a hash this app does not know.';
    const expected = createHash(algorithm).update(certificate).digest();
    return Buffer.from(hashPart.valueBlock.valueHexView).equals(expected)
      ? undefined
      : 'The signing-certificate attribute names another certificate than the one that signed.';
  } catch {
    return 'The signing-certificate attribute cannot be read.';
  }
}

function derOf(certificate: Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER(false));
}
