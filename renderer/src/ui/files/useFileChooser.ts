import { useRef } from 'react';
import type { MethodArgs, MethodResult } from '../../../../shared/api';
import { ApiCallError, call, errorMessage } from '../../api';

export interface FileChooserOptions {
  /** What the files are for: main's dialog offers the matching file types, and the services accept the tokens only for it. */
  purpose: MethodArgs<'files.choose'>['purpose'];
  /** Opens the page's own picker (`useFilePicker`), for a window without a native dialog. */
  openPagePicker: () => void;
  onChosen: (files: MethodResult<'files.choose'>) => void;
  /** The native dialog failed for another reason than being absent. */
  onProblem: (message: string) => void;
}

/**
 * Chooses files with main's native dialog where the window has one, else with the page's own picker: a browser
 * window answers `E_UNSUPPORTED`, and that answer is remembered, so its later choices go straight to the page.
 */
export function useFileChooser({
  purpose,
  openPagePicker,
  onChosen,
  onProblem,
}: FileChooserOptions): () => Promise<void> {
  const nativeDialog = useRef<'unknown' | 'yes' | 'no'>('unknown');
  return async () => {
    if (nativeDialog.current === 'no') {
      openPagePicker();
      return;
    }
    try {
      const chosen = await call('files.choose', { purpose });
      nativeDialog.current = 'yes';
      onChosen(chosen);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'E_UNSUPPORTED') {
        nativeDialog.current = 'no';
        openPagePicker();
      } else {
        onProblem(`The file dialog did not open: ${errorMessage(error)}`);
      }
    }
  };
}
