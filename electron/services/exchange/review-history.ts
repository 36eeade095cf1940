import { rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as Y from 'yjs';
import { AppError } from '../../../shared/errors';
import {
  newMergeableReview,
  readMergeable,
  READ_FROM_DOCUMENT,
  ReviewRecorder,
  type MergeableReview,
  type MergeWriter,
} from '../../../shared/domain/merge/mergeable-review';
import { reviewHeader, reviewRecords, type VersionContent } from '../../../shared/domain/merge/review-records';
import { Review } from '../../../shared/model';
import { syncFolder } from '../storage/durable-write';
import { isNodeError, readFileIfPresent } from '../storage/json-file-adapter';
import {
  fileIdentity,
  historyFileFor,
  HistoryFiles,
  olderHistoryFileFor,
  pendingFileFor,
  readWithIdentity,
} from './history-files';
import { carryOlderConflicts } from './older-history';
import { historyAfter, loadHistory, wholeHistory, type HistoryChunk, type SavedHistory } from './history-format';

/**
 * A review's history in the merge engine (see shared/domain/merge): every change of every laptop that has worked on
 * it, which is what lets two copies that parted be merged field by field, with conflicts where both changed the
 * same field. The review file stays the review as people and other tools read it; the history catches up with it
 * (the differences recorded as this laptop's changes) whenever the review is about to travel or take in another's
 * work, so editing costs nothing more than it did.
 *
 * A merge changes two files, the history and the review, and must leave both as they were or both merged, even if
 * the process is killed: the merged history is written beside the old one first (`.next`), the review file is
 * replaced (the moment the merge happens), and only then does `.next` take the history's place. Found on the next
 * open, a `.next` whose review is the one on disk is finished; any other is dropped, and the review is as before.
 */
export class ReviewHistory {
  readonly files: HistoryFiles;
  /** Whether this history was begun here, from the review, rather than read from its file: it has no conflicts. */
  begunHere = false;
  /** The history as read from its file (before catching up), which a small change can be written after. */
  readAs: SavedHistory | undefined;
  private recorder: ReviewRecorder | undefined;
  private constructor(
    readonly file: string,
    public document: MergeableReview,
  ) {
    this.files = new HistoryFiles(file);
  }

  /**
   * The review's history, caught up with `review` (the review as its file holds it now, the lock held): a review
   * that never travelled starts one here, written by this laptop. Nothing is written: whoever changes the history
   * (an export, a merge, a decision) writes it with the catch-up in it, and the review is what the catch-up is
   * recorded from, so until then nothing is lost, and the next open catches up again.
   */
  static async open(
    reviewFile: string,
    review: Review,
    writer: MergeWriter,
    /** Whether the history's file is known to hold `review` already (see OpenConflicts): nothing to catch up. */
    { holdsReview = false }: { holdsReview?: boolean } = {},
  ): Promise<ReviewHistory> {
    const file = historyFileFor(reviewFile);
    await finishOrDropPendingMerge(file, review);
    const bytes = await readFileIfPresent(file);
    if (!bytes) return ReviewHistory.begin(file, review, writer);
    const { document, readAs } = readHistory(bytes, file);
    const history = new ReviewHistory(file, document);
    history.readAs = readAs;
    if (!holdsReview) history.catchUp(review, writer);
    return history;
  }

  /**
   * A history begun here from the review, written by this laptop: it holds no conflict, unless the history an
   * earlier version of the app kept beside the review (Automerge's) holds some still open, which are carried into
   * it (older-history.ts) and the new history written at once, so that they are read from the old one only once.
   */
  private static async begin(file: string, review: Review, writer: MergeWriter): Promise<ReviewHistory> {
    const history = new ReviewHistory(file, newMergeableReview(review, writer));
    const older = await readFileIfPresent(olderHistoryFileFor(file));
    if (older && carryOlderConflicts(history.document, older, review) > 0) {
      const saved = wholeHistory(history.document);
      await history.files.save(saved.bytes);
      history.readAs = saved;
      return history;
    }
    history.begunHere = true;
    return history;
  }

  /**
   * The review's history loaded and caught up with `review` ahead of a merge, while its package is still being
   * chosen or read, without the review's lock (nothing is written). A merge takes it only while the history's file
   * is still the one it was read from (`isCurrent`, asked with the lock held): anything written since (an export's
   * catch-up, a resolved conflict) holds changes of this laptop that this copy lacks. None for a review that never
   * travelled, or whose last merge was interrupted (the merge itself finishes or drops that, with the lock).
   */
  static async openAhead(
    reviewFile: string,
    review: Review,
    writer: MergeWriter,
  ): Promise<PreparedHistory | undefined> {
    const file = historyFileFor(reviewFile);
    if (await fileIdentity(pendingFileFor(file))) return undefined;
    const read = await readWithIdentity(file);
    if (!read) return undefined;
    const { identity } = read;
    const { document, readAs } = readHistory(read.bytes, file);
    const history = new ReviewHistory(file, document);
    history.catchUp(review, writer, { again: true });
    // Saved now, while nobody waits for it (the file's bytes and the catch-up after them), for the merge to write
    // the history as this and what it adds after it (bytesAfter).
    const saved = historyAfter(history.document, readAs);
    return {
      history,
      reviewFile,
      review,
      saved,
      isCurrent: async () =>
        (await fileIdentity(pendingFileFor(file))) === undefined && (await fileIdentity(file)) === identity,
    };
  }

  /** Records what the review holds that the history does not yet, as this laptop's change (in memory: see open). */
  catchUp(review: Review, writer: MergeWriter, { again = false }: { again?: boolean } = {}): void {
    // A catch-up that another will follow (one ahead of a merge, then the merge's) keeps what it recorded, so the
    // next knows the stamps rather than reading them all again (0.3 s at 10,000 annotations); otherwise that is
    // let go, as it holds a stamp and field list per record.
    const recorder =
      this.recorder?.document === this.document ? this.recorder : new ReviewRecorder(this.document, READ_FROM_DOCUMENT);
    this.document = recorder.record(review, writer);
    this.recorder = again ? recorder : undefined;
  }

  /**
   * Lets go of what the last catch-up recorded (kept for another: see catchUp) when none will follow after all: it
   * holds a stamp and field list per record, tens of megabytes at 10,000 annotations.
   */
  forgetRecorded(): void {
    this.recorder = undefined;
  }
}

/** A review's history loaded ahead of a merge (ReviewHistory.openAhead). */
export interface PreparedHistory {
  history: ReviewHistory;
  reviewFile: string;
  /** The review it was caught up with. */
  review: Review;
  /** The history as it was caught up ahead, saved, and the state those bytes bring a document to. */
  saved: SavedHistory;
  /** Whether the history's file is still the one it was read from (asked with the review's lock held). */
  isCurrent(): Promise<boolean>;
}

/**
 * What was loaded ahead, if it is of this review and its file is still the one it was read from (asked with the
 * review's lock held): anything written since (an export's catch-up, a decision) holds changes this copy lacks.
 */
export async function usableAhead(
  prepared: PreparedHistory | undefined,
  reviewFile: string,
): Promise<PreparedHistory | undefined> {
  return prepared?.reviewFile === reviewFile && (await prepared.isCurrent()) ? prepared : undefined;
}

/**
 * The history loaded ahead, caught up with the review as the job finds it. Not saved when caught up: whatever the job
 * writes holds the catch-up too.
 */
export function caughtUpAhead({ history, review: loadedWith }: PreparedHistory, review: Review, writer: MergeWriter) {
  // The very review it was caught up with (the host sent none since): nothing to catch up, and what the catch-up
  // ahead kept for this one is not needed.
  if (review !== loadedWith) history.catchUp(review, writer);
  else history.forgetRecorded();
  return history;
}

export type { SavedHistory };

/**
 * The bytes of `document`, a history that has moved on from `saved`: those bytes with what was written since after
 * them, when that is small beside them; else the whole history (historyAfter).
 */
export function bytesAfter(
  document: MergeableReview,
  saved: SavedHistory | undefined,
  arrived?: readonly HistoryChunk[],
): Uint8Array {
  return historyAfter(document, saved, arrived).bytes;
}

/** A history's file read into a document, and what it was read as (the bytes, and the state they bring it to). */
function readHistory(bytes: Uint8Array, file: string): { document: MergeableReview; readAs: SavedHistory } {
  let document: MergeableReview;
  try {
    document = loadHistory(bytes);
  } catch {
    throw new AppError(
      'E_CORRUPT',
      `The review's history (“${file}”) is damaged, so this review cannot take in or send work from other laptops ` +
        'until it is repaired. The review itself is unaffected. Move that file aside: a new history starts from the review as it is (changes other laptops have not seen yet will then show as conflicts, not be lost).',
    );
  }
  return { document, readAs: { bytes, state: Y.encodeStateVector(document) } };
}

/** A merge interrupted between writing its history and taking its place: finished if the review shows it, else dropped. */
async function finishOrDropPendingMerge(file: string, review: Review): Promise<void> {
  const pending = pendingFileFor(file);
  const bytes = await readFileIfPresent(pending);
  if (!bytes) return;
  let merged: Review | undefined;
  try {
    const document = loadHistory(bytes);
    const read = Review.safeParse(readMergeable(document, contentFrom(review)));
    merged = read.success ? read.data : undefined;
  } catch {
    merged = undefined;
  }
  if (merged && sameRecords(merged, review)) {
    await rename(pending, file);
    await syncFolder(dirname(file));
  } else {
    await unlink(pending).catch((error: unknown) => {
      if (!isNodeError(error, 'ENOENT')) throw error;
    });
  }
}

/**
 * The document with what `review` holds that it does not, as this laptop's change. Every operation stamps what it
 * changes (`updatedAt`, a tombstone) and the rest never changes once made, so only records whose stamp differs from
 * the document's are compared and written: the document's stamps are read, not the whole review it holds.
 */
export function catchUp(document: MergeableReview, review: Review, writer: MergeWriter, message?: string) {
  return new ReviewRecorder(document, READ_FROM_DOCUMENT).record(review, writer, message);
}

/**
 * Whether two reviews hold the same records and header, apart from when the review was last saved: the same as
 * their canonical JSON, compared value by value rather than written out. Writing out both reviews of 10,000
 * annotations took 1.2 to 1.7 s of opening a package (checking its history against its review).
 */
export function sameRecords(a: Review, b: Review): boolean {
  const comparable = (review: Review) => {
    const { updatedAt: _updatedAt, ...header } = reviewHeader(review);
    return { header, records: reviewRecords(review) };
  };
  return sameAsJson(comparable(a), comparable(b));
}

/**
 * Whether two values read the same as JSON: objects with the same keys in any order, a key whose value is undefined
 * as no key at all (as JSON leaves it out), arrays item by item. Stops at the first difference.
 */
export function sameAsJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, at) => sameAsJson(item, b[at]));
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let keys = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    if (!sameAsJson(x[key], y[key])) return false;
    keys++;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) keys--;
  return keys === 0;
}

/** A version's content, for reading a document whose versions this side may not have: from the review, else `more`. */
export function contentFrom(...reviews: (Review | undefined)[]): (versionId: string) => VersionContent | undefined {
  const contents = new Map<string, VersionContent>();
  for (const review of reviews.reverse())
    for (const v of review?.versions ?? []) contents.set(v.id, { blocks: v.blocks, text: v.text });
  return (versionId) => contents.get(versionId);
}
