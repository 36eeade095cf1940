import { useId, useRef, useState } from 'react';
import type { TrustedCertificate } from '../../../../shared/api';
import { call } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { countOf, formatCalendarDate, formatDateTime } from '../../ui/format';
import { PlusIcon, TrashIcon } from '../../ui/icons';
import { useAction } from '../../ui/useAction';
import { useApiQuery } from '../../ui/useAsyncValue';
import { fileSource, useFilePicker } from '../../ui/files';

/** Groups a whole fingerprint in fours, as people read it out to compare: "3f9a 1c02 …". Whole, because trust rests on comparing all of it. */
export const groupedFingerprint = (fingerprint: string) => (fingerprint.match(/.{1,4}/g) ?? []).join(' ');

/**
 * Colleagues' (or an organisation's CA) certificates this person trusts: reports they signed, or that a trusted CA
 * vouches for, verify as trusted. Add one from a certificate file; remove one to stop trusting it.
 */
export function TrustedCertificates({ onChanged }: { onChanged: (message: string) => void }) {
  const trusted = useApiQuery('identities.listTrusted', {});
  const [removing, setRemoving] = useState<TrustedCertificate>();
  const headingId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const add = useAction(async (file: File) => call('identities.trust', { source: await fileSource(file) }));
  const remove = useAction((fingerprint: string) => call('identities.untrust', { fingerprint }));
  const picker = useFilePicker({
    label: 'Certificate file to trust',
    accept: '.pem,.cer,.crt,.der',
    onFiles: ([file]) => {
      if (!file) return;
      void add.run(file).then((certificate) => {
        if (!certificate) return;
        trusted.reload();
        onChanged(`You now trust the certificate of ${certificate.name}.`);
      });
    },
  });
  const list = trusted.data ?? [];

  return (
    <section className="identities-section" aria-labelledby={headingId}>
      {picker.input}
      <div className="section-heading-row report-section-heading">
        <h4 id={headingId} className="identities-title">
          Trusted certificates{' '}
          <span className="section-count">{trusted.data ? countOf(list.length, 'certificate') : ''}</span>
        </h4>
        <Button ref={addRef} size="sm" icon={<PlusIcon />} busy={add.busy} onClick={picker.open}>
          Add certificate…
        </Button>
      </div>
      <p className="form-note">
        Signatures by these people, or by anyone their certificate issued, show as trusted. Before you add one, compare
        its fingerprint with its owner.
      </p>
      {add.error && (
        <Banner tone="error" title="The certificate was not added" onDismiss={add.clearError}>
          {add.error}
        </Banner>
      )}
      {trusted.error && (
        <Banner tone="error" title="Your trusted certificates could not be read">
          {trusted.error.message}
        </Banner>
      )}
      {list.length > 0 && (
        <ul className="identity-list">
          {list.map((certificate) => (
            <li key={certificate.fingerprint} className="identity-item">
              <div className="identity-text">
                <p className="identity-name">{certificate.name}</p>
                <p className="identity-detail">
                  {certificate.selfSigned ? 'Self-signed' : `Issued by ${certificate.issuer}`} · valid until{' '}
                  {formatCalendarDate(certificate.notAfter.slice(0, 10))} · added {formatDateTime(certificate.addedAt)}
                </p>
                <p className="identity-detail">
                  Fingerprint <code>{groupedFingerprint(certificate.fingerprint)}</code>
                </p>
              </div>
              <Button
                size="sm"
                variant="ghost-danger"
                icon={<TrashIcon />}
                onClick={() => (remove.clearError(), setRemoving(certificate))}
                aria-label={`Stop trusting ${certificate.name}`}
              >
                Stop trusting
              </Button>
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <ConfirmDialog
          title={`Stop trusting ${removing.name}?`}
          confirmLabel="Stop trusting"
          busy={remove.busy}
          error={remove.error}
          onCancel={() => setRemoving(undefined)}
          // Once trust is removed, its row and the button that opened this are gone: focus goes to Add certificate….
          returnFocusTo={() => addRef.current}
          onConfirm={() =>
            void remove.run(removing.fingerprint).then((done) => {
              if (!done) return;
              // The row goes in the same change as the dialog, so the dialog finds its opener gone.
              trusted.update((list) => list?.filter((c) => c.fingerprint !== removing.fingerprint));
              setRemoving(undefined);
              trusted.reload();
              onChanged(`You no longer trust the certificate of ${removing.name}.`);
            })
          }
        >
          <p>
            Reports signed with this certificate will verify as intact but not trusted. You can add it again from its
            file.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
