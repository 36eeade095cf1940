import type { SaveDestination } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { writeFileDurably } from '../storage/durable-write';
import { isNodeError } from '../storage/json-file-adapter';

/** Where a token from main's save dialog says to write; it refuses a token not granted for this use (chosen-save-paths.ts). */
export type TakeSavePath = (token: string) => { path: string; fileName: string };

/** A file the app made, to save: its bytes are UTF-8 text unless `binary` (a PDF). */
export interface FileToDeliver {
  fileName: string;
  bytes: Uint8Array;
  binary: boolean;
}

/**
 * Delivers a file the app made: written where main's save dialog chose (the token names the path), or handed back
 * to the page to save itself — as UTF-8 text, or base64 for binary files such as PDFs. A folder that went away
 * or may not be written is said so, with what to do, rather than failing as an error inside the app.
 */
export async function deliverFile(
  destination: SaveDestination,
  file: FileToDeliver,
  takeSavePath: TakeSavePath,
): Promise<{ fileName: string; saved: boolean; content?: string }> {
  if (destination.kind === 'chosen') {
    const { path, fileName } = takeSavePath(destination.token);
    await writeFileDurably(path, file.bytes).catch((error: unknown) => {
      throw savingProblem(error, fileName);
    });
    return { fileName, saved: true };
  }
  const content = Buffer.from(file.bytes).toString(file.binary ? 'base64' : 'utf8');
  return { fileName: file.fileName, saved: false, content };
}

function savingProblem(error: unknown, fileName: string): unknown {
  if (isNodeError(error, 'ENOENT'))
    return new AppError(
      'E_NOT_FOUND',
      `“${fileName}” could not be saved: its folder no longer exists. Choose where to save it again.`,
    );
  if (isNodeError(error, 'EACCES') || isNodeError(error, 'EPERM') || isNodeError(error, 'EROFS')) {
    return new AppError(
      'E_FORBIDDEN',
      `“${fileName}” could not be saved: this app may not write in that folder. Choose another folder.`,
    );
  }
  return error;
}
