import { useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/model';
import { call } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { useAction } from '../../ui/useAction';

export interface NamePromptDialogProps {
  settings: Settings;
  computerUserName: string;
  /** The name was saved: the one typed, or the computer's user name the person chose to keep. */
  onSaved: (settings: Settings) => void;
}

/**
 * Asks for the person's name before their first piece of work is recorded. Skipping it (the button, Escape or the
 * close button) keeps the computer's user name, as the dialog says beforehand, and saves it as their name, so the
 * choice shows in the sidebar and Settings and is not asked again.
 */
export function NamePromptDialog({ settings, computerUserName, onSaved }: NamePromptDialogProps) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const nameRef = useRef<HTMLInputElement>(null);
  const save = useAction((chosen: string) => call('settings.set', { user: { ...settings.user, name: chosen } }));
  const keep = `Continue as “${computerUserName}”`;

  const saveName = async (chosen: string) => {
    const saved = await save.run(chosen);
    if (saved) onSaved(saved);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem(`Type your name, or choose ${keep}.`);
      nameRef.current?.focus();
      return;
    }
    void saveName(name.trim());
  };
  const skip = () => void saveName(computerUserName);

  return (
    <Dialog
      title="Before your first change: who are you?"
      description="Your name is recorded as the author of what you do in every review: annotations, verdicts, imports and reports."
      onClose={skip}
      busy={save.busy}
      initialFocus={nameRef}
      size="sm"
    >
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          ref={nameRef}
          label="Your name, as the committee will see it"
          hint={`If you skip this, your work is recorded under “${computerUserName}”, your computer’s user name. You can change it later in Settings.`}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(undefined);
          }}
          autoComplete="name"
          maxLength={200}
          error={problem}
        />
        {save.error && (
          <Banner tone="error" title="Your name was not saved">
            {save.error}
          </Banner>
        )}
        <DialogActions>
          <Button onClick={skip} disabled={save.busy}>
            {keep}
          </Button>
          <Button type="submit" variant="primary" busy={save.busy}>
            Save name
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
