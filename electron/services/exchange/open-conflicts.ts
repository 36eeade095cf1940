import { unlink } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../storage/durable-write';
import { readFileIfPresent } from '../storage/json-file-adapter';
import { historyFileFor } from './review-history';

/**
 * Where a review may have conflicts open, kept beside its history (`<id>.history.automerge.open-conflicts`): the ids
 * of the conflicts open when they were last listed or decided, and of those the merges since made. Opening a review
 * that has none (nearly every one) does not load its history to find none, and listing asks the engine only at
 * those places rather than at every field of every record. It only ever says more than is open: a merge adds its
 * conflicts before it commits, and a listing or a decision writes those still open once it has, so a crash between
 * them errs on the side of looking again. Missing means unknown: look everywhere. A review written by an earlier
 * version of the app says only how many.
 */
export interface OpenConflicts {
  count: number;
  /** Their ids (see listConflicts), when known. */
  ids?: string[];
}

const SAID_AS_IDS = z.object({ ids: z.array(z.string().max(1_000)).max(1_000_000) }).strict();

export async function readOpenConflicts(reviewFile: string): Promise<OpenConflicts | undefined> {
  const text = (await readFileIfPresent(openConflictsFileFor(reviewFile)))?.toString('utf8').trim();
  if (text === undefined) return undefined;
  if (/^\d{1,9}$/.test(text)) return { count: Number(text) };
  let said: unknown;
  try {
    said = JSON.parse(text);
  } catch {
    return undefined;
  }
  const read = SAID_AS_IDS.safeParse(said);
  return read.success ? { count: read.data.ids.length, ids: read.data.ids } : undefined;
}

/** Writes where conflicts may be open; `undefined` when that is not known. */
export async function writeOpenConflicts(reviewFile: string, ids: readonly string[] | undefined): Promise<void> {
  if (ids === undefined) await unlink(openConflictsFileFor(reviewFile)).catch(() => undefined);
  else await writeFileDurably(openConflictsFileFor(reviewFile), `${JSON.stringify({ ids: [...new Set(ids)] })}\n`);
}

function openConflictsFileFor(reviewFile: string): string {
  return `${historyFileFor(reviewFile)}.open-conflicts`;
}
