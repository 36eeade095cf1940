import { useEffect, useRef, type ReactNode } from 'react';

export interface FilePickerOptions {
  /** What the hidden input is called for assistive tech and tests, e.g. "Report file to verify". */
  label: string;
  /** The file types offered, as for `<input accept>`; the services still decide from each file's content. */
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  /** The person closed the picker without choosing (only the page sees this: its picker is the browser's). */
  onCancel?: (() => void) | undefined;
}

/**
 * The page's own file picker: a hidden file input and `open()` to show it from a visible button. For files the
 * page reads itself and sends as bytes; `useFileChooser` tries main's native dialog (`files.choose`) first.
 */
export function useFilePicker({ label, accept, multiple = false, disabled, onFiles, onCancel }: FilePickerOptions): {
  open: () => void;
  input: ReactNode;
} {
  const ref = useRef<HTMLInputElement>(null);
  // React passes no `cancel` event of an input on (it does for a dialog): listened to here.
  useEffect(() => {
    const input = ref.current;
    if (!input || !onCancel) return;
    input.addEventListener('cancel', onCancel);
    return () => input.removeEventListener('cancel', onCancel);
  }, [onCancel]);
  const input = (
    <label className="visually-hidden">
      {label}
      <input
        ref={ref}
        type="file"
        accept={accept}
        multiple={multiple}
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared so that choosing the same file again is a change too.
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </label>
  );
  return { open: () => ref.current?.click(), input };
}
