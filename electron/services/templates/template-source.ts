import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportSource } from '../../../shared/api';
import { MAX_TEMPLATE_BYTES } from '../../../shared/checklist/template';
import { AppError } from '../../../shared/errors';
import { formatSize } from '../import/too-large';
import type { ChosenFiles } from '../versions/chosen-files';

/**
 * The name and bytes of a template file, dropped on the page or chosen in main's dialog. A file over the size
 * limit is refused before it is read, with a message about templates (not about importing policies).
 */
export async function readTemplateSource(source: ImportSource, chosen: ChosenFiles): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (source.kind === 'file') {
    const bytes = Buffer.from(source.dataBase64, 'base64');
    if (bytes.length > MAX_TEMPLATE_BYTES) throw templateTooLarge(source.fileName, bytes.length);
    return { fileName: source.fileName, bytes };
  }
  const path = chosen.take(source.token);
  const fileName = basename(path);
  const handle = await open(path, 'r').catch(() => {
    throw new AppError('E_NOT_FOUND', `“${fileName}” can no longer be read. It may have been moved; choose it again.`);
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_TEMPLATE_BYTES) throw templateTooLarge(fileName, size);
    return { fileName, bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

export function templateTooLarge(fileName: string, bytes: number): AppError {
  return new AppError('E_TOO_LARGE', `“${fileName}” is ${formatSize(bytes)}; a checklist template has at most ${formatSize(MAX_TEMPLATE_BYTES)}. Choose the .json file that “Save checklist as template” wrote.`);
}
