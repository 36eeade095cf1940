import { useRef, useState, type FormEvent } from 'react';
import type { MemberInput } from '../../../../shared/api';
import type { CommitteeRole, Member } from '../../../../shared/model';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField, TextField } from '../../ui/Field';
import { EMAIL_HINT, looksLikeEmail } from '../../ui/validation';
import { isCommitteeRole, ROLE_OPTIONS } from './roles';

export interface MemberDialogProps {
  /** The member to edit; without it the dialog adds one. */
  member?: Member | undefined;
  /** Saves the member (the parent sends the whole committee); resolves when the services confirm. */
  save: (input: MemberInput) => Promise<unknown>;
  busy: boolean;
  error: string | undefined;
  onClose: () => void;
  returnFocusTo?: () => HTMLElement | null | undefined;
}

interface Problems {
  name?: string;
  email?: string;
}

export function MemberDialog({ member, save, busy, error, onClose, returnFocusTo }: MemberDialogProps) {
  const [name, setName] = useState(member?.name ?? '');
  const [role, setRole] = useState<CommitteeRole>(member?.role ?? 'member');
  const [email, setEmail] = useState(member?.email ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problems = {};
    if (!name.trim()) found.name = 'Each member needs a name.';
    if (email.trim() && !looksLikeEmail(email.trim())) found.email = EMAIL_HINT;
    setProblems(found);
    if (found.name || found.email) return;
    void save({ ...(member ? { id: member.id } : {}), name: name.trim(), role, email: email.trim() });
  };

  return (
    <FormDialog
      title={member ? `Edit ${member.name}` : 'Add a committee member'}
      description={member ? undefined : 'Members’ names and roles appear in the report and its sign-off block.'}
      onClose={onClose}
      busy={busy}
      initialFocus={nameRef}
      returnFocusTo={returnFocusTo}
      onSubmit={submit}
      submitLabel={member ? 'Save member' : 'Add member'}
    >
      <TextField
        ref={nameRef}
        label="Name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setProblems(({ name: _fixed, ...rest }) => rest);
        }}
        maxLength={200}
        autoComplete="off"
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
        onChange={(e) => {
          setEmail(e.target.value);
          setProblems(({ email: _fixed, ...rest }) => rest);
        }}
        maxLength={320}
        autoComplete="off"
        error={problems.email}
      />
      {error && (
        <Banner tone="error" title={member ? 'The member was not saved' : 'The member was not added'}>
          {error}
        </Banner>
      )}
    </FormDialog>
  );
}
