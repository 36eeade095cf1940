import { open, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, type ImportSource } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { formatSize } from '../import/too-large';
import type { FileToVerify } from '../signing/verify-report';
import type { ChosenFiles } from '../versions/chosen-files';

/**
 * The report to check, from the page (bytes) or main's dialog (a token): with its signatures file, if it is a JSON
 * report. For a file chosen in the dialog, `<report>.jws` beside it is found by itself; either of the two may be
 * the one chosen.
 */
export async function fileToVerify(source: ImportSource, signatures: ImportSource | undefined, chosen: ChosenFiles): Promise<FileToVerify> {
  let report = await readSource(source, chosen);
  let jws = signatures ? await readSource(signatures, chosen) : undefined;
  if (report.fileName.endsWith('.jws') && jws) [report, jws] = [jws, report];
  if (!jws && report.path) {
    const sibling = report.path.endsWith('.jws') ? report.path.slice(0, -4) : `${report.path}.jws`;
    const other = await readFile(sibling).catch(() => undefined);
    if (other && report.path.endsWith('.jws')) [report, jws] = [{ fileName: basename(sibling), bytes: other, path: sibling }, report];
    else if (other) jws = { fileName: basename(sibling), bytes: other };
  }
  const file: FileToVerify = { fileName: report.fileName, bytes: report.bytes };
  if (jws) file.signatures = Buffer.from(jws.bytes).toString('utf8');
  return file;
}

async function readSource(source: ImportSource, chosen: ChosenFiles): Promise<{ fileName: string; bytes: Uint8Array; path?: string }> {
  if (source.kind === 'file') return { fileName: source.fileName, bytes: Buffer.from(source.dataBase64, 'base64') };
  const path = chosen.take(source.token);
  const fileName = basename(path);
  const handle = await open(path, 'r').catch(() => {
    throw new AppError('E_NOT_FOUND', `“${fileName}” can no longer be read. It may have been moved; choose it again.`);
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_IMPORT_BYTES) throw new AppError('E_TOO_LARGE', `“${fileName}” is ${formatSize(size)}; the app checks files of up to ${formatSize(MAX_IMPORT_BYTES)}.`);
    return { fileName, bytes: await handle.readFile(), path };
  } finally {
    await handle.close();
  }
}
