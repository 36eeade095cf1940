import type { ReactNode } from 'react';
import type { ImportSource } from '../../../../shared/api';
import { errorMessage } from '../../api';
import { fileSource, useFileChooser, useFilePicker } from '../../ui/files';

/** A package the person chose: what the services read it from, and its name for the sentences about it. */
export interface ChosenPackage {
  source: ImportSource;
  fileName: string;
}

export interface PackageChooser {
  /** Opens main's native dialog, else the page's picker. */
  choose: () => Promise<void>;
  /** The page picker's hidden input, to render once. */
  input: ReactNode;
}

/**
 * Chooses one review package (`.policyreview`) with main's native dialog where there is one, else the page's own
 * picker; the services check the file itself, whatever its name.
 */
export function usePackageChooser(
  onChosen: (chosen: ChosenPackage) => void,
  onProblem: (message: string) => void,
  /** The page's picker was closed without a file (main's dialog tells the services itself). */
  onCancel?: () => void,
): PackageChooser {
  const picker = useFilePicker({
    label: 'Review package to open',
    accept: '.policyreview',
    onCancel,
    onFiles: ([file]) => {
      if (!file) return;
      fileSource(file).then(
        (source) => onChosen({ source, fileName: file.name }),
        (error: unknown) => onProblem(errorMessage(error)),
      );
    },
  });
  const choose = useFileChooser({
    purpose: 'review-package',
    openPagePicker: picker.open,
    onChosen: ([chosen]) => {
      if (chosen) onChosen({ source: { kind: 'chosen', token: chosen.token }, fileName: chosen.fileName });
    },
    onProblem,
  });
  return { choose, input: picker.input };
}
