import { stat } from 'node:fs/promises';
import * as Automerge from '@automerge/automerge';
import type { Conflict, MergeCounts } from '../../../shared/api';
import { keepValue, listConflicts } from '../../../shared/domain/merge/conflicts';
import { bothSides, describeConflict } from '../../../shared/domain/merge/conflict-view';
import { mergeReviews } from '../../../shared/domain/merge/merge-reviews';
import { readMergeable, type MergeableReview, type MergeWriter } from '../../../shared/domain/merge/mergeable-review';
import { AppError } from '../../../shared/errors';
import { decodeReviewText, type Review } from '../../../shared/model';
import type { ReviewLibrary } from '../library/review-library';
import { writeFileDurably } from '../storage/durable-write';
import { isNodeError, readFileIfPresent } from '../storage/json-file-adapter';
import type { ReviewStore } from '../storage/review-store';
import { keepSourceFile, sourceFilePath } from '../storage/source-files';
import { contentFrom, historyFileFor, ReviewHistory, sameRecords } from './review-history';
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
): Promise<MergeCounts> {
  if (opened.review.id !== store.review.id) {
    throw new AppError(
      'E_INVALID_INPUT',
      `This package holds another review (“${opened.review.title}”), not “${store.review.title}”; nothing was merged. ` +
        'Open it from the library to add it as a review of its own.',
    );
  }
  return store.exclusively(async (save) => {
    const history = await ReviewHistory.open(store.file, store.review, writer);
    const { document, counts } = mergeReviews(history.document, opened.history);
    const merged = checkedReview(readMergeable(document, contentFrom(store.review, opened.review)));
    for (const version of merged.versions) {
      const bytes = opened.sources.get(version.source.sha256);
      if (bytes) await keepSourceFile(store.file, version.source.sha256, bytes);
    }
    await commit(store, history, document, merged, save);
    return counts;
  });
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
  await writeFileDurably(historyFileFor(file), Automerge.save(opened.history));
  // Last: the review file appearing is what adds the review; anything before it is harmless on its own.
  await library.create(review);
  return review;
}

async function hasHistory(reviewFile: string): Promise<boolean> {
  try {
    await stat(historyFileFor(reviewFile));
    return true;
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return false;
    throw error;
  }
}

/** The review's open conflicts, described; the history caught up first when this window may write. */
export async function reviewConflicts(store: ReviewStore, writer: MergeWriter): Promise<Conflict[]> {
  // Only a merge makes conflicts, and every merge starts from the review's history: a review that never travelled has
  // none, and is answered without starting one, which would cost a pass over the whole review (and a file written)
  // each time the app asks, as it does on opening every review.
  if (!(await hasHistory(store.file))) return [];
  if (store.readOnly) {
    const bytes = await readFileIfPresent(historyFileFor(store.file));
    if (!bytes) return [];
    return describeAll(store.review, Automerge.load<MergeableReview>(bytes));
  }
  return store.exclusively(async () => {
    const history = await ReviewHistory.open(store.file, store.review, writer);
    return describeAll(store.review, history.document);
  });
}

/** Keeps one side of a conflict (or both, where they can be joined), on this laptop and on every one that merges it. */
export async function resolveReviewConflict(
  store: ReviewStore,
  conflictId: string,
  keep: number | 'both',
  writer: MergeWriter,
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
    await commit(store, history, document, review, save);
    return { resolved, remaining: conflicts.length - 1 };
  });
}

/**
 * Makes `document` the history and `review` the review together: the history waits beside the old one until the
 * review file is replaced, then takes its place (ReviewHistory explains why). When the records are the same (a
 * package merged twice), the review file is left as it is.
 */
async function commit(
  store: ReviewStore,
  history: ReviewHistory,
  document: MergeableReview,
  review: Review,
  save: <R>(change: (review: Review) => R) => Promise<R>,
): Promise<void> {
  if (sameRecords(review, store.review)) {
    history.document = document;
    await history.save();
    return;
  }
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
