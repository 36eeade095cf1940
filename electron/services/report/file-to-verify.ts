import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { MAX_IMPORT_BYTES, type ImportSource } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { formatSize } from '../../../shared/domain/file-size';
import type { FileToVerify } from '../signing/verify-report';
import { readImportSource, type SourceFile, type TakeChosenPath } from '../files/read-source';

/**
 * The report to check, from the page (bytes) or main's dialog (a token): with its signatures file, if it is a JSON
 * report. For a file chosen in the dialog, `<report>.jws` beside it is found by itself; either of the two may be
 * the one chosen.
 */
export async function fileToVerify(
  source: ImportSource,
  signatures: ImportSource | undefined,
  takeChosenPath: TakeChosenPath,
): Promise<FileToVerify> {
  let report = await readSource(source, takeChosenPath);
  let jws = signatures ? await readSource(signatures, takeChosenPath) : undefined;
  if (report.fileName.endsWith('.jws') && jws) [report, jws] = [jws, report];
  if (!jws && report.path) {
    const sibling = report.path.endsWith('.jws') ? report.path.slice(0, -4) : `${report.path}.jws`;
    const other = await readFile(sibling).catch(() => undefined);
    if (other && report.path.endsWith('.jws'))
      [report, jws] = [{ fileName: basename(sibling), bytes: other, path: sibling }, report];
    else if (other) jws = { fileName: basename(sibling), bytes: other };
  }
  const file: FileToVerify = { fileName: report.fileName, bytes: report.bytes };
  if (jws) file.signatures = Buffer.from(jws.bytes).toString('utf8');
  return file;
}

function readSource(source: ImportSource, takeChosenPath: TakeChosenPath): Promise<SourceFile> {
  return readImportSource(
    source,
    takeChosenPath,
    MAX_IMPORT_BYTES,
    (fileName, bytes, maxBytes) =>
      new AppError(
        'E_TOO_LARGE',
        `“${fileName}” is ${formatSize(bytes)}; the app checks files of up to ${formatSize(maxBytes)}.`,
      ),
  );
}
