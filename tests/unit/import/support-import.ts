import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiResult, MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import type { Version } from '../../../shared/model';
import type { Workstation, WorkstationOptions } from '../../../electron/services/workstation/workstation';
import { openTestWorkstation } from '../../support/test-workstation';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const RIVERTON = `${REPO}/fixtures/policies/riverton-social-media`;
export const HOSTILE = `${REPO}/fixtures/hostile`;

export async function call<M extends MethodName>(
  ws: Workstation,
  method: M,
  args: MethodArgs<M>,
): Promise<MethodResult<M>> {
  const result = (await ws.invoke(method, args)) as ApiResult<MethodResult<M>>;
  if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), result.error);
  return result.value;
}

/** A workstation over `dataDir` with one empty review in it. */
export async function reviewIn(
  dataDir: string,
  options: Partial<WorkstationOptions> = {},
): Promise<{ ws: Workstation; reviewId: string }> {
  const ws = await openTestWorkstation({ dataDir, ...options });
  const { id } = await call(ws, 'reviews.create', { title: 'Import test' });
  return { ws, reviewId: id };
}

/** Imports a file from disk through the contract, exactly as a dropped file arrives from the renderer. */
export async function importFile(
  ws: Workstation,
  reviewId: string,
  path: string,
  fileName = basename(path),
): Promise<{ version: Version; warnings: string[] }> {
  return importBytes(ws, reviewId, fileName, await readFile(path));
}

/** Imports bytes a test made through the contract, as a dropped file named `fileName`. */
export async function importBytes(
  ws: Workstation,
  reviewId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ version: Version; warnings: string[] }> {
  const { version, warnings } = await call(ws, 'versions.import', {
    reviewId,
    source: { kind: 'file', fileName, dataBase64: Buffer.from(bytes).toString('base64') },
  });
  return { version: await call(ws, 'versions.get', { reviewId, versionId: version.id }), warnings };
}
