import type { SaveDestination } from '../../../shared/api';
import { writeFileDurably } from '../storage/durable-write';

/** Where a token from main's save dialog says to write; it refuses a token not granted for this use (api/chosen-save-paths.ts). */
export type TakeSavePath = (token: string) => { path: string; fileName: string };

/**
 * Delivers a file the app made: written where main's save dialog chose (the token names the path), or handed back
 * to the page to save itself — as UTF-8 text, or base64 for binary files such as PDFs.
 */
export async function deliverFile(destination: SaveDestination, file: { fileName: string; bytes: Uint8Array; binary: boolean }, takeSavePath: TakeSavePath): Promise<{ fileName: string; saved: boolean; content?: string }> {
  if (destination.kind === 'chosen') {
    const { path, fileName } = takeSavePath(destination.token);
    await writeFileDurably(path, file.bytes);
    return { fileName, saved: true };
  }
  const content = Buffer.from(file.bytes).toString(file.binary ? 'base64' : 'utf8');
  return { fileName: file.fileName, saved: false, content };
}
