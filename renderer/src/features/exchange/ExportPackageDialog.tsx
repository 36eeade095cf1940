import { useRef, useState, type FormEvent } from 'react';
import { ApiCallError, callInReview, errorMessage } from '../../api';
import { titleSlug } from '../../../../shared/domain/title-slug';
import { personLabel } from '../../../../shared/vocabulary';
import { Banner } from '../../ui/Banner';
import { FormDialog } from '../../ui/FormDialog';
import { SelectField } from '../../ui/Field';
import { savedWhere, saveMadeFile } from '../../ui/files';
import { DownloadIcon } from '../../ui/icons';
import { useApiQuery } from '../../ui/useAsyncValue';
import { SigningPassphrase } from '../identities';
import { useHistoryLoadedAhead } from './historyAhead';

export interface ExportPackageDialogProps {
  reviewId: string;
  title: string;
  onExported: (message: string) => void;
  onClose: () => void;
}

const UNSIGNED = '';

/**
 * Exports the review as a package another laptop can open and merge back, signed with one of this computer's
 * identities when the person picks one. The passphrase lives only in its input and is wiped once the call returns.
 */
export function ExportPackageDialog({ reviewId, title, onExported, onClose }: ExportPackageDialogProps) {
  const identities = useApiQuery('identities.list', {});
  const [identityId, setIdentityId] = useState(UNSIGNED);
  const [passphraseError, setPassphraseError] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const identity = identities.data?.find((i) => i.id === identityId);
  // While the person chooses how to sign and where to save, the services load the review's history to export.
  useHistoryLoadedAhead(reviewId, true);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = passphraseRef.current;
    setProblem(undefined);
    setPassphraseError(undefined);
    if (identity && !input?.value) {
      setPassphraseError('Type the passphrase of this identity, or choose not to sign.');
      input?.focus();
      return;
    }
    const signing = identity && input ? { identityId: identity.id, passphrase: input.value } : {};
    setBusy(true);
    try {
      const saved = await saveMadeFile({
        purpose: 'review-package',
        suggestedName: `${titleSlug(title)}.policyreview`,
        binary: true,
        mediaType: 'application/zip',
        deliver: (destination) => callInReview(reviewId, 'packages.export', { reviewId, destination, ...signing }),
      });
      if (!saved) return;
      const signed = identity ? `Signed by ${identity.name}.` : 'Not signed.';
      onExported(
        `Exported the review package “${saved.fileName}”, ${savedWhere(saved)}. ${signed} ` +
          'Send it to a colleague: opening it adds the review to their library, or merges it into theirs.',
      );
    } catch (error) {
      // A wrong passphrase is the person's to fix, next to the field; anything else is told above the buttons.
      if (error instanceof ApiCallError && error.code === 'E_INVALID_INPUT' && /passphrase/i.test(error.message))
        setPassphraseError(error.message);
      else setProblem(errorMessage(error));
    } finally {
      if (input) input.value = '';
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title="Export a review package"
      description={
        'One file (.policyreview) with the review, its versions’ sources and its history: a colleague opens it on ' +
        'their laptop, works offline, and sends theirs back for you to merge.'
      }
      onClose={onClose}
      busy={busy}
      onSubmit={(event) => void submit(event)}
      submitLabel="Export package…"
      submitIcon={<DownloadIcon />}
    >
      <SelectField
        label="Sign as"
        value={identityId}
        onChange={(event) => {
          setIdentityId(event.target.value);
          setPassphraseError(undefined);
        }}
        options={[
          { value: UNSIGNED, label: 'Do not sign' },
          ...(identities.data ?? []).map((i) => ({
            value: i.id,
            label: `${personLabel(i)}${i.email ? `, ${i.email}` : ''}`,
          })),
        ]}
        hint={
          identities.data?.length === 0
            ? 'You have no signing identity on this computer; create one under Report › Signing identities to sign.'
            : 'A signed package tells the receiver who sent it and that nothing changed on the way.'
        }
      />
      {identity && (
        <SigningPassphrase
          identity={identity}
          inputRef={passphraseRef}
          error={passphraseError}
          onEdit={() => setPassphraseError(undefined)}
        />
      )}
      {problem && (
        <Banner tone="error" title="The package was not exported">
          {problem}
        </Banner>
      )}
    </FormDialog>
  );
}
