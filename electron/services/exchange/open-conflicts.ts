import { unlink } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurably } from '../storage/durable-write';
import { readFileIfPresent } from '../storage/json-file-adapter';
import { Conflict } from '../../../shared/contract/exchange';
import type { Review } from '../../../shared/model';
import { fileIdentity, historyFileFor } from './history-files';
import { reviewDigest } from './review-digest';

/**
 * Where a review may have conflicts open, kept beside its history (`<id>.history.yjs.open-conflicts`): the ids
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
  /**
   * Whether the history holds the review as it is (a merge or a decision wrote both, and nothing was written
   * since): it then needs no catching up, which costs 0.4 s at 10,000 annotations.
   */
  historyHoldsReview?: boolean;
}

/**
 * The conflicts as listed (the merge or the decision that left them lists them too), and what the review and its
 * history were then: while they are the same, listing would give the same list, so it is given without loading the
 * history (one to three seconds at 10,000 annotations, each time the review is opened until they are resolved). The
 * review is told by its digest (reviewDigest: its fields and records as the schema reads them), not by its file,
 * which is written anew, the same, whenever the review closes; the history by its file, which only a change of it
 * writes.
 */
const ListedConflicts = z
  .object({
    conflicts: z.array(Conflict).max(100_000),
    state: z.string().max(1_000),
    /** Written by a merge or a decision, whose history holds the review as written: see OpenConflicts. */
    historyHoldsReview: z.boolean().optional(),
  })
  .strict();

const SAID_AS_IDS = z
  .object({ ids: z.array(z.string().max(1_000)).max(1_000_000), listed: ListedConflicts.optional() })
  .strict();

/** Where conflicts may be open; with `review` (the review as it is now), also the open ones as listed last, if current. */
export async function readOpenConflicts(reviewFile: string, review?: Review): Promise<OpenConflicts | undefined> {
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
  if (!review || !listed || (await stateOf(reviewFile, review)) !== listed.state) return { count: ids.length, ids };
  return { count: ids.length, ids, listed: listed.conflicts, historyHoldsReview: listed.historyHoldsReview === true };
}

/** Writes where conflicts may be open; `undefined` when that is not known. */
export async function writeOpenConflicts(reviewFile: string, ids: readonly string[] | undefined): Promise<void> {
  if (ids === undefined) await unlink(openConflictsFileFor(reviewFile)).catch(() => undefined);
  else await writeFileDurably(openConflictsFileFor(reviewFile), `${JSON.stringify({ ids: [...new Set(ids)] })}\n`);
}

/**
 * Writes the open conflicts as just listed (or left by a merge or a decision) with `review` as the store holds it
 * now and the history as it is on disk: call it with the review's lock held, after the last write of either.
 */
export async function writeListedConflicts(
  reviewFile: string,
  review: Review,
  conflicts: readonly Conflict[],
  { historyHoldsReview = false }: { historyHoldsReview?: boolean } = {},
): Promise<void> {
  // None open is said by the count alone, which is never listed again (mayHaveConflicts), so the review's digest
  // (0.2 to 0.6 s at 10,000 annotations, after a merge of a hundred records) buys nothing.
  if (conflicts.length === 0) return writeOpenConflicts(reviewFile, []);
  const ids = conflicts.map((c) => c.id);
  const state = await stateOf(reviewFile, review);
  const listed = { conflicts: [...conflicts], state, ...(historyHoldsReview ? { historyHoldsReview } : {}) };
  const text = JSON.stringify(state === undefined ? { ids } : { ids, listed });
  await writeFileDurably(openConflictsFileFor(reviewFile), `${text}\n`);
}

/** What the review is (its digest) and which file its history is. */
async function stateOf(reviewFile: string, review: Review): Promise<string | undefined> {
  const digest = reviewDigest(review);
  if (digest === undefined) return undefined;
  const history = (await fileIdentity(historyFileFor(reviewFile))) ?? '-';
  return `${digest} ${history}`;
}

function openConflictsFileFor(reviewFile: string): string {
  return `${historyFileFor(reviewFile)}.open-conflicts`;
}
