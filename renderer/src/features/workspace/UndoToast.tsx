import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { CheckCircleIcon, CloseIcon } from '../../ui/icons';

export interface UndoOffer {
  message: string;
  /** Puts back what was done; the toast closes when it resolves. */
  undo: () => Promise<unknown>;
}

const SHOWN_MS = 10_000;

/**
 * A short message at the foot of the window after something was deleted, with a way to undo it. It stays while
 * the pointer or focus is on it, and otherwise goes after ten seconds.
 */
export function UndoToast({ offer, onDone }: { offer: UndoOffer; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [paused, setPaused] = useState(false);
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });

  useEffect(() => {
    if (paused || busy) return;
    const timer = window.setTimeout(() => doneRef.current(), SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [paused, busy, offer]);

  const undo = async () => {
    setBusy(true);
    try {
      await offer.undo();
      doneRef.current();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  return (
    <div
      className="toast"
      role="status"
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <CheckCircleIcon size={18} />
      <p className="toast-message">
        {offer.message}
        {problem && <span className="toast-problem"> Undo failed: {problem}</span>}
      </p>
      <Button size="sm" variant="secondary" onClick={() => void undo()} busy={busy}>
        Undo
      </Button>
      <button
        type="button"
        className="icon-button toast-dismiss"
        aria-label="Dismiss message"
        onClick={() => doneRef.current()}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
