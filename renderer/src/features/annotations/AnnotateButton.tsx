import { PencilIcon } from '../../ui/icons';
import { ANNOTATE_SHORTCUT } from './annotateShortcut';

export interface AnnotateButtonProps {
  /** Where the button goes, relative to the document sheet: just under the end of the selection. */
  position: { top: number; left: number };
  onAnnotate: () => void;
}

/** The button that appears beside selected words to annotate them. */
export function AnnotateButton({ position, onAnnotate }: AnnotateButtonProps) {
  return (
    <button
      type="button"
      className="annotate-button"
      style={{ top: position.top, left: position.left }}
      title={`Annotate the selected words (${ANNOTATE_SHORTCUT.label})`}
      aria-keyshortcuts={ANNOTATE_SHORTCUT.aria}
      // Pressing the button must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onAnnotate}
    >
      <PencilIcon size={14} />
      Annotate
      <kbd>{ANNOTATE_SHORTCUT.label}</kbd>
    </button>
  );
}
