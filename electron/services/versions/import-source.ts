import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportSource } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { fileTooLargeError } from '../import/too-large';
import type { ChosenFiles } from './chosen-files';

/**
 * The name and bytes of a file to import. A chosen file's size is checked before it is read, so a huge file is
 * refused without being loaded.
 */
export async function readImportSource(source: ImportSource, chosen: ChosenFiles, maxBytes: number): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (source.kind === 'file') return { fileName: source.fileName, bytes: Buffer.from(source.dataBase64, 'base64') };
  const path = chosen.take(source.token);
  const fileName = basename(path);
  const handle = await open(path, 'r').catch(() => {
    throw new AppError('E_NOT_FOUND', `“${fileName}” can no longer be read. It may have been moved; choose it again.`);
  });
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw fileTooLargeError(fileName, size, maxBytes);
    return { fileName, bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}
