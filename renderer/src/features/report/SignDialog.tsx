import { useId, useRef, useState, type FormEvent } from 'react';
import { SIGNATURE_MEANINGS, type IdentitySummary, type MethodResult, type ReportRecord } from '../../../../shared/api';
import { ApiCallError, callInReview, errorMessage } from '../../api';
import { personLabel } from '../../../../shared/vocabulary';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField, TextField } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { SignatureIcon } from '../../ui/icons';
import { SigningPassphrase } from '../identities';
import { REPORT_FORMAT_INFO, shortHash } from './reportFormats';

export interface SignDialogProps {
  reviewId: string;
  report: ReportRecord;
  /** This computer's signing identities; the dialog is only opened when there is at least one. */
  identities: readonly IdentitySummary[];
  onSigned: (signed: MethodResult<'report.sign'>) => void;
  onClose: () => void;
}

const OWN_WORDS = 'own';

/**
 * Signs one kept report with one of this computer's identities, saying what the signature means. The passphrase
 * lives only in its input: read when the form is sent and wiped from the input as soon as the call returns.
 */
export function SignDialog({ reviewId, report, identities, onSigned, onClose }: SignDialogProps) {
  const [identityId, setIdentityId] = useState(identities[0]?.id ?? '');
  const [meaning, setMeaning] = useState<string>(SIGNATURE_MEANINGS[0]);
  const [ownWords, setOwnWords] = useState('');
  const [ownWordsError, setOwnWordsError] = useState<string>();
  const [passphraseError, setPassphraseError] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const ownWordsRef = useRef<HTMLInputElement>(null);
  const name = useId();
  const identity = identities.find((i) => i.id === identityId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = passphraseRef.current;
    const stated = meaning === OWN_WORDS ? ownWords.trim() : meaning;
    setProblem(undefined);
    setPassphraseError(undefined);
    if (!stated) {
      setOwnWordsError('Say what your signature means, e.g. “Approved subject to the actions listed”.');
      ownWordsRef.current?.focus();
      return;
    }
    if (!input?.value) {
      setPassphraseError('Type the passphrase of this identity.');
      input?.focus();
      return;
    }
    setBusy(true);
    try {
      onSigned(
        await callInReview(reviewId, 'report.sign', {
          reviewId,
          reportFile: report.fileName,
          identityId,
          passphrase: input.value,
          meaning: stated,
        }),
      );
    } catch (error) {
      // A wrong passphrase is the person's to fix, next to the field; anything else is told above the buttons.
      if (error instanceof ApiCallError && error.code === 'E_INVALID_INPUT' && /passphrase/i.test(error.message))
        setPassphraseError(error.message);
      else setProblem(errorMessage(error));
      input.focus();
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={`Sign “${report.fileName}”`}
      description={
        <>
          {REPORT_FORMAT_INFO[report.format].label} exported {formatDateTime(report.exportedAt)}, SHA-256{' '}
          <code>{shortHash(report.sha256)}</code>.{' '}
          {report.format === 'pdf'
            ? 'Your signature is added to the PDF; earlier signatures stay valid.'
            : 'Your signature is added to the report’s signatures file (.jws).'}{' '}
          The sign-off is recorded in the review.
        </>
      }
      onClose={onClose}
      busy={busy}
      onSubmit={(event) => void submit(event)}
      submitLabel="Sign report"
      submitIcon={<SignatureIcon />}
    >
      <SelectField
        label="Sign as"
        value={identityId}
        onChange={(event) => setIdentityId(event.target.value)}
        options={identities.map((i) => ({ value: i.id, label: `${personLabel(i)}${i.email ? `, ${i.email}` : ''}` }))}
        hint={
          identity
            ? `Certificate fingerprint ${identity.certificate.fingerprint.slice(0, 16)}…, ${certificateSource(identity)}.`
            : undefined
        }
      />
      <fieldset className="segmented-field">
        <legend className="field-label">What your signature means</legend>
        <div className="segmented">
          {[...SIGNATURE_MEANINGS, OWN_WORDS].map((value) => (
            <label key={value} className="segment">
              <input
                type="radio"
                name={name}
                value={value}
                checked={meaning === value}
                onChange={() => setMeaning(value)}
              />
              <span>{value === OWN_WORDS ? 'Own words' : value}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {meaning === OWN_WORDS && (
        <TextField
          ref={ownWordsRef}
          label="Your words"
          hint="Shown on the signature line and stored as the signature’s reason."
          value={ownWords}
          onChange={(event) => {
            setOwnWords(event.target.value);
            setOwnWordsError(undefined);
          }}
          maxLength={200}
          autoComplete="off"
          error={ownWordsError}
        />
      )}
      <SigningPassphrase
        identity={identity}
        inputRef={passphraseRef}
        error={passphraseError}
        onEdit={() => setPassphraseError(undefined)}
      />
      {problem && (
        <Banner tone="error" title="The report was not signed">
          {problem}
        </Banner>
      )}
    </FormDialog>
  );
}

/** Who vouches for the identity's certificate: the issuer of an imported one, or no one. */
function certificateSource(identity: IdentitySummary): string {
  return identity.origin === 'pkcs12' ? 'issued by ' + identity.certificate.issuer : 'self-signed';
}
