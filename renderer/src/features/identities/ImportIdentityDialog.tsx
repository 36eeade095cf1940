import { useId, useRef, useState, type FormEvent } from 'react';
import type { IdentitySummary, ImportSource } from '../../../../shared/api';
import type { CommitteeRole } from '../../../../shared/model';
import { call, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField, TextField } from '../../ui/Field';
import { formatBytes } from '../../ui/format';
import { FolderIcon } from '../../ui/icons';
import { fileSource, useFilePicker } from '../../ui/files';
import { isCommitteeRole, ROLE_OPTIONS } from '../committee';

export interface ImportIdentityDialogProps {
  onImported: (identity: IdentitySummary) => void;
  onClose: () => void;
}

/**
 * Brings in an identity an organisation's certificate authority issued, as a PKCS #12 file (.p12, .pfx). Its key
 * is then kept encrypted with the file's own passphrase, which is wiped from the input once the services answer.
 */
export function ImportIdentityDialog({ onImported, onClose }: ImportIdentityDialogProps) {
  const [file, setFile] = useState<{ source: ImportSource; fileName: string; bytes: number }>();
  const [fileError, setFileError] = useState<string>();
  const [role, setRole] = useState<CommitteeRole>('member');
  const [passphraseError, setPassphraseError] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const fileLabelId = useId();
  const fileChosenId = useId();
  const picker = useFilePicker({
    label: 'PKCS #12 file to import',
    accept: '.p12,.pfx,application/x-pkcs12',
    onFiles: ([picked]) => {
      if (!picked) return;
      setFileError(undefined);
      fileSource(picked).then(
        (source) => setFile({ source, fileName: picked.name, bytes: picked.size }),
        (error: unknown) => setFileError(errorMessage(error)),
      );
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = passphraseRef.current;
    if (!input) return;
    setProblem(undefined);
    if (!file) setFileError('Choose the PKCS #12 file your organisation gave you.');
    if (!input.value) setPassphraseError('Type the passphrase of the file.');
    if (!file || !input.value) return;
    setBusy(true);
    try {
      onImported(await call('identities.import', { source: file.source, passphrase: input.value, role }));
    } catch (error) {
      const message = errorMessage(error);
      if (/passphrase/i.test(message)) setPassphraseError(message);
      else setProblem(message);
      input.focus();
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title="Import a signing identity"
      description={
        'From a PKCS #12 file (.p12 or .pfx) your organisation issued: its key signs your reports, ' +
        'and its certificate names you and your organisation.'
      }
      onClose={onClose}
      busy={busy}
      onSubmit={(event) => void submit(event)}
      submitLabel="Import identity"
    >
      {picker.input}
      <div className={fileError ? 'field has-error' : 'field'}>
        <div className="field-label" id={fileLabelId}>
          PKCS #12 file
        </div>
        <div className="identity-file-row">
          <Button icon={<FolderIcon />} onClick={picker.open} aria-describedby={`${fileLabelId} ${fileChosenId}`}>
            Choose file…
          </Button>
          <span id={fileChosenId} className="identity-file-name">
            {file ? `${file.fileName} (${formatBytes(file.bytes)})` : 'No file chosen'}
          </span>
        </div>
        {fileError && <p className="field-error">{fileError}</p>}
      </div>
      <TextField
        ref={passphraseRef}
        label="Passphrase of the file"
        type="password"
        autoComplete="off"
        maxLength={1024}
        hint="It also protects the key in this app from now on."
        error={passphraseError}
        onChange={() => setPassphraseError(undefined)}
      />
      <SelectField
        label="Your role"
        hint="Shown with your name when you sign."
        value={role}
        onChange={(e) => isCommitteeRole(e.target.value) && setRole(e.target.value)}
        options={ROLE_OPTIONS}
      />
      {problem && (
        <Banner tone="error" title="The identity was not imported">
          {problem}
        </Banner>
      )}
    </FormDialog>
  );
}
