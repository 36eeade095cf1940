import type { FILE_METHODS } from '../../../../shared/api';
import { AppError } from '../../../../shared/errors';
import { ANY_POLICY } from '../../import/spare-parser-process';
import type { HandlersFor } from '../dispatch';
import type { WorkstationServices } from '../workstation-services';

/** Main's native open and save dialogs: the files and places chosen reach the page only as tokens. */
export function fileHandlers(ws: WorkstationServices): HandlersFor<typeof FILE_METHODS> {
  return {
    'files.choose': async ({ purpose }, caller) => {
      // The person is about to pick a file to import: its parsing process starts, and loads the parsers that take
      // longest to load, while they do.
      if (purpose === 'import-version') (await ws.spareParser()).warmUp(ANY_POLICY);
      if (!ws.chooseFiles) {
        throw new AppError(
          'E_UNSUPPORTED',
          'This window cannot open a file dialog. Drop the files on the window, or use “Choose files…”.',
        );
      }
      const paths = await ws.chooseFiles(purpose, caller);
      // Nothing chosen, nothing to import or merge: the process started for it need not wait.
      if (purpose === 'import-version' && paths.length === 0) (await ws.spareParser()).dispose();
      if (purpose === 'review-package' && paths.length === 0) ws.spareMergeEngine.dispose();
      return ws.chosenFiles.remember(paths, purpose, caller);
    },
    'files.chooseSave': async ({ purpose, suggestedName }, caller) => {
      if (!ws.chooseSaveFile) {
        throw new AppError(
          'E_UNSUPPORTED',
          'This window cannot open a save dialog. Save the file from the page instead.',
        );
      }
      const path = await ws.chooseSaveFile(purpose, suggestedName, caller);
      return path === undefined ? null : ws.chosenSavePaths.remember(path, purpose, caller);
    },
  };
}
