import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backupFolderFor,
  BACKUPS_KEPT,
  findLastGoodBackup,
  listBackups,
  writeBackup,
} from '../../../electron/services/storage/backups';
import { sha256Hex } from '../../../electron/services/storage/on-demand-crypto';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
afterEach(() => {
  vi.useRealTimers();
});
const version = (n: number) => Buffer.from(`{"version": ${n}}\n`);
const acceptAll = () => true;

async function reviewFile(): Promise<string> {
  return join(await tempDir(), 'some-review.review.json');
}

describe('backups of a review file', () => {
  it('holds exactly the bytes backed up, named by their sha256, in a folder beside the file', async () => {
    const file = await reviewFile();
    const entry = await writeBackup(file, version(1));
    expect(entry.file.startsWith(backupFolderFor(file))).toBe(true);
    expect(entry.file.endsWith(`-${sha256Hex(version(1))}.json`)).toBe(true);
    expect(await readFile(entry.file)).toEqual(version(1));
  });

  it(`keeps only the newest ${BACKUPS_KEPT}, listed newest first`, async () => {
    const file = await reviewFile();
    for (let n = 1; n <= BACKUPS_KEPT + 3; n++) await writeBackup(file, version(n));
    const kept = await listBackups(file);
    const contents = await Promise.all(kept.map((entry) => readFile(entry.file, 'utf8')));
    const newestFirst = Array.from({ length: BACKUPS_KEPT }, (_, i) => version(BACKUPS_KEPT + 3 - i).toString());
    expect(contents).toEqual(newestFirst);
    expect(await readdir(backupFolderFor(file))).toHaveLength(BACKUPS_KEPT);
  });

  it('keeps the order of backups made within one millisecond, or after the clock was set back', async () => {
    const file = await reviewFile();
    // Only the clock is faked; the files are real. A fast disk makes several backups within one millisecond.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00.000Z'));
    for (let n = 1; n <= 4; n++) await writeBackup(file, version(n));
    vi.setSystemTime(new Date('2026-03-01T09:00:00.000Z'));
    for (let n = 5; n <= BACKUPS_KEPT + 3; n++) await writeBackup(file, version(n));
    const contents = await Promise.all((await listBackups(file)).map((entry) => readFile(entry.file, 'utf8')));
    expect(contents).toEqual(Array.from({ length: BACKUPS_KEPT }, (_, i) => version(BACKUPS_KEPT + 3 - i).toString()));
  });

  it('does not back up the same bytes twice in a row', async () => {
    const file = await reviewFile();
    const first = await writeBackup(file, version(1));
    const again = await writeBackup(file, version(1));
    expect(again).toEqual(first);
    expect(await listBackups(file)).toHaveLength(1);
  });

  it('skips a backup whose bytes no longer match the checksum in its name', async () => {
    const file = await reviewFile();
    const older = await writeBackup(file, version(1));
    const newer = await writeBackup(file, version(2));
    await writeFile(newer.file, version(3));
    const found = await findLastGoodBackup(file, 1024 * 1024, acceptAll);
    expect(found?.entry.file).toBe(older.file);
    expect(found?.bytes).toEqual(version(1));
  });

  it('skips a backup that the caller finds unusable', async () => {
    const file = await reviewFile();
    await writeBackup(file, version(1));
    await writeBackup(file, Buffer.from('not a review'));
    const found = await findLastGoodBackup(file, 1024 * 1024, (bytes) => bytes.toString().startsWith('{'));
    expect(found?.bytes).toEqual(version(1));
  });
});
