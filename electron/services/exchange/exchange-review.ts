import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Conflict, MergeCounts } from '../../../shared/api';
import type { FieldConflict } from '../../../shared/domain/merge/conflicts';
import { describeConflict } from '../../../shared/domain/merge/conflict-view';
import type { MergeWriter } from '../../../shared/domain/merge/mergeable-review';
import { recordCountOf } from '../../../shared/domain/merge/review-records';
import type { Clock } from '../../../shared/domain/clock';
import { AppError } from '../../../shared/errors';
import type { Review } from '../../../shared/model';
import type { ReviewLibrary } from '../library/review-library';
import { writeFileDurably } from '../storage/durable-write';
import { isNodeError, readFileIfPresent } from '../storage/json-file-adapter';
import { withChangesApplied } from '../storage/review-changes';
import type { ReviewStore } from '../storage/review-store';
import { keepSourceFile, sourceFilePath } from '../storage/source-files';
import {
  checkPackageInProcess,
  decideInProcess,
  exportHistoryInProcess,
  listConflictsInProcess,
  mergeInProcess,
  type MergeInProcessOptions,
} from './merge-in-process';
import type { MergeJob } from './merge-protocol';
import type { PackageProgress } from './package-progress';
import { historyFileFor, HistoryFiles } from './history-files';
import { readOpenConflicts, writeListedConflicts, writeOpenConflicts } from './open-conflicts';
import { writePackage, type OpenedPackage, type PackageSigner } from './review-package';

