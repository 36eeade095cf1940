import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeAbandonedTempFiles, writeFileDurably } from '../../../electron/services/storage/durable-write';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('writeFileDurably', () => {
  it('replaces the content of an existing file', async () => {
    const file = join(await tempDir(), 'review.json');
    await writeFile(file, '{"old": "content that is longer than the new one"}');
    await writeFileDurably(file, '{"new": 1}');
    expect(await readFile(file, 'utf8')).toBe('{"new": 1}');
  });

  it('creates a file that did not exist, with bytes as given', async () => {
    const file = join(await tempDir(), 'data.bin');
    const bytes = Uint8Array.from([0, 255, 10, 13, 128]);
    await writeFileDurably(file, bytes);
    expect(new Uint8Array(await readFile(file))).toEqual(bytes);
  });

  it('leaves no temp files behind after many writes', async () => {
    const dir = await tempDir();
    const file = join(dir, 'review.json');
    for (let i = 0; i < 20; i++) await writeFileDurably(file, `{"write": ${i}}`);
    expect(await readdir(dir)).toEqual(['review.json']);
  });

  it('rejects a write into a missing folder without creating the folder', async () => {
    const dir = await tempDir();
    await expect(writeFileDurably(join(dir, 'missing', 'review.json'), '{}')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes its temp file when the rename fails because a folder is in the way', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'review.json'));
    await expect(writeFileDurably(join(dir, 'review.json'), '{}')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['review.json']);
  });
});

describe('removeAbandonedTempFiles', () => {
  it('removes the temp files of writers that no longer run, and keeps those of live ones', async () => {
    const dir = await tempDir();
    const file = join(dir, 'r.review.json');
    await writeFile(file, '{}');
    const dead = join(dir, '.r.review.json.4000001.aaaaaaaaaaaa.tmp');
    const live = join(dir, '.r.review.json.4000002.bbbbbbbbbbbb.tmp');
    const other = join(dir, '.other.json.4000001.cccccccccccc.tmp');
    for (const temp of [dead, live, other]) await writeFile(temp, 'half a write');
    const removed = await removeAbandonedTempFiles(file, (pid) => pid === 4000002);
    expect(removed).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([
      '.other.json.4000001.cccccccccccc.tmp',
      '.r.review.json.4000002.bbbbbbbbbbbb.tmp',
      'r.review.json',
    ]);
  });
});
