import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';

/**
 * lowdb adapter over one JSON file: reads through a decoder that validates (and may throw `E_CORRUPT`), writes
 * through `writeFileDurably`. A missing file reads as `null`, so lowdb falls back to its default data.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly decode: (bytes: Buffer) => T,
  ) {}

  async read(): Promise<T | null> {
    const bytes = await readFileIfPresent(this.file);
    return bytes === null ? null : this.decode(bytes);
  }

  /** The text of the last successful write, exactly as it is on disk. */
  lastWritten: string | undefined;

  async write(data: T): Promise<void> {
    const text = serializeJson(data);
    await writeFileDurably(this.file, text);
    this.lastWritten = text;
  }
}

/** The one way documents are written to disk, so a checksum of the bytes means the same thing everywhere. */
export function serializeJson(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}

export async function readFileIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return null;
    throw error;
  }
}

export function isNodeError(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
