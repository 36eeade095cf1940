import { unlink } from 'node:fs/promises';
import { writeFileDurably } from '../storage/durable-write';
import { readFileIfPresent } from '../storage/json-file-adapter';
import { historyFileFor } from './review-history';

/**
 * How many conflicts a review may have open at most, kept beside its history (`<id>.history.automerge.open-conflicts`),
 * so that opening a review whose count is 0 (nearly every one) does not load its whole history to find none. It is
 * only ever an upper bound: a merge or a decision writes the larger of the counts before and after before it
 * commits, and the exact one once it has, so a crash between them errs on the side of looking again. Missing means
 * unknown.
 */
export async function readOpenConflictCount(reviewFile: string): Promise<number | undefined> {
  const text = (await readFileIfPresent(countFileFor(reviewFile)))?.toString('utf8').trim();
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export async function writeOpenConflictCount(reviewFile: string, count: number | undefined): Promise<void> {
  if (count === undefined) await unlink(countFileFor(reviewFile)).catch(() => undefined);
  else await writeFileDurably(countFileFor(reviewFile), `${count}\n`);
}

function countFileFor(reviewFile: string): string {
  return `${historyFileFor(reviewFile)}.open-conflicts`;
}
