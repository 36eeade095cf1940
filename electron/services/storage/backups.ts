import { mkdir, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileDurably } from './durable-write';
import { isNodeError, readFileWithin } from './json-file-adapter';
import { sha256Hex } from './on-demand-crypto';

export interface BackupEntry {
  file: string;
  createdAt: string;
  sha256: string;
}

const BACKUP_NAME = /^(\d{8}T\d{9}Z)-([0-9a-f]{64})\.json$/;
export const BACKUPS_KEPT = 10;

/** Backups of `<name>.json` live in `<name>.backups/`, beside it, so they travel with the review. */
export function backupFolderFor(file: string): string {
  return join(dirname(file), `${basename(file).replace(/\.json$/, '')}.backups`);
}

/**
 * Keeps a copy of `bytes` named by time and checksum, unless the newest backup already holds the same bytes,
 * and prunes to the newest `keep`. Returns the backup that holds these bytes.
 */
export async function writeBackup(file: string, bytes: Uint8Array, keep = BACKUPS_KEPT): Promise<BackupEntry> {
  const folder = backupFolderFor(file);
  await mkdir(folder, { recursive: true });
  const sha256 = sha256Hex(bytes);
  const existing = await listBackups(file);
  const newest = existing[0];
  if (newest && newest.sha256 === sha256) return newest;
  // Names sort by time, newest first, so a new backup must be named later than the newest one even when the
  // clock has not moved on (several backups within a millisecond) or was set back; else pruning deletes it.
  const now = new Date(Math.max(Date.now(), newest ? Date.parse(newest.createdAt) + 1 : 0));
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const entry: BackupEntry = { file: join(folder, `${stamp}-${sha256}.json`), createdAt: now.toISOString(), sha256 };
  await writeFileDurably(entry.file, bytes);
  for (const old of [entry, ...existing].slice(keep)) await unlink(old.file).catch(() => undefined);
  return entry;
}

/** Backups of `file`, newest first. */
export async function listBackups(file: string): Promise<BackupEntry[]> {
  const folder = backupFolderFor(file);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return [];
    throw error;
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    const [, stamp = '', sha256 = ''] = match;
    entries.push({ file: join(folder, name), createdAt: stampToIso(stamp), sha256 });
  }
  return entries.sort((a, b) => b.file.localeCompare(a.file));
}

/** The newest backup, of at most `maxBytes`, whose bytes still match their checksum and that `isUsable` accepts. */
export async function findLastGoodBackup(
  file: string,
  maxBytes: number,
  isUsable: (bytes: Buffer) => boolean,
): Promise<{ entry: BackupEntry; bytes: Buffer } | undefined> {
  for (const entry of await listBackups(file).catch(() => [])) {
    const read = await readFileWithin(entry.file, maxBytes).catch(() => undefined);
    const bytes = read?.kind === 'read' ? read.bytes : undefined;
    if (bytes && sha256Hex(bytes) === entry.sha256 && isUsable(bytes)) return { entry, bytes };
  }
  return undefined;
}

function stampToIso(stamp: string): string {
  // 20261125T123456789Z -> 2026-11-25T12:34:56.789Z
  const date = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
  const time = `${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}`;
  return `${date}T${time}Z`;
}
