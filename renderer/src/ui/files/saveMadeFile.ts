import type { MethodArgs, SaveDestination } from '../../../../shared/api';
import { ApiCallError, call } from '../../api';
import { downloadBase64, downloadText } from './download';

/** What a contract method that delivers a file answers: written where the dialog chose, or handed back. */
interface Delivered {
  fileName: string;
  saved: boolean;
  content?: string | undefined;
}

export interface MadeFile {
  /** The save dialog's purpose; without one the file always goes the browser's way (the dialogs' filters would not fit it). */
  purpose?: MethodArgs<'files.chooseSave'>['purpose'];
  suggestedName: string;
  /** The services hand binary files (PDF) back as base64, text files as text. */
  binary: boolean;
  mediaType: string;
  /** Calls the method that makes or reads the file, with where it should go. */
  deliver: (destination: SaveDestination) => Promise<Delivered>;
}

/** Where the file went: a place the person chose, or the browser's downloads folder. */
export type SavedTo = { fileName: string; where: 'chosen' | 'downloads' };

/**
 * Saves a file the services make (a report, a certificate, a checklist template): where main's native save dialog says in the app, or
 * as a download in a browser window, which has no save dialog. Undefined when the person cancelled the dialog.
 */
export async function saveMadeFile(file: MadeFile): Promise<SavedTo | undefined> {
  if (file.purpose) {
    try {
      const chosen = await call('files.chooseSave', { purpose: file.purpose, suggestedName: file.suggestedName });
      if (!chosen) return undefined;
      const saved = await file.deliver({ kind: 'chosen', token: chosen.token });
      return { fileName: saved.fileName, where: 'chosen' };
    } catch (error) {
      if (!(error instanceof ApiCallError && error.code === 'E_UNSUPPORTED')) throw error;
    }
  }
  const returned = await file.deliver({ kind: 'return' });
  if (file.binary) downloadBase64(returned.fileName, returned.content ?? '', file.mediaType);
  else downloadText(returned.fileName, returned.content ?? '', file.mediaType);
  return { fileName: returned.fileName, where: 'downloads' };
}

/** "saved to your downloads" or "saved", for the sentence that confirms it. */
export function savedWhere(saved: SavedTo): string {
  return saved.where === 'downloads' ? 'saved to your downloads' : 'saved where you chose';
}
