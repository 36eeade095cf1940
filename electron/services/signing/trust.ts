import { X509Certificate } from 'node:crypto';
import type { SignatureCheck } from '../../../shared/api';
import { certificateFingerprint, describeCertificate, parseCertificate } from '../identities/certificate';
import { describeObstacle, listOf, readCertificateUse, type JudgedAt } from '../identities/certificate-use';

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

/** How far a chain is followed: deeper than any real organisation's PKI. */
const MAX_PATH = 8;

interface Link {
  der: Uint8Array;
  x509: X509Certificate;
}

/** How a signer's certificate is trusted: the path from it to the anchor, and what is wrong with that path. */
export interface TrustPath {
  trustedAs: NonNullable<SignatureCheck['trustedAs']>;
  /** The signer's certificate first, the trusted one last (one certificate when it is itself trusted). */
  path: Uint8Array[];
  /** Why the issuers on the path could not vouch for the signer at `at`; empty when they could. */
  problems: string[];
}

/**
 * Whether a signer is trusted: their certificate is one of the anchors, or a path leads from it, through the chain
 * the signature carries, to an anchor that issued it. Issuers are matched by name and signature alone, so a path
 * through a certificate that may not issue certificates is found and said to be wrong rather than silently ignored;
 * the path then has to hold at `at` (RFC 5280 §6.1, without revocation or policies): every issuer a CA (basic
 * constraints), allowed to sign certificates (key usage), within its path length constraint, and valid at `at`.
 * Of several paths, one that holds wins. Only who the certificate names is judged here; whether it may sign is
 * the signer check's business, and whether the signed bytes are intact the signature check's.
 */
export function trustPathOf(
  signer: Uint8Array,
  chain: Uint8Array[],
  anchors: TrustAnchors,
  when: JudgedAt,
): TrustPath | undefined {
  const fingerprint = certificateFingerprint(signer);
  const sources: [TrustPath['trustedAs'], Uint8Array[]][] = [
    ['identity', anchors.identities],
    ['trusted-certificate', anchors.trusted],
    ['given-certificate', anchors.given],
  ];
  for (const [trustedAs, certificates] of sources) {
    if (certificates.some((c) => certificateFingerprint(c) === fingerprint))
      return { trustedAs, path: [signer], problems: [] };
  }
  const leaf = link(signer);
  if (!leaf) return undefined;
  const authorities = sources
    .flatMap(([, certificates]) => certificates.map(link))
    .filter((c): c is Link => c !== undefined);
  const pool = chain.map(link).filter((c): c is Link => c !== undefined);
  let fallback: TrustPath | undefined;
  const search = (path: Link[]): TrustPath | undefined => {
    const subject = path.at(-1)!;
    for (const authority of authorities.filter((a) => issuedBy(subject, a))) {
      const found = [...path, authority];
      const problems = chainProblems(found, when);
      const candidate: TrustPath = { trustedAs: 'issuer', path: found.map((c) => c.der), problems };
      if (problems.length === 0) return candidate;
      fallback ??= candidate;
    }
    if (path.length >= MAX_PATH) return undefined;
    for (const issuer of pool.filter(
      (c) => !path.some((p) => p.x509.fingerprint256 === c.x509.fingerprint256) && issuedBy(subject, c),
    )) {
      const found = search([...path, issuer]);
      if (found) return found;
    }
    return undefined;
  };
  return search([leaf]) ?? fallback;
}

/** What keeps the issuers of `path` (signer first) from vouching for the certificates below them at `when.at`. */
function chainProblems(path: Link[], when: JudgedAt): string[] {
  const { at } = when;
  const problems: string[] = [];
  for (let k = 1; k < path.length; k++) {
    const issuer = path[k]!;
    const whose = `The certificate of “${describeCertificate(issuer.der).name}”, which issued ${describeCertificate(path[k - 1]!.der).name}’s,`;
    const use = readCertificateUse(issuer.der);
    if (use.unreadable) problems.push(`${whose} has a ${use.unreadable} extension that cannot be read.`);
    if (!use.ca)
      problems.push(`${whose} is not a CA certificate (its basic constraints do not allow it to issue certificates).`);
    if (use.keyUsage && !use.keyUsage.includes('certificate signing'))
      problems.push(`${whose} may not sign certificates (its key usage is ${listOf(use.keyUsage)} only).`);
    // CA certificates between this issuer and the signer's (RFC 5280 §4.2.1.9); self-issued ones are not exempted here.
    const between = k - 1;
    if (use.pathLength !== undefined && between > use.pathLength) {
      problems.push(
        `${whose} allows at most ${use.pathLength} CA certificate${use.pathLength === 1 ? '' : 's'} below it, but this chain has ${between}.`,
      );
    }
    if (at < use.notBefore || at > use.notAfter) {
      problems.push(
        describeObstacle(
          whose,
          { kind: at < use.notBefore ? 'not-yet-valid' : 'expired', notBefore: use.notBefore, notAfter: use.notAfter },
          when,
        ),
      );
    }
  }
  return problems;
}

/** `subject` names `issuer` as its issuer and carries a signature by its key. */
function issuedBy(subject: Link, issuer: Link): boolean {
  try {
    return subject.x509.issuer === issuer.x509.subject && subject.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

/** A certificate both Node and pkijs can read (the path checks read its extensions with pkijs); else none. */
function link(der: Uint8Array): Link | undefined {
  try {
    parseCertificate(der);
    return { der, x509: new X509Certificate(der) };
  } catch {
    return undefined;
  }
}
