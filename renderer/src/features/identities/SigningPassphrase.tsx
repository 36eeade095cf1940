import type { Ref } from 'react';
import type { IdentitySummary } from '../../../../shared/api';
import { Banner } from '../../ui/Banner';
import { TextField } from '../../ui/Field';

export interface SigningPassphraseProps {
  identity: IdentitySummary | undefined;
  inputRef: Ref<HTMLInputElement>;
  error: string | undefined;
  /** The person typed: the last error no longer applies. */
  onEdit: () => void;
}

/**
 * The passphrase that unlocks an identity's key for one signature (a report's, a package's), and why that identity
 * cannot sign when its certificate does not allow it: one field wherever something is signed.
 */
export function SigningPassphrase({ identity, inputRef, error, onEdit }: SigningPassphraseProps) {
  return (
    <>
      <TextField
        ref={inputRef}
        label="Passphrase"
        type="password"
        hint="The passphrase you chose for this identity. It unlocks the key for this one signature and is not kept."
        autoComplete="off"
        maxLength={1024}
        error={error}
        onChange={onEdit}
      />
      {identity?.signingProblem && (
        <Banner tone="warning" title="This identity cannot sign">
          {identity.signingProblem}
        </Banner>
      )}
    </>
  );
}
