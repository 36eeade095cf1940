import { useId, useState } from 'react';
import type { IdentitySummary } from '../../../../shared/api';
import { ROLE_LABELS } from '../../../../shared/vocabulary';
import { call, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { countOf, formatCalendarDate } from '../../ui/format';
import { DownloadIcon, KeyIcon, PlusIcon, UploadIcon } from '../../ui/icons';
import type { AsyncValue } from '../../ui/useAsyncValue';
import { savedWhere, saveMadeFile } from '../../ui/files';
import { CreateIdentityDialog } from './CreateIdentityDialog';
import './identities.css';
import { ImportIdentityDialog } from './ImportIdentityDialog';
import { groupedFingerprint, TrustedCertificates } from './TrustedCertificates';

export interface IdentitiesPanelProps {
  identities: AsyncValue<IdentitySummary[]>;
}

type Opened = 'create' | 'import';

/**
 * This computer's signing identities and the certificates it trusts: make or import an identity, hand out its
 * certificate, and choose whose signatures to trust. They belong to the computer's user, not to one review.
 */
export function IdentitiesPanel({ identities }: IdentitiesPanelProps) {
  const [opened, setOpened] = useState<Opened>();
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [exporting, setExporting] = useState<string>();
  const headingId = useId();
  const list = identities.data ?? [];

  const added = (identity: IdentitySummary, how: string) => {
    setOpened(undefined);
    identities.update((current) =>
      [...(current ?? []).filter((i) => i.id !== identity.id), identity].sort((a, b) => a.name.localeCompare(b.name)),
    );
    // An imported certificate that cannot sign (expired, or not for signing) is kept, but said at once.
    if (identity.signingProblem)
      setProblem(`${how} the identity “${identity.name}”, but it cannot sign: ${identity.signingProblem}`);
    else
      setStatus(
        `${how} the identity “${identity.name}”. Export its certificate for colleagues who need to check your signatures.`,
      );
  };

  const exportCertificate = async (identity: IdentitySummary) => {
    setExporting(identity.id);
    setProblem(undefined);
    try {
      const saved = await saveMadeFile({
        suggestedName: `${identity.name}.cert.pem`,
        binary: false,
        mediaType: 'application/x-pem-file',
        deliver: (destination) => call('identities.exportCertificate', { identityId: identity.id, destination }),
      });
      if (saved) setStatus(`The certificate of ${identity.name} (“${saved.fileName}”) was ${savedWhere(saved)}.`);
    } catch (error) {
      setProblem(`The certificate was not exported: ${errorMessage(error)}`);
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <section className="panel identities-panel" aria-labelledby={headingId}>
      <div className="section-heading-row report-section-heading">
        <h3 id={headingId} className="section-title">
          Signing identities{' '}
          <span className="section-count">{identities.data ? countOf(list.length, 'identity', 'identities') : ''}</span>
        </h3>
        <div className="report-section-actions">
          <Button size="sm" icon={<UploadIcon />} onClick={() => setOpened('import')}>
            Import PKCS #12…
          </Button>
          <Button size="sm" variant="primary" icon={<PlusIcon />} onClick={() => setOpened('create')}>
            New identity…
          </Button>
        </div>
      </div>
      <p className="form-note">
        Your keys for signing reports, kept on this computer and locked with a passphrase. They are yours, for every
        review.
      </p>
      {status && (
        <Banner tone="success" onDismiss={() => setStatus(undefined)}>
          {status}
        </Banner>
      )}
      {(problem ?? identities.error) && (
        <Banner tone="error" onDismiss={() => setProblem(undefined)}>
          {problem ?? `Your identities could not be read: ${identities.error?.message}`}
        </Banner>
      )}
      {identities.data && list.length === 0 && (
        <p className="identities-empty">
          No identities yet. Create one to sign reports, or import the PKCS #12 file your organisation gave you.
        </p>
      )}
      {list.length > 0 && (
        <ul className="identity-list">
          {list.map((identity) => (
            <li key={identity.id} className="identity-item">
              <span className="identity-icon" aria-hidden="true">
                <KeyIcon size={18} />
              </span>
              <div className="identity-text">
                <p className="identity-name">
                  {identity.name} <span className="identity-role">· {ROLE_LABELS[identity.role]}</span>
                  {identity.email && <span className="identity-role"> · {identity.email}</span>}
                </p>
                <p className="identity-detail">
                  {identity.origin === 'pkcs12'
                    ? `Issued by ${identity.certificate.issuer}`
                    : 'Self-signed, made in this app'}{' '}
                  · {identity.certificate.keyAlgorithm} · valid until{' '}
                  {formatCalendarDate(identity.certificate.notAfter.slice(0, 10))}
                </p>
                <p className="identity-detail">
                  Fingerprint <code>{groupedFingerprint(identity.certificate.fingerprint)}</code>
                </p>
                {identity.signingProblem && (
                  <p className="identity-detail identity-problem">{identity.signingProblem}</p>
                )}
              </div>
              <Button
                size="sm"
                variant="ghost"
                icon={<DownloadIcon />}
                busy={exporting === identity.id}
                onClick={() => void exportCertificate(identity)}
                aria-label={`Export certificate of ${identity.name}…`}
              >
                Export certificate…
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TrustedCertificates onChanged={(message) => setStatus(message)} />
      {opened === 'create' && (
        <CreateIdentityDialog
          onCreated={(identity) => added(identity, 'Created')}
          onClose={() => setOpened(undefined)}
        />
      )}
      {opened === 'import' && (
        <ImportIdentityDialog
          onImported={(identity) => added(identity, 'Imported')}
          onClose={() => setOpened(undefined)}
        />
      )}
    </section>
  );
}
