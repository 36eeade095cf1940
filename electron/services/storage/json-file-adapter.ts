import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';
import { serializeJson } from '../../../shared/model';

/**
 * lowdb adapter over one JSON file: reads through a decoder that validates (and may throw `E_CORRUPT`), writes
 * through `writeFileDurably`. A missing file reads as `null`, so lowdb falls back to its default data.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly decode: (bytes: Buffer) => T,
    private readonly serialize: (data: T) => string = serializeJson,
  ) {}

  async read(): Promise<T | null> {
    const bytes = await readFileIfPresent(this.file);
    return bytes === null ? null : this.decode(bytes);
  }

  /** The text of the last successful write, exactly as it is on disk. */
  lastWritten: string | undefined;

  async write(data: T): Promise<void> {
    const text = this.serialize(data);
    await writeFileDurably(this.file, text);
    this.lastWritten = text;
  }
}

export async function readFileIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return null;
    throw error;
  }
}

export type BoundedRead =
  | { kind: 'read'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number }
  /** A folder, a pipe or a device under the file's name. */
  | { kind: 'not-a-file' };

/**
 * The bytes of `file`, unless it is larger than `maxBytes` or not a file at all: its size and kind are checked on
 * the open file before anything is read, so a file far larger than it should be costs neither the memory nor the
 * time to read it, and a folder or a pipe under its name is said to be one (reading a folder fails; opening a pipe
 * would wait for a writer for ever, so nothing is opened waiting).
 */
export async function readFileWithin(file: string, maxBytes: number): Promise<BoundedRead> {
  let handle;
  try {
    handle = await open(file, OPEN_WITHOUT_WAITING);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return { kind: 'missing' };
    // Where a folder cannot be opened as a file at all (Windows).
    if (isNodeError(error, 'EISDIR')) return { kind: 'not-a-file' };
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { kind: 'not-a-file' };
    if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
    return { kind: 'read', bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** Read-only, and without waiting for a writer where the name is a pipe (no such flag on Windows, nor such pipes). */
const OPEN_WITHOUT_WAITING = constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK);

/** The first `length` bytes of `file`: enough to show what a file too large to read seems to be. */
export async function readStartOf(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isNodeError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
