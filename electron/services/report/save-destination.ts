import type { SaveDestination } from '../../../shared/api';
import { writeFileDurably } from '../storage/durable-write';
import type { ChosenSavePaths } from '../templates/chosen-save-paths';

/**
 * Delivers a file the app made: written where main's save dialog chose (the token names the path), or handed back
 * to the page to save itself — as UTF-8 text, or base64 for binary files such as PDFs.
 */
export async function deliverFile(destination: SaveDestination, file: { fileName: string; bytes: Uint8Array; binary: boolean }, chosen: ChosenSavePaths): Promise<{ fileName: string; saved: boolean; content?: string }> {
  if (destination.kind === 'chosen') {
    const { path, fileName } = chosen.take(destination.token);
    await writeFileDurably(path, file.bytes);
    return { fileName, saved: true };
  }
  const content = Buffer.from(file.bytes).toString(file.binary ? 'base64' : 'utf8');
  return { fileName: file.fileName, saved: false, content };
}
