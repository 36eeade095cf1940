import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as Automerge from '@automerge/automerge';
import type { Conflict, MergeCounts } from '../../../shared/api';
import { keepValue, listConflicts } from '../../../shared/domain/merge/conflicts';
import { bothSides, describeConflict } from '../../../shared/domain/merge/conflict-view';
import { mergeReviews } from '../../../shared/domain/merge/merge-reviews';
import { readMergedChanges, withCheckedRecords } from '../../../shared/domain/merge/merged-changes';
import {
  readMergeable,
  ReviewRecorder,
  type MergeableReview,
  type MergeWriter,
} from '../../../shared/domain/merge/mergeable-review';
import type { Clock } from '../../../shared/domain/clock';
import { shortQuote } from '../../../shared/domain/annotations/comment-body';
import { recordAudit } from '../../../shared/domain/reviews/audit';
import { AppError } from '../../../shared/errors';
import { decodeReviewText, type Review } from '../../../shared/model';
import type { ReviewLibrary } from '../library/review-library';
import { writeFileDurably } from '../storage/durable-write';
import { isNodeError, readFileIfPresent } from '../storage/json-file-adapter';
import type { ReviewStore } from '../storage/review-store';
import { keepSourceFile, sourceFilePath } from '../storage/source-files';
import { catchUp, contentFrom, historyFileFor, ReviewHistory, sameRecords } from './review-history';
import { readOpenConflictCount, writeOpenConflictCount } from './open-conflict-count';
import { writePackage, type OpenedPackage, type PackageSigner } from './review-package';

/** The review as a package's bytes, its history caught up with it first (so everything on screen travels). */
export async function exportPackage(
  store: ReviewStore,
  writer: MergeWriter,
  app: string,
  signer?: PackageSigner,
): Promise<Uint8Array> {
  return store.exclusively(async () => {
    const history = await ReviewHistory.open(store.file, store.review, writer);
    const sources = new Map<string, Uint8Array>();
    for (const version of store.review.versions) {
      const bytes = await readFileIfPresent(sourceFilePath(store.file, version.source.sha256));
      if (bytes) sources.set(version.source.sha256, bytes);
    }
    return writePackage(
      {
        review: store.review,
        history: history.bytes(),
        sources,
        exportedBy: writer.author,
        exportedAt: writer.at,
        app,
      },
      signer,
    );
  });
}

/**
 * Takes a package of this review in: this laptop's work is recorded in the history first, the package's history
 * merged into it, and the review replaced by what the merge reads, in one step that a crash leaves undone or done
 * (see ReviewHistory). A package of another review is refused and nothing changes.
 */
export async function mergePackage(
  store: ReviewStore,
  opened: OpenedPackage,
  writer: MergeWriter,
  clock: Clock,
): Promise<MergeCounts> {
  if (opened.review.id !== store.review.id) {
    throw new AppError(
      'E_INVALID_INPUT',
      `This package holds another review (“${opened.review.title}”), not “${store.review.title}”; nothing was merged. ` +
        'Open it from the library to add it as a review of its own.',
    );
  }
  return store.exclusively(async (save) => {
    // Not saved when caught up: the merged history, staged below, holds the catch-up too.
    const history = await ReviewHistory.open(store.file, store.review, writer, { saveCatchUp: false });
    const { document, counts, touched } = mergeWithEngine(history.document, opened.history);
    const changes = readMergedChanges(document, touched, store.review, contentFrom(store.review, opened.review));
    const arrived = checkedReview(changes.arrived);
    const merged = withCheckedRecords(changes.review, arrived);
    // Compared where the merge wrote, not the whole review again: anything else is the review as it was.
    const unchanged = !changes.reordered && sameRecords(arrived, changes.arrivedBefore);
    for (const version of merged.versions) {
      const bytes = opened.sources.get(version.source.sha256);
      if (bytes) await keepSourceFile(store.file, version.source.sha256, bytes);
    }
    const from = opened.sender.signature?.signer ?? opened.sender.exportedBy.name;
    const open = await readOpenConflictCount(store.file);
    await writeOpenConflictCount(store.file, open === undefined ? undefined : open + counts.conflicts);
    await commit(store, history, document, merged, save, {
      writer,
      clock,
      unchanged,
      action: 'review.merge',
      summary:
        `Merged a package from ${from} (exported ${opened.sender.exportedAt.slice(0, 16).replace('T', ' ')} UTC): ` +
        `${counts.added} added, ${counts.changed} changed, ${counts.conflicts} conflicts to resolve.`,
    });
    return counts;
  });
}

