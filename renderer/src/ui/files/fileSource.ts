import type { ImportSource } from '../../../../shared/api';
import { fileToBase64 } from './fileToBase64';

/** A file the person picked or dropped in the page, as the contract takes it: its name and its bytes. */
export async function fileSource(file: File): Promise<ImportSource> {
  return { kind: 'file', fileName: file.name, dataBase64: await fileToBase64(file) };
}
