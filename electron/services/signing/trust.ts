import { X509Certificate } from 'node:crypto';
import type { SignatureCheck } from '../../../shared/api';
import { certificateFingerprint } from '../identities/certificate';

/** The certificates a verifier trusts, by where they come from. */
export interface TrustAnchors {
  /** This user's own identities. */
  identities: Uint8Array[];
  /** Colleagues' and CAs' certificates this user chose to trust. */
  trusted: Uint8Array[];
  /** Certificates named for this one check (`policy-review verify --trust CERT`). */
  given: Uint8Array[];
}

export const NO_TRUST: TrustAnchors = { identities: [], trusted: [], given: [] };

/**
 * Whether a signer is trusted: their certificate is one of the anchors, or it was issued (directly or through
 * the chain the signature carries) by an anchor that is a CA. Only who the certificate names is judged here;
 * whether the signed bytes are intact is the signature check's business.
 */
export function trustOf(signer: Uint8Array, chain: Uint8Array[], anchors: TrustAnchors): Pick<SignatureCheck, 'trusted' | 'trustedAs'> {
  const fingerprint = certificateFingerprint(signer);
  const sources: [NonNullable<SignatureCheck['trustedAs']>, Uint8Array[]][] = [
    ['identity', anchors.identities],
    ['trusted-certificate', anchors.trusted],
    ['given-certificate', anchors.given],
  ];
  for (const [as, certificates] of sources) {
    if (certificates.some((c) => certificateFingerprint(c) === fingerprint)) return { trusted: true, trustedAs: as };
  }
  const authorities = sources.flatMap(([, certificates]) => certificates).map(parse).filter((c): c is X509Certificate => c !== undefined && c.ca);
  const pool = chain.map(parse).filter((c): c is X509Certificate => c !== undefined);
  let current = parse(signer);
  for (let depth = 0; current && depth < 8; depth++) {
    const subject = current;
    if (authorities.some((ca) => issuedBy(subject, ca))) return { trusted: true, trustedAs: 'issuer' };
    current = pool.find((c) => c.fingerprint256 !== subject.fingerprint256 && c.ca && issuedBy(subject, c));
  }
  return { trusted: false };
}

function issuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function parse(der: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}
