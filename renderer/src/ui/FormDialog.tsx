import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import { Dialog, DialogActions, type DialogProps } from './Dialog';

export interface FormDialogProps extends DialogProps {
  /** Called on submit (the button or Enter in a field); it prevents the page's own submit itself. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The main action's words, e.g. "Save member". */
  submitLabel: ReactNode;
  submitIcon?: ReactNode;
}

/**
 * A dialog holding one form, with the footer every such dialog has: Cancel, then the main action on the right.
 * While `busy`, Cancel is disabled and the main action shows it is working.
 */
export function FormDialog({ onSubmit, submitLabel, submitIcon, children, ...dialog }: FormDialogProps) {
  const busy = dialog.busy ?? false;
  return (
    <Dialog {...dialog}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {children}
        <DialogActions>
          <Button onClick={dialog.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" icon={submitIcon} busy={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
