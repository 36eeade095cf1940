import type { ReactNode } from 'react';
import type { SignatureCheck, VerificationResult } from '../../../../shared/api';
import { ROLE_LABELS } from '../../../../shared/vocabulary';
import { formatBytes, formatDateTime } from '../../ui/format';
import { AlertIcon, CheckCircleIcon, ShieldCheckIcon, ShieldQuestionIcon, XCircleIcon } from '../../ui/icons';
import { isCommitteeRole } from '../committee';
import { shortHash } from './reportFormats';

type Tone = 'good' | 'bad' | 'caution';

/** One finding about a signature: an icon and words, so it never rests on colour alone. */
function Finding({ tone, icon, children }: { tone: Tone; icon: ReactNode; children: ReactNode }) {
  return (
    <li className={`verify-finding verify-${tone}`}>
      <span className="verify-finding-icon">{icon}</span>
      <span>{children}</span>
    </li>
  );
}

const TRUSTED_AS: Record<NonNullable<SignatureCheck['trustedAs']>, string> = {
  identity: 'one of your identities on this computer',
  'trusted-certificate': 'a certificate you trust',
  'given-certificate': 'a certificate given for this check',
  issuer: 'issued by a certificate you trust',
};

function roleLabel(role: string | undefined): string | undefined {
  if (!role) return undefined;
  return isCommitteeRole(role) ? ROLE_LABELS[role] : role;
}

/** The overall verdict in a sentence, for the top of the result. */
function verdict(result: VerificationResult): { tone: Tone; title: string } {
  if (result.signatures.length === 0) return { tone: 'caution', title: 'This file has no signatures' };
  if (!result.valid && result.signatures.some((s) => s.changesAfter?.length))
    return { tone: 'bad', title: 'Do not rely on this report: it was changed after it was signed' };
  if (!result.valid) return { tone: 'bad', title: 'Do not rely on this report: a signature does not hold' };
  const untrusted = result.signatures.filter((s) => !s.trusted).length;
  if (untrusted)
    return {
      tone: 'caution',
      title: `Every signature is intact, but ${untrusted === 1 ? 'one signer is' : `${untrusted} signers are`} not trusted on this computer`,
    };
  return { tone: 'good', title: 'Every signature is intact and every signer is trusted' };
}

const VERDICT_ICONS: Record<Tone, ReactNode> = {
  good: <CheckCircleIcon size={22} />,
  bad: <XCircleIcon size={22} />,
  caution: <AlertIcon size={22} />,
};

/** What checking a signed report found: the verdict on top, then each signature in the order it was made. */
export function VerificationView({ result }: { result: VerificationResult }) {
  const overall = verdict(result);
  const last = result.signatures.length - 1;
  return (
    <div className="verify-result">
      <div className={`verify-verdict verify-${overall.tone}`} role="status">
        <span className="verify-verdict-icon">{VERDICT_ICONS[overall.tone]}</span>
        <div>
          <p className="verify-verdict-title">{overall.title}</p>
          <p className="verify-verdict-text">{result.summary}</p>
          <p className="verify-file">
            {result.fileName} · {formatBytes(result.fileBytes)} · SHA-256{' '}
            <code title={result.sha256}>{shortHash(result.sha256)}</code>
            {result.unsignedSha256 && (
              <>
                {' '}
                · as exported <code title={result.unsignedSha256}>{shortHash(result.unsignedSha256)}</code>
              </>
            )}
          </p>
        </div>
      </div>
      {result.signatures.length > 0 && (
        <ol className="verify-signatures" aria-label="Signatures, in the order they were made">
          {result.signatures.map((signature, index) => {
            const role = roleLabel(signature.role);
            return (
              <li key={index} className="verify-signature">
                <h3 className="verify-signer">
                  <span className="verify-signature-number">Signature {index + 1}:</span> {signature.signer}
                  {role && <span className="verify-role"> · {role}</span>}
                </h3>
                <p className="verify-meta">
                  {signature.meaning ? `“${signature.meaning}”` : 'No stated meaning'}
                  {signature.signedAt ? ` · signed ${formatDateTime(signature.signedAt)} (the signer’s clock)` : ''}
                </p>
                <ul className="verify-findings">
                  {signature.intact ? (
                    <Finding tone="good" icon={<CheckCircleIcon />}>
                      Intact: the signed bytes are unchanged
                    </Finding>
                  ) : (
                    <Finding tone="bad" icon={<XCircleIcon />}>
                      Broken: the signed bytes were changed, or the signature does not match them
                    </Finding>
                  )}
                  {signature.changesAfter?.map((change) => (
                    <Finding key={change} tone="bad" icon={<XCircleIcon />}>
                      Changed after signing: {change}
                    </Finding>
                  ))}
                  {signature.coversWholeFile ? (
                    <Finding tone="good" icon={<CheckCircleIcon />}>
                      Covers the whole file
                    </Finding>
                  ) : signature.validationDataAfter ? (
                    <Finding tone="good" icon={<CheckCircleIcon />}>
                      Covers the whole file except validation data (certificates and revocation information) added after
                      it, which changes nothing signed
                    </Finding>
                  ) : (
                    <Finding
                      tone={index < last ? 'good' : 'caution'}
                      icon={index < last ? <CheckCircleIcon /> : <AlertIcon />}
                    >
                      {index < last
                        ? `Covers the first ${formatBytes(signature.signedBytes)}; later signatures were added after it`
                        : `Bytes were added after this signature (it covers the first ${formatBytes(signature.signedBytes)})`}
                    </Finding>
                  )}
                  {signature.certificateProblems?.map((problem) => (
                    <Finding key={problem} tone="bad" icon={<XCircleIcon />}>
                      Certificate did not allow this signature: {problem}
                    </Finding>
                  ))}
                  {signature.trusted ? (
                    <Finding tone="good" icon={<ShieldCheckIcon />}>
                      Trusted: {signature.trustedAs ? TRUSTED_AS[signature.trustedAs] : 'known on this computer'}
                    </Finding>
                  ) : (
                    <Finding tone="caution" icon={<ShieldQuestionIcon />}>
                      Not trusted: this computer does not know the signer’s certificate. Compare its fingerprint with
                      the signer, then trust it under Signing identities.
                    </Finding>
                  )}
                </ul>
                {signature.certificate && (
                  <p className="verify-certificate">
                    Certificate fingerprint{' '}
                    <code title={signature.certificate.fingerprint}>
                      {signature.certificate.fingerprint.slice(0, 16)}…
                    </code>
                    {signature.certificate.selfSigned ? ', self-signed' : `, issued by ${signature.certificate.issuer}`}
                  </p>
                )}
                {signature.problem && <p className="verify-problem">{signature.problem}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
