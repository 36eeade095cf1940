import { PencilIcon } from '../../ui/icons';
import { ANNOTATE_SHORTCUT } from '../annotations';

/** In re-pointing mode, the button beside the selected words: attaches them to the annotation waiting for them. */
export function AttachHereButton({
  position,
  onAttach,
  busy,
}: {
  position: { top: number; left: number };
  onAttach: () => void;
  busy: boolean;
}) {
  return (
    <button
      type="button"
      className="annotate-button"
      style={{ top: position.top, left: position.left }}
      title={`Attach the annotation to the selected words (${ANNOTATE_SHORTCUT.label})`}
      aria-keyshortcuts={ANNOTATE_SHORTCUT.aria}
      disabled={busy}
      // Pressing the button must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onAttach}
    >
      <PencilIcon size={14} />
      Attach here
      <kbd>{ANNOTATE_SHORTCUT.label}</kbd>
    </button>
  );
}
