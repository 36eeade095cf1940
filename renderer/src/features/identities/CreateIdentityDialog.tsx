import { useRef, useState, type FormEvent } from 'react';
import type { IdentitySummary } from '../../../../shared/api';
import type { CommitteeRole } from '../../../../shared/model';
import { call, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField, TextField } from '../../ui/Field';
import { EMAIL_HINT, looksLikeEmail } from '../../ui/validation';
import { isCommitteeRole, ROLE_OPTIONS } from '../committee';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, type Strength } from './passphraseStrength';
import { StrengthMeter } from './StrengthMeter';

export interface CreateIdentityDialogProps {
  onCreated: (identity: IdentitySummary) => void;
  onClose: () => void;
}

type Problems = Partial<Record<'name' | 'email' | 'passphrase' | 'confirm', string>>;

/**
 * Makes a signing identity: a key pair and a self-signed certificate with the person's name, role and email. The
 * passphrases stay in their inputs (only their strength is kept) and are wiped once the services answer.
 */
export function CreateIdentityDialog({ onCreated, onClose }: CreateIdentityDialogProps) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<CommitteeRole>('member');
  const [email, setEmail] = useState('');
  const [strength, setStrength] = useState<Strength>();
  const [problems, setProblems] = useState<Problems>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const check = (passphrase: string, confirm: string): Problems => {
    const found: Problems = {};
    if (!name.trim()) found.name = 'Type the name to show on your signatures.';
    if (email.trim() && !looksLikeEmail(email.trim())) found.email = EMAIL_HINT;
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
      found.passphrase = `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
    else if (confirm !== passphrase) found.confirm = 'The two passphrases differ. Type the same passphrase twice.';
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const passphrase = passphraseRef.current;
    const confirm = confirmRef.current;
    if (!passphrase || !confirm) return;
    const found = check(passphrase.value, confirm.value);
    setProblems(found);
    setProblem(undefined);
    if (found.name) return nameRef.current?.focus();
    if (found.passphrase) return passphrase.focus();
    if (found.confirm) return confirm.focus();
    if (found.email) return;
    setBusy(true);
    try {
      const trimmedEmail = email.trim();
      onCreated(
        await call('identities.create', {
          name: name.trim(),
          role,
          ...(trimmedEmail ? { email: trimmedEmail } : {}),
          passphrase: passphrase.value,
        }),
      );
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      passphrase.value = '';
      confirm.value = '';
      setStrength(undefined);
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title="New signing identity"
      description={
        'A key pair and a certificate in your name, made on this computer. Your private key is kept ' +
        'encrypted with the passphrase you choose; colleagues trust your signatures once they have ' +
        'your certificate.'
      }
      onClose={onClose}
      busy={busy}
      initialFocus={nameRef}
      onSubmit={(event) => void submit(event)}
      submitLabel="Create identity"
    >
      <TextField
        ref={nameRef}
        label="Name"
        hint="As it should appear on your signatures."
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="name"
        maxLength={200}
        error={problems.name}
      />
      <SelectField
        label="Role"
        value={role}
        onChange={(e) => isCommitteeRole(e.target.value) && setRole(e.target.value)}
        options={ROLE_OPTIONS}
      />
      <TextField
        label="Email"
        optional
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        autoComplete="email"
        maxLength={320}
        error={problems.email}
      />
      <TextField
        ref={passphraseRef}
        label="Passphrase"
        type="password"
        autoComplete="new-password"
        maxLength={1024}
        hint={<StrengthMeter strength={strength} />}
        error={problems.passphrase}
        onChange={(e) => {
          setStrength(e.target.value ? passphraseStrength(e.target.value) : undefined);
          setProblems((p) => ({ ...p, passphrase: undefined }));
        }}
      />
      <TextField
        ref={confirmRef}
        label="Passphrase again"
        type="password"
        autoComplete="new-password"
        maxLength={1024}
        error={problems.confirm}
        onChange={() => setProblems((p) => ({ ...p, confirm: undefined }))}
      />
      {problem && (
        <Banner tone="error" title="The identity was not created">
          {problem}
        </Banner>
      )}
    </FormDialog>
  );
}