/**
 * The engine's merge, with its own failures said in words: Automerge runs in WebAssembly with at most 4 GB, and a
 * merge that exhausts it stops with a trap rather than an error of its own. Nothing is written before it returns.
 */
function mergeWithEngine(local: MergeableReview, remote: MergeableReview) {
  try {
    return mergeReviews(local, remote);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'E_TOO_LARGE',
      'The merge engine could not merge this package (most likely it needed more memory than it has); nothing was ' +
        'changed. Quit and restart the app before merging again.',
    );
  }
}

/** A package of a review this library does not have: the review is added under its own id, with its history. */
export async function addPackagedReview(library: ReviewLibrary, opened: OpenedPackage): Promise<Review> {
  const review = checkedReview(readMergeable(opened.history, contentFrom(opened.review)));
  if (!sameRecords(review, opened.review)) {
    throw new AppError(
      'E_INVALID_INPUT',
      'This package’s review and its history disagree, so it cannot be merged later; nothing was opened. Ask the sender to export it again.',
    );
  }
  const file = library.fileFor(review.id);
  for (const [sha256, bytes] of opened.sources) await keepSourceFile(file, sha256, bytes);
  // A library that never held a review has no folder for one yet.
  await mkdir(dirname(file), { recursive: true });
  await writeFileDurably(historyFileFor(file), Automerge.save(opened.history));
  // Last: the review file appearing is what adds the review; anything before it is harmless on its own.
  await library.create(review);
  return review;
}

/**
 * Only a merge makes conflicts, and every merge starts from the review's history: a review that never travelled has
 * none, nor does one whose count of open conflicts is 0. Either is answered without loading the history, which
 * costs a pass over the whole review each time the app asks (on opening every review, on every report).
 */
async function mayHaveConflicts(reviewFile: string): Promise<boolean> {
  try {
    await stat(historyFileFor(reviewFile));
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return false;
    throw error;
  }
  return (await readOpenConflictCount(reviewFile)) !== 0;
}

/** The review's open conflicts, described; the history caught up first (and saved) when this window may write. */
export async function reviewConflicts(store: ReviewStore, writer: MergeWriter): Promise<Conflict[]> {
  if (!(await mayHaveConflicts(store.file))) return [];
  if (store.readOnly) return conflictsCaughtUpInMemory(store);
  return store.exclusively(async () => {
    const history = await ReviewHistory.open(store.file, store.review, writer);
    const conflicts = describeAll(store.review, history.document);
    await writeOpenConflictCount(store.file, conflicts.length);
    return conflicts;
  });
}

/**
 * The conflicts a report lists as open: read from the history as it would be once caught up with the review (in
 * memory only, so a report never writes beside the review), since a field changed after the merge is decided.
 */
export async function unresolvedConflicts(store: ReviewStore): Promise<Conflict[]> {
  return (await mayHaveConflicts(store.file)) ? conflictsCaughtUpInMemory(store) : [];
}

async function conflictsCaughtUpInMemory(store: ReviewStore): Promise<Conflict[]> {
  const bytes = await readFileIfPresent(historyFileFor(store.file));
  if (!bytes) return [];
  const reader: MergeWriter = { actor: CATCH_UP_ACTOR, author: { name: 'catch-up' }, at: new Date().toISOString() };
  const document = catchUp(Automerge.load<MergeableReview>(bytes, { actor: CATCH_UP_ACTOR }), store.review, reader);
  return describeAll(store.review, document);
}

/** The actor of a catch-up that is never saved. */
const CATCH_UP_ACTOR = '00'.repeat(16);

