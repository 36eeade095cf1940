import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './durable-write';
import { readFileIfPresent } from './json-file-adapter';

const REVIEW_SUFFIX = '.review.json';

/** Original source files of a review, content-addressed by sha256, beside the review file. */
export function sourcesFolderFor(reviewFile: string): string {
  return `${reviewFile.endsWith(REVIEW_SUFFIX) ? reviewFile.slice(0, -REVIEW_SUFFIX.length) : reviewFile}.sources`;
}

export function sourceFilePath(reviewFile: string, sha256: string): string {
  return join(sourcesFolderFor(reviewFile), sha256);
}

/**
 * Keeps the exact bytes a version was imported from, so a report can prove which bytes were reviewed. Returns
 * whether the file was new (a second import of the same bytes shares the first copy).
 */
export async function keepSourceFile(reviewFile: string, sha256: string, bytes: Uint8Array): Promise<boolean> {
  const path = sourceFilePath(reviewFile, sha256);
  if ((await readFileIfPresent(path)) !== null) return false;
  await mkdir(sourcesFolderFor(reviewFile), { recursive: true });
  await writeFileDurably(path, bytes);
  return true;
}

export async function forgetSourceFile(reviewFile: string, sha256: string): Promise<void> {
  await unlink(sourceFilePath(reviewFile, sha256)).catch(() => undefined);
}
