import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportSource } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { fileTooLargeError } from '../../../shared/domain/file-size';

/** The path a token from main's open dialog names; it refuses a token not granted for this use (chosen-files.ts). */
export type TakeChosenPath = (token: string) => string;

/** A file the person handed over, and where it lies when it was chosen in main's dialog. */
export interface SourceFile {
  fileName: string;
  bytes: Uint8Array;
  path?: string;
}

/**
 * The name and bytes of a file from the page (its bytes) or main's dialog (a token, spent through `takeChosenPath`). A chosen file's size is
 * checked before it is read, so a huge file is refused without being loaded; `tooLarge` words the refusal for
 * what the file is for.
 */
export async function readImportSource(
  source: ImportSource,
  takeChosenPath: TakeChosenPath,
  maxBytes: number,
  tooLarge: (fileName: string, bytes: number, maxBytes: number) => AppError = fileTooLargeError,
): Promise<SourceFile> {
  if (source.kind === 'file') {
    const bytes = Buffer.from(source.dataBase64, 'base64');
    if (bytes.length > maxBytes) throw tooLarge(source.fileName, bytes.length, maxBytes);
    return { fileName: source.fileName, bytes };
  }
  const path = takeChosenPath(source.token);
  const fileName = basename(path);
  const handle = await open(path, 'r').catch(() => {
    throw new AppError('E_NOT_FOUND', `“${fileName}” can no longer be read. It may have been moved; choose it again.`);
  });
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLarge(fileName, size, maxBytes);
    return { fileName, bytes: await handle.readFile(), path };
  } finally {
    await handle.close();
  }
}
