import type { SignatureCheck } from '../../../shared/api';
import { describeCertificate } from '../identities/certificate';
import { describeObstacle, signingObstacles, type JudgedAt } from '../identities/certificate-use';
import { trustPathOf, type TrustAnchors } from './trust';

/**
 * What a signature's certificate says about it, judged at the time the signature claims (PDF /M, JWS sigT), or now
 * when it claims none: whether the certificate allowed its key to sign documents then (validity, key usage,
 * extended key usage), and whether the signer is trusted here, through a path that holds at that time. A
 * certificate that did not allow the signature, or a path whose issuers could not vouch for it, is a problem of
 * the signature (it makes the file not valid); a signer nobody here trusts is not, because trust is the reader's
 * decision.
 */
export function checkSignerCertificate(
  certificate: Uint8Array,
  chain: Uint8Array[],
  anchors: TrustAnchors,
  claimedAt: string | undefined,
): Pick<SignatureCheck, 'trusted' | 'trustedAs' | 'certificateProblems'> {
  const when: JudgedAt = claimedAt
    ? { at: new Date(claimedAt), claimed: 'signature' }
    : { at: new Date(), claimed: 'unclaimed' };
  const whose = `${describeCertificate(certificate).name}’s certificate`;
  const problems = signingObstacles(certificate, when.at).map((o) => describeObstacle(whose, o, when));
  const path = trustPathOf(certificate, chain, anchors, when);
  problems.push(...(path?.problems ?? []));
  const trusted = path !== undefined && path.problems.length === 0;
  return {
    trusted,
    ...(trusted ? { trustedAs: path.trustedAs } : {}),
    ...(problems.length ? { certificateProblems: problems } : {}),
  };
}
