import { unlink } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../storage/durable-write';
import { readFileIfPresent } from '../storage/json-file-adapter';
import { Conflict } from '../../../shared/contract/exchange';
import { journalFileFor } from '../storage/review-journal';
import { fileIdentity, historyFileFor } from './review-history';

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
  /** The conflicts as last listed, while the review and its history are still as they were then. */
  listed?: Conflict[];
}

/**
 * The conflicts as listed (the merge or the decision that left them lists them too), and which files the review and
 * its history were then: while they are the same files, listing would give the same list, so it is given without
 * loading the history (a second at 10,000 annotations, each time the review is opened until they are resolved).
 * Every write of the review, its journal or its history changes which file it is (see fileIdentity).
 */
const ListedConflicts = z.object({ conflicts: z.array(Conflict).max(100_000), files: z.string().max(1_000) }).strict();
type ListedConflicts = z.infer<typeof ListedConflicts>;

const SAID_AS_IDS = z
  .object({ ids: z.array(z.string().max(1_000)).max(1_000_000), listed: ListedConflicts.optional() })
  .strict();

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
  if (!read.success) return undefined;
  const { ids, listed } = read.data;
  const current = listed && listed.files === (await filesOf(reviewFile)) ? { listed: listed.conflicts } : {};
  return { count: ids.length, ids, ...current };
}

/** Writes where conflicts may be open; `undefined` when that is not known. */
export async function writeOpenConflicts(reviewFile: string, ids: readonly string[] | undefined): Promise<void> {
  if (ids === undefined) await unlink(openConflictsFileFor(reviewFile)).catch(() => undefined);
  else await writeFileDurably(openConflictsFileFor(reviewFile), `${JSON.stringify({ ids: [...new Set(ids)] })}\n`);
}

/**
 * Writes the open conflicts as just listed (or left by a merge or a decision), with the review and its history as
 * they are now on disk, which they must hold: call it with the review's lock held, after its last write.
 */
export async function writeListedConflicts(reviewFile: string, conflicts: readonly Conflict[]): Promise<void> {
  const listed: ListedConflicts = { conflicts: [...conflicts], files: await filesOf(reviewFile) };
  const text = JSON.stringify({ ids: conflicts.map((c) => c.id), listed });
  await writeFileDurably(openConflictsFileFor(reviewFile), `${text}\n`);
}

/** Which files the review, its journal and its history are now (none for one that is not there). */
async function filesOf(reviewFile: string): Promise<string> {
  const files = [reviewFile, journalFileFor(reviewFile), historyFileFor(reviewFile)];
  return (await Promise.all(files.map(fileIdentity))).map((identity) => identity ?? '-').join(' ');
}

function openConflictsFileFor(reviewFile: string): string {
  return `${historyFileFor(reviewFile)}.open-conflicts`;
}
