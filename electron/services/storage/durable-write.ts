import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomHex } from './on-demand-crypto';

/**
 * Replaces `file` with `content` so that a reader, or the next start after a crash or power cut, sees either
 * the whole old content or the whole new one, never a mix: write a uniquely named temp file in the same folder,
 * fsync it, rename it over the target, then fsync the folder so the rename itself is on disk.
 */
export async function writeFileDurably(file: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(file);
  const temp = join(folder, `.${basename(file)}.${process.pid}.${randomHex(6)}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

const TEMP_SUFFIX = '.tmp';

/**
 * Removes the temp files that writers of `file` left when they were killed mid-write. Only those of processes
 * that no longer run: a live writer's temp file is about to be renamed into place.
 */
export async function removeAbandonedTempFiles(
  file: string,
  isProcessAlive: (pid: number) => boolean,
): Promise<number> {
  const folder = dirname(file);
  const prefix = `.${basename(file)}.`;
  let removed = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const match = /^(\d+)\.[0-9a-f]{12}$/.exec(name.slice(prefix.length, -TEMP_SUFFIX.length));
    const pid = Number(match?.[1]);
    if (!match || pid === process.pid || isProcessAlive(pid)) continue;
    await unlink(join(folder, name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}

/** Makes a rename or a new file in `folder` durable. Windows cannot open a folder for fsync; NTFS journals renames. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
