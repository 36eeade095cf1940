import { bothSides, describeConflict } from '../../../shared/domain/merge/conflict-view';
import { keepValue, listConflicts, type FieldConflict } from '../../../shared/domain/merge/conflicts';
import type { MergeableReview, MergeWriter } from '../../../shared/domain/merge/mergeable-review';
import { touchedField } from '../../../shared/domain/merge/merge-reviews';
import { shortQuote } from '../../../shared/domain/annotations/comment-body';
import { AppError } from '../../../shared/errors';
import type { Review } from '../../../shared/model';
import { readFileIfPresent } from '../storage/json-file-adapter';
import { recordStep, reviewAfter, reviewChanges } from './merge-histories';
import type { DecisionJob, DecisionOutcome, ExportedHistory, HistoryJob, ListingJob, LogStamp } from './merge-protocol';
import { historyFileFor } from './history-files';
import { loadHistory } from './history-format';
import {
  bytesAfter,
  catchUp,
  caughtUpAhead,
  contentFrom,
  ReviewHistory,
  usableAhead,
  type PreparedHistory,
  type SavedHistory,
} from './review-history';

// The engine's work on a review's own history, beside merging (merge-histories.ts): listing its conflicts, deciding
// one, saving it for a package. It runs in the engine's process (merge-process.ts); nothing here writes the history
// or the review, which the host does with the review's lock held (exchange-review.ts).

/**
 * The review's open conflicts, as the history caught up with the review holds them. The catch-up is in memory and
 * never saved, so it is written by no laptop of the committee's.
 */
export async function listOpenConflicts({ reviewFile, review, among, readOnly }: ListingJob): Promise<FieldConflict[]> {
  const reader: MergeWriter = { author: { name: 'catch-up' }, at: new Date().toISOString() };
  const document = readOnly
    ? await readCaughtUp(reviewFile, review, reader)
    : (await ReviewHistory.open(reviewFile, review, reader)).document;
  return document ? listConflicts(document, among) : [];
}

/**
 * The history as its file holds it, caught up with the review in memory, without finishing an interrupted merge
 * (which takes the review's lock): none when the review never travelled.
 */
async function readCaughtUp(
  reviewFile: string,
  review: Review,
  reader: MergeWriter,
): Promise<MergeableReview | undefined> {
  const bytes = await readFileIfPresent(historyFileFor(reviewFile));
  if (!bytes) return undefined;
  return catchUp(loadHistory(bytes), review, reader);
}

/**
 * Keeps one side of a conflict (or both, where they can be joined) and logs the decision under the stamp the host
 * draws (`stampFor`, asked only once the decision is valid). Refused, in words a person can act on, when the conflict
 * is no longer open or the side asked for is not one of its sides.
 */
export async function decideConflict(
  job: DecisionJob,
  prepared: PreparedHistory | undefined,
  stampFor: () => Promise<LogStamp>,
): Promise<DecisionOutcome> {
  const { review: before, writer, keep } = job;
  const { history, saved } = await historyFor(job, prepared, { holdsReview: job.historyHoldsReview });
  const conflicts = listConflicts(history.document, job.among);
  const conflict = conflicts.find((c) => c.id === job.conflictId);
  if (!conflict) {
    throw new AppError(
      'E_NOT_FOUND',
      `There is no open conflict “${job.conflictId}” in this review (it may have been resolved already). List the open ones with \`policy-review conflicts\` or in “To resolve”.`,
    );
  }
  const resolved = describeConflict(before, conflict);
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
  // Read back, and checked, only where the decision wrote: the rest of the review is as it was.
  const { review } = reviewAfter(document, touchedField(conflict.record, conflict.field), before, contentFrom(before));
  const kept = keep === 'both' ? 'kept both values' : `kept ${shortQuote(resolved.values[keep]!.text, 80)}`;
  const stamp = await stampFor();
  // Logged even when the value kept is the one the review already showed: a person decided.
  const logged = recordStep(document, review, {
    writer,
    clock: { newId: () => stamp.id, now: () => stamp.at },
    action: 'conflict.resolve',
    summary: `Resolved a conflict in ${resolved.recordLabel}, ${resolved.fieldLabel}: ${kept}.`,
  });
  return {
    resolved,
    // The others are as they were: a decision writes one field.
    remaining: conflicts.filter((c) => c.id !== conflict.id),
    changes: reviewChanges(before, review),
    // The history read with the decision (and the catch-up) after it: a few milliseconds rather than a third of a
    // second to save it all at 10,000 annotations.
    history: bytesAfter(logged, saved),
  };
}

/**
 * The history caught up with the review, as a package carries it: the one loaded ahead, while the person chose where
 * to save the package, when its file is unchanged since.
 */
export async function exportedHistory(
  job: HistoryJob,
  prepared: PreparedHistory | undefined,
): Promise<ExportedHistory> {
  const { history, saved } = await historyFor(job, prepared);
  // As the file holds it, with what the catch-up wrote after it where that is small: a laptop that holds the file's
  // part takes in the rest alone (history-format.ts).
  return { bytes: bytesAfter(history.document, saved), begunHere: history.begunHere };
}

/**
 * The review's history caught up with the review: the one loaded ahead while its file is unchanged, else read anew;
 * with the bytes it is known to load as (saved ahead, or as its file held it), which a small change can be written
 * after (bytesAfter).
 */
async function historyFor(
  { reviewFile, review, writer }: HistoryJob,
  prepared: PreparedHistory | undefined,
  options?: { holdsReview?: boolean },
): Promise<{ history: ReviewHistory; saved: SavedHistory | undefined }> {
  const ahead = await usableAhead(prepared, reviewFile);
  if (ahead) return { history: caughtUpAhead(ahead, review, writer), saved: ahead.saved };
  const history = await ReviewHistory.open(reviewFile, review, writer, options);
  return { history, saved: history.readAs };
}
