import { useRef, type ReactNode } from 'react';
import { Banner } from './Banner';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** Why the action failed, shown in the dialog so the person can try again or cancel. */
  error?: string | undefined;
  returnFocusTo?: () => HTMLElement | null | undefined;
}

/** Asks before something destructive. Focus starts on Cancel, the safe choice. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  error,
  returnFocusTo,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={title}
      description={children}
      onClose={onCancel}
      busy={busy}
      initialFocus={cancelRef}
      returnFocusTo={returnFocusTo}
      size="sm"
      tone="danger"
    >
      {error && (
        <Banner tone="error" title="That did not work">
          {error}
        </Banner>
      )}
      <DialogActions>
        <Button ref={cancelRef} onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