/** Keeps one side of a conflict (or both, where they can be joined), on this laptop and on every one that merges it. */
export async function resolveReviewConflict(
  store: ReviewStore,
  conflictId: string,
  keep: number | 'both',
  writer: MergeWriter,
  clock: Clock,
): Promise<{ resolved: Conflict; remaining: number }> {
  return store.exclusively(async (save) => {
    const history = await ReviewHistory.open(store.file, store.review, writer);
    const conflicts = listConflicts(history.document);
    const conflict = conflicts.find((c) => c.id === conflictId);
    if (!conflict) {
      throw new AppError(
        'E_NOT_FOUND',
        `There is no open conflict “${conflictId}” in this review (it may have been resolved already). List the open ones with \`policy-review conflicts\` or in “To resolve”.`,
      );
    }
    const resolved = describeConflict(store.review, conflict);
    let value: unknown;
    if (keep === 'both') {
      if (!resolved.canKeepBoth)
        throw new AppError(
          'E_INVALID_INPUT',
          `Both sides of “${resolved.fieldLabel}” cannot be kept together; keep one of them.`,
        );
      value = bothSides(conflict);
    } else {
      if (keep >= conflict.values.length)
        throw new AppError(
          'E_INVALID_INPUT',
          `This conflict has ${conflict.values.length} sides, numbered 0 to ${conflict.values.length - 1}; there is no side ${keep}.`,
        );
      value = conflict.values[keep]!.value;
    }
    const document = keepValue(history.document, conflict, value, writer);
    const review = checkedReview(readMergeable(document, contentFrom(store.review)));
    const kept = keep === 'both' ? 'kept both values' : `kept ${shortQuote(resolved.values[keep]!.text, 80)}`;
    await commit(store, history, document, review, save, {
      writer,
      clock,
      action: 'conflict.resolve',
      summary: `Resolved a conflict in ${resolved.recordLabel}, ${resolved.fieldLabel}: ${kept}.`,
      // A person decided, even when the value kept is the one the review already showed.
      unchanged: false,
    });
    await writeOpenConflictCount(store.file, conflicts.length - 1);
    return { resolved, remaining: conflicts.length - 1 };
  });
}

/**
 * Makes `merged` the history and `review` the review together, with the step logged in both: the history waits
 * beside the old one until the review file is replaced, then takes its place (ReviewHistory explains why). When the
 * records are the same (`unchanged`: a package merged twice), the review file is left as it is and nothing is
 * logged; a person deciding something never leaves it unchanged.
 */
async function commit(
  store: ReviewStore,
  history: ReviewHistory,
  merged: MergeableReview,
  review: Review,
  save: <R>(change: (review: Review) => R) => Promise<R>,
  audit: { writer: MergeWriter; clock: Clock; action: string; summary: string; unchanged: boolean },
): Promise<void> {
  if (audit.unchanged) {
    history.document = merged;
    await history.save();
    return;
  }
  // Logged in the review and in the history alike, so the staged history is exactly what the review file will hold:
  // the document holds the review as it was read from it (the recorder notes its stamps now), so only the log's new
  // entry is written.
  const recorder = new ReviewRecorder(merged, review);
  recordAudit(review, audit.writer.author, audit.clock, audit.action, audit.summary, review.id);
  const document = recorder.record(review, audit.writer, audit.action);
  await history.stage(document);
  try {
    await save((current) => {
      for (const key of Object.keys(current)) delete (current as Record<string, unknown>)[key];
      Object.assign(current, review);
    });
  } catch (error) {
    await history.abandon();
    throw error;
  }
  await history.commit(document);
}

/**
 * What a merge produced, held to what any review read from disk is held to (the schema, and comments' rich text
 * without scripts or `javascript:` links): the other laptop's records are as untrusted as a file.
 */
function checkedReview(review: Review): Review {
  const decoded = decodeReviewText(JSON.stringify(review));
  if (decoded.kind === 'current' && decoded.damaged.length === 0) return decoded.review;
  const why =
    decoded.kind === 'corrupt'
      ? decoded.reason
      : decoded.kind === 'current' || decoded.kind === 'migrated'
        ? decoded.damaged[0]?.problem
        : 'it is of another format';
  throw new AppError(
    'E_INVALID_INPUT',
    `The package holds records this app does not accept (${why ?? 'unknown problem'}); nothing was changed.`,
  );
}

function describeAll(review: Review, document: MergeableReview): Conflict[] {
  return listConflicts(document).map((conflict) => describeConflict(review, conflict));
}
