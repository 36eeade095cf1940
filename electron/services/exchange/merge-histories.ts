import type { Clock } from '../../../shared/domain/clock';
import { listConflicts } from '../../../shared/domain/merge/conflicts';
import { mergeSavedReview, type TouchedRecords } from '../../../shared/domain/merge/merge-reviews';
import { readMergedChanges, withCheckedRecords } from '../../../shared/domain/merge/merged-changes';
import {
  readMergeable,
  ReviewRecorder,
  type MergeableReview,
  type MergeWriter,
} from '../../../shared/domain/merge/mergeable-review';
import type { VersionContent } from '../../../shared/domain/merge/review-records';
import { recordAudit } from '../../../shared/domain/reviews/audit';
import { AppError } from '../../../shared/errors';
import { describeSchemaIssues, readRecordByRecord, type Review } from '../../../shared/model';
import { changesBetween, type ReviewChanges } from '../storage/review-changes';
import type { LogStamp, MergeJob, MergeOutcome, PackageCheck } from './merge-protocol';
import { refusalFor } from './review-package';
import type { EngineStep } from './package-progress';
import {
  bytesAfter,
  caughtUpAhead,
  contentFrom,
  ReviewHistory,
  sameRecords,
  usableAhead,
  type PreparedHistory,
} from './review-history';
import { lackedChunks } from './history-format';
import { checkHistoryFormat, loadPackageHistory, packageHistoryChunks } from './package-history';

/**
 * A merge's engine work, in the process that runs it (merge-process.ts): this laptop's work caught up into the
 * review's history (the one loaded ahead of the merge, `prepared`, while its file is unchanged), the package's
 * history merged into it, the records it changed read back and checked, and the step logged in the history once the
 * host has stamped it (`stampFor`). Nothing is written here: the host writes the history and the review together.
 */
export async function mergeHistories(
  job: MergeJob,
  stampFor: (counts: MergeOutcome['counts'], unchanged: boolean) => Promise<LogStamp | undefined>,
  prepared?: PreparedHistory,
  reached: (step: EngineStep) => void = () => {},
): Promise<MergeOutcome> {
  const { review, writer } = job;
  const ahead = await usableAhead(prepared, job.reviewFile);
  const history = ahead
    ? caughtUpAhead(ahead, review, writer)
    : await ReviewHistory.open(job.reviewFile, review, writer);
  const historyLoadedAhead = ahead !== undefined;
  reached('merging');
  const { document, counts, conflictIds, touched, arrived: arrivedChunks } = mergeWithEngine(history.document, job);
  reached('checking');
  const contents = new Map(job.contents);
  const {
    changes,
    arrived,
    review: merged,
  } = reviewAfter(document, touched, review, (id) => contentFrom(review)(id) ?? contents.get(id));
  // Compared where the merge wrote, not the whole review again: anything else is the review as it was.
  const unchanged = !changes.reordered && sameRecords(arrived, changes.arrivedBefore);
  // Listed here, where the history is loaded, for the host to give To resolve without loading it again.
  const among = job.openConflictIds && [...job.openConflictIds, ...conflictIds];
  const conflicts = among && listConflicts(document, among);
  const stamp = await stampFor(counts, unchanged);
  if (!stamp) {
    const bytes = bytesAfter(document, ahead?.saved ?? history.readAs, arrivedChunks);
    return { counts, conflictIds, conflicts, changes: undefined, history: bytes, historyLoadedAhead };
  }
  const logged = recordStep(document, merged, {
    writer,
    clock: { newId: () => stamp.id, now: () => stamp.at },
    action: 'review.merge',
    summary:
      `Merged a package from ${job.from} (exported ${job.exportedAt.slice(0, 16).replace('T', ' ')} UTC): ` +
      `${counts.added} added, ${counts.changed} changed, ${counts.conflicts} conflicts to resolve.`,
  });
  const bytes = bytesAfter(logged, ahead?.saved ?? history.readAs, arrivedChunks);
  return { counts, conflictIds, conflicts, changes: reviewChanges(review, merged), history: bytes, historyLoadedAhead };
}