/** The review as a package's bytes, its history caught up with it first (so everything on screen travels). */
export async function exportPackage(
  store: ReviewStore,
  writer: MergeWriter,
  app: string,
  signer?: PackageSigner,
  options: MergeInProcessOptions = {},
): Promise<Uint8Array> {
  return store.exclusively(async () => {
    const history = await exportHistoryInProcess({ reviewFile: store.file, review: store.review, writer }, options);
    // Written as the package carries it: one save of the engine's (a third of a second at 10,000 annotations) serves
    // both the file and the package.
    await new HistoryFiles(historyFileFor(store.file)).save(history.bytes);
    // Only merges make conflicts: a history begun now has none, which spares the first listing after a merge back
    // a look at every field (see open-conflicts.ts).
    if (history.begunHere) await writeOpenConflicts(store.file, []);
    const sources = new Map<string, Uint8Array>();
    for (const version of store.review.versions) {
      const bytes = await readFileIfPresent(sourceFilePath(store.file, version.source.sha256));
      if (bytes) sources.set(version.source.sha256, bytes);
    }
    return writePackage(
      {
        review: store.review,
        history: history.bytes,
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
 * (see ReviewHistory). The engine work runs in a process of its own (merge-in-process.ts), so a package that
 * exhausts the engine is refused and the app carries on. A package of another review is refused and nothing changes.
 */
export async function mergePackage(
  store: ReviewStore,
  opened: OpenedPackage,
  writer: MergeWriter,
  clock: Clock,
  options: MergeInProcessOptions & {
    measured?: (engine: { peakRssBytes: number; historyLoadedAhead: boolean }) => void;
    progress?: PackageProgress | undefined;
  } = {},
): Promise<MergeCounts> {
  if (opened.review.id !== store.review.id) {
    throw new AppError(
      'E_INVALID_INPUT',
      `This package holds another review (“${opened.review.title}”), not “${store.review.title}”; nothing was merged. ` +
        'Open it from the library to add it as a review of its own.',
    );
  }
  return store.exclusively(async (save) => {
    const open = await readOpenConflicts(store.file);
    const job: MergeJob = {
      reviewFile: store.file,
      review: store.review,
      history: opened.history,
      records: recordCountOf(opened.review),
      contents: opened.review.versions.map((v) => [v.id, { blocks: v.blocks, text: v.text }]),
      writer,
      from: opened.sender.signature?.signer ?? opened.sender.exportedBy.name,
      exportedAt: opened.sender.exportedAt,
      openConflictIds: open?.ids,
    };
    options.progress?.('history');
    const outcome = await mergeInProcess(job, clock, { ...options, reached: (step) => options.progress?.(step) });
    options.measured?.({ peakRssBytes: outcome.enginePeakRssBytes, historyLoadedAhead: outcome.historyLoadedAhead });
    const { counts, changes } = outcome;
    const review = changes && withChangesApplied(job.review, changes);
    for (const version of (review ?? store.review).versions) {
      const bytes = opened.sources.get(version.source.sha256);
      if (bytes) await keepSourceFile(store.file, version.source.sha256, bytes);
    }
    // Where conflicts may be open, this merge's added, before it commits (see open-conflicts.ts).
    await writeOpenConflicts(store.file, open?.ids && [...open.ids, ...outcome.conflictIds]);
    const files = new HistoryFiles(historyFileFor(store.file));
    // The same records (a package merged twice): the review file is left as it is and nothing is logged.
    if (!review) await files.save(outcome.history);
    else await commit(files, outcome.history, review, save);
    // And those open once it has, as To resolve will show them.
    const { conflicts } = outcome;
    if (conflicts)
      await writeListedConflicts(store.file, store.review, describeAll(store.review, conflicts), {
        historyHoldsReview: true,
      });
    return counts;
  });
}

/**
 * A package of a review this library does not have: the review is added under its own id, with its history, once
 * the engine (in a process of its own) has found that history to be the history of that review.
 */
export async function addPackagedReview(
  library: ReviewLibrary,
  opened: OpenedPackage,
  options: MergeInProcessOptions & { progress?: PackageProgress | undefined } = {},
): Promise<Review> {
  options.progress?.('merging', 'Checking the package’s history');
  await checkPackageInProcess({ review: opened.review, history: opened.history }, options);
  options.progress?.('saving', 'Adding the review to your library');
  const review = opened.review;
  const file = library.fileFor(review.id);
  for (const [sha256, bytes] of opened.sources) await keepSourceFile(file, sha256, bytes);
  // A library that never held a review has no folder for one yet.
  await mkdir(dirname(file), { recursive: true });
  // Whatever an earlier review of this id left is not where this history's conflicts are (it may carry some).
  await writeOpenConflicts(file, undefined);
  await writeFileDurably(historyFileFor(file), opened.history.bytes);
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
  return (await readOpenConflicts(reviewFile))?.count !== 0;
}

/**
 * The review's open conflicts, described: as listed last while nothing has been written since, else read from the
 * history caught up with the review (in memory, in the engine's process), and kept so for the next time.
 */
export async function reviewConflicts(store: ReviewStore, options: MergeInProcessOptions = {}): Promise<Conflict[]> {
  if (!(await mayHaveConflicts(store.file))) return [];
  if (store.readOnly) return openConflictsOf(store, options, { readOnly: true });
  return store.exclusively(() => openConflictsOf(store, options, { readOnly: false }));
}

/**
 * The conflicts a report lists as open: read from the history as it would be once caught up with the review (in
 * memory only, so a report never writes beside the review), since a field changed after the merge is decided.
 */
export async function unresolvedConflicts(
  store: ReviewStore,
  options: MergeInProcessOptions = {},
): Promise<Conflict[]> {
  return (await mayHaveConflicts(store.file)) ? openConflictsOf(store, options, { readOnly: true }) : [];
}

/**
 * The open conflicts as listed last, if current, else read from the history; kept for the next listing unless
 * `readOnly` (the lock not held: nothing is written beside the review).
 */
async function openConflictsOf(
  store: ReviewStore,
  options: MergeInProcessOptions,
  { readOnly }: { readOnly: boolean },
): Promise<Conflict[]> {
  const open = await readOpenConflicts(store.file, store.review);
  if (open?.listed) return open.listed;
  const job = { reviewFile: store.file, review: store.review, among: open?.ids, readOnly };
  const conflicts = describeAll(store.review, await listConflictsInProcess(job, options));
  if (!readOnly) await writeListedConflicts(store.file, store.review, conflicts);
  return conflicts;
}

/** Keeps one side of a conflict (or both, where they can be joined), on this laptop and on every one that merges it. */
export async function resolveReviewConflict(
  store: ReviewStore,
  conflictId: string,
  keep: number | 'both',
  writer: MergeWriter,
  clock: Clock,
  options: MergeInProcessOptions = {},
): Promise<{ resolved: Conflict; remaining: number }> {
  return store.exclusively(async (save) => {
    const open = await readOpenConflicts(store.file, store.review);
    const job = {
      reviewFile: store.file,
      review: store.review,
      writer,
      conflictId,
      keep,
      among: open?.ids,
      historyHoldsReview: open?.historyHoldsReview === true,
    };
    const decided = await decideInProcess(job, clock, options);
    const review = withChangesApplied(job.review, decided.changes);
    await commit(new HistoryFiles(historyFileFor(store.file)), decided.history, review, save);
    await writeListedConflicts(store.file, store.review, describeAll(store.review, decided.remaining), {
      historyHoldsReview: true,
    });
    return { resolved: decided.resolved, remaining: decided.remaining.length };
  });
}

/**
 * Makes `history` (bytes) the history and `review` the review together: the history waits beside the old one until
 * the review file is replaced, then takes its place (ReviewHistory explains why).
 */
async function commit(
  files: HistoryFiles,
  history: Uint8Array,
  review: Review,
  save: <R>(change: (review: Review) => R) => Promise<R>,
): Promise<void> {
  await files.stage(history);
  try {
    await save((current) => {
      for (const key of Object.keys(current)) delete (current as Record<string, unknown>)[key];
      Object.assign(current, review);
    });
  } catch (error) {
    await files.abandon();
    throw error;
  }
  await files.commit();
}

/** The open conflicts, described as the review reads. */
function describeAll(review: Review, conflicts: FieldConflict[]): Conflict[] {
  return conflicts.map((conflict) => describeConflict(review, conflict));
}
