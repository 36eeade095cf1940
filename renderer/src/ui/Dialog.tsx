import { useEffect, useEffectEvent, useId, useRef, type ReactNode, type RefObject } from 'react';
import { CloseIcon } from './icons';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  /** One or two sentences under the title, read out when the dialog opens. */
  description?: ReactNode;
  /** Called for Escape, the close button and Cancel; the parent unmounts the dialog. */
  onClose: () => void;
  /** While true (an action is running), Escape and the close button do nothing. */
  busy?: boolean;
  /** The element to focus first; otherwise the first field or button. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where focus goes on close if the element that opened the dialog is gone (e.g. it was deleted). */
  returnFocusTo?: () => HTMLElement | null | undefined;
  size?: 'sm' | 'md';
  tone?: 'default' | 'danger';
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: the rest of the window is inert, Tab stays inside, Escape
 * closes it, and focus goes back to where it was.
 */
export function Dialog({
  title,
  description,
  onClose,
  busy = false,
  initialFocus,
  returnFocusTo,
  size = 'md',
  tone = 'default',
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const requestClose = useEffectEvent(() => {
    if (!busy) onClose();
  });
  const fallbackFocus = useEffectEvent(() => returnFocusTo?.());
  const focusFirst = useEffectEvent((dialog: HTMLDialogElement) => {
    const target =
      initialFocus?.current ??
      dialog.querySelector<HTMLElement>(`.dialog-body :is(${FOCUSABLE})`) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onCancel = (event: Event) => {
      event.preventDefault();
      requestClose();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKeyDown);
    if (!dialog.open) dialog.showModal();
    focusFirst(dialog);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKeyDown);
      if (dialog.open) dialog.close();
      const back = opener?.isConnected ? opener : fallbackFocus();
      back?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size} dialog-tone-${tone}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="icon-button dialog-close" aria-label="Close" onClick={onClose} disabled={busy}>
          <CloseIcon size={18} />
        </button>
      </div>
      {description && (
        <div id={descriptionId} className="dialog-description">
          {description}
        </div>
      )}
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog: the main action last, on the right. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog-actions">{children}</div>;
}
