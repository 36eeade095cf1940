import { useRef, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../../shared/api';
import type { Settings } from '../../../../shared/model';
import { call } from '../../api';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField, TextField } from '../../ui/Field';
import { useAction } from '../../ui/useAction';
import { EMAIL_HINT, looksLikeEmail } from '../../ui/validation';
import { isCommitteeRole, ROLE_OPTIONS } from '../committee';

export interface SettingsDialogProps {
  settings: Settings;
  info: AppInfo | undefined;
  onSaved: (settings: Settings) => void;
  onClose: () => void;
  returnFocusTo?: () => HTMLElement | null | undefined;
}

/** The person's own details, recorded as the author of everything they do. */
export function SettingsDialog({ settings, info, onSaved, onClose, returnFocusTo }: SettingsDialogProps) {
  const [name, setName] = useState(settings.user.name);
  const [role, setRole] = useState(settings.user.role);
  const [email, setEmail] = useState(settings.user.email);
  const [emailError, setEmailError] = useState<string>();
  const nameRef = useRef<HTMLInputElement>(null);
  const save = useAction((user: Settings['user']) => call('settings.set', { user }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmedEmail = email.trim();
    if (trimmedEmail && !looksLikeEmail(trimmedEmail)) {
      setEmailError(EMAIL_HINT);
      return;
    }
    setEmailError(undefined);
    const saved = await save.run({ name: name.trim(), role, email: trimmedEmail });
    if (saved) onSaved(saved);
  };

  return (
    <FormDialog
      title="Settings"
      description="Your name, role and email are recorded as the author of what you do in a review: edits, annotations, verdicts and sign-offs."
      onClose={onClose}
      busy={save.busy}
      initialFocus={nameRef}
      returnFocusTo={returnFocusTo}
      onSubmit={submit}
      submitLabel="Save settings"
    >
      <TextField
        ref={nameRef}
        label="Your name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="name"
        maxLength={200}
        hint={name.trim() ? undefined : 'Until you set it, your computer’s user name is recorded instead.'}
      />
      <SelectField
        label="Your role"
        hint="Your usual role on review committees."
        value={role}
        onChange={(e) => isCommitteeRole(e.target.value) && setRole(e.target.value)}
        options={ROLE_OPTIONS}
      />
      <TextField
        label="Email"
        optional
        type="email"
        value={email}
        onChange={(e) => {
          setEmail(e.target.value);
          setEmailError(undefined);
        }}
        autoComplete="email"
        maxLength={320}
        error={emailError}
      />
      {info && (
        <dl className="settings-about">
          <div>
            <dt>Data folder</dt>
            <dd>
              <code>{info.dataDir}</code>
            </dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>
              {info.name} {info.version}
            </dd>
          </div>
        </dl>
      )}
      {save.error && (
        <Banner tone="error" title="Your settings were not saved">
          {save.error}
        </Banner>
      )}
    </FormDialog>
  );
}