/**
 * The review as `document` reads once changed where `touched` says (by a merge, by a decision), `before` being the
 * review it held until then: read, and checked as any review from disk, only there.
 */
export function reviewAfter(
  document: MergeableReview,
  touched: TouchedRecords,
  before: Review,
  contentOf: (versionId: string) => VersionContent | undefined,
) {
  const changes = readMergedChanges(document, touched, before, contentOf);
  const arrived = checkedReview(changes.arrived);
  const review = withCheckedRecords(changes.review, arrived);
  // Records nobody changed are `before`'s own, unread; the log is copied, for the step to be logged in (recordStep)
  // without logging it in `before` too, which is the store's review when the app decides a conflict.
  return { changes, arrived, review: { ...review, audit: [...review.audit] } };
}

/**
 * What a merge or a decision changed in the job's review, `before`: `after` holds `before`'s own objects wherever
 * nothing was written (reviewAfter), so the changes are found record by record by identity, as the store's journal
 * finds them. Never none, as the step is logged.
 */
export function reviewChanges(before: Review, after: Review): ReviewChanges {
  return changesBetween(before, after) ?? {};
}

/**
 * Refuses a package whose history is not the history of the review it holds: such a package would open, but could
 * never be merged back (or would merge as something else than what its receiver saw).
 */
export function checkPackageHistory({ review, history }: PackageCheck): void {
  const read = checkedReview(readMergeable(loadPackageHistory(history), contentFrom(review)));
  if (!sameRecords(read, review)) {
    throw new AppError(
      'E_INVALID_INPUT',
      'This package’s review and its history disagree, so it cannot be merged later; nothing was opened. Ask the sender to export it again.',
    );
  }
}

/**
 * The engine's merge of the package's history into this laptop's: the chunks of it this laptop lacks (history-format.ts),
 * with failures said in words: bytes the engine cannot read are a damaged package. A history of a format this app
 * does not read is refused once in.
 */
function mergeWithEngine(local: MergeableReview, { history, records }: MergeJob) {
  const arrived = lackedChunks(local, packageHistoryChunks(history));
  let outcome: ReturnType<typeof mergeSavedReview>;
  try {
    outcome = mergeSavedReview(local, { updates: arrived.map((chunk) => chunk.update), records });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refusalFor(history.fileName)('E_INVALID_INPUT', 'its history.yjs is damaged');
  }
  checkHistoryFormat(outcome.document, history.fileName);
  return { ...outcome, arrived };
}

/**
 * A step logged in the review and in the history alike (`review` gets the log's entry), so the history is exactly
 * what the review file will hold: the document holds `review` as it is before the entry, so only the entry is
 * written, and only the log is compared (the recorder's `changing`).
 */
export function recordStep(
  document: MergeableReview,
  review: Review,
  audit: { writer: MergeWriter; clock: Clock; action: string; summary: string },
): MergeableReview {
  const recorder = new ReviewRecorder(document, review, ['audit']);
  recordAudit(review, audit.writer.author, audit.clock, audit.action, audit.summary, review.id);
  return recorder.record(review, audit.writer, audit.action);
}

/**
 * What a merge produced, held to what any review read from disk is held to (the schema, and comments' rich text
 * without scripts or `javascript:` links): the other laptop's records are as untrusted as a file.
 */
export function checkedReview(review: Review): Review {
  // Checked as it is rather than as its JSON text read again: each of its values was read from JSON (the history's
  // values, the review's own records), and the text and its copy cost the merge's engine about 20 MB at 5,000 records.
  const read = readRecordByRecord(review as unknown as Record<string, unknown>);
  if (read.kind === 'read' && read.damaged.length === 0) return read.review;
  const why = read.kind === 'corrupt' ? describeSchemaIssues(read.error) : read.damaged[0]?.problem;
  throw new AppError(
    'E_INVALID_INPUT',
    `The package holds records this app does not accept (${why ?? 'unknown problem'}); nothing was changed.`,
  );
}
