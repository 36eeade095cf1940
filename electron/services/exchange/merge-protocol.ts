// What the host and a merge's engine process say to each other (see merge-in-process.ts, merge-process.ts).
import type { Conflict, MergeCounts } from '../../../shared/api';
import type { FieldConflict } from '../../../shared/domain/merge/conflicts';
import type { MergeWriter } from '../../../shared/domain/merge/mergeable-review';
import type { VersionContent } from '../../../shared/domain/merge/review-records';
import type { Review } from '../../../shared/model';
import type { ParseFailure } from '../import/parse-reply';
import type { ReviewChanges } from '../storage/review-changes';
import type { EngineStep } from './package-progress';
import type { PackageHistory } from './review-package';

/** One merge: the review as its file holds it (the lock held by the host), and the package's history. */
export interface MergeJob {
  reviewFile: string;
  review: Review;
  history: PackageHistory;
  /**
   * How many records the package's review holds, apart from its audit log: those the merge did not change are
   * "unchanged".
   */
  records: number;
  /** The package's versions' content, for versions this review may not have yet. */
  contents: [versionId: string, content: VersionContent][];
  writer: MergeWriter;
  /** Who sent the package and when it was exported: the audit log's words. */
  from: string;
  exportedAt: string;
  /** Where conflicts were open before (see open-conflicts.ts), when known: the merge then lists those left open. */
  openConflictIds?: string[] | undefined;
}

/** When and under which id the merge is logged: drawn from the host's clock, once the merge changed something. */
export interface LogStamp {
  id: string;
  at: string;
}

/**
 * A package opened as a review of its own: its history must be the history of the review it holds (else it could
 * never be merged back). Loading the history is the engine's work, so it runs where a merge does.
 */
export interface PackageCheck {
  review: Review;
  history: PackageHistory;
}

/**
 * A job as sent: without its review when the engine has that very review already, from the 'prepare' before it
 * (nothing saved since), which spares sending, reading and catching up with it again.
 */
export type Sent<J extends { review: Review }> = Omit<J, 'review'> & { review?: Review | undefined };

/**
 * Work on the review's own history, in the engine's process like a merge, so that the app's process never holds the
 * engine (a history of 10,000 annotations is some 300 MB of objects): the review as its
 * file holds it, with the review's lock held by the host unless said otherwise, and who writes what the work records.
 */
export interface HistoryJob {
  reviewFile: string;
  review: Review;
  writer: MergeWriter;
}

/**
 * The open conflicts, asked only where conflicts may be (`among`: see open-conflicts.ts) when that is known.
 * `readOnly` when the host does not hold the lock (a report, a review another window writes): the history is then
 * read as its file holds it, and an interrupted merge is left for the next writer to finish or drop.
 */
export interface ListingJob {
  reviewFile: string;
  review: Review;
  among: string[] | undefined;
  readOnly: boolean;
}

/** One conflict decided: a side kept (by its number), or both joined. */
export interface DecisionJob extends HistoryJob {
  conflictId: string;
  keep: number | 'both';
  among: string[] | undefined;
  /** Whether the history's file is known to hold the review already (see OpenConflicts): nothing to catch up. */
  historyHoldsReview: boolean;
}

/** The engine work a host asks for. */
export type EngineJob =
  | { type: 'merge'; job: Sent<MergeJob> }
  | { type: 'check'; check: PackageCheck }
  | { type: 'list'; job: ListingJob }
  | { type: 'decide'; job: Sent<DecisionJob> }
  | { type: 'export'; job: Sent<HistoryJob> };

/** What each job answers with, sent as its 'outcome' before its 'done' (a package's check answers nothing). */
export interface EngineOutcomes {
  merge: MergeOutcome;
  check: undefined;
  list: FieldConflict[];
  decide: DecisionOutcome;
  export: ExportedHistory;
}

/**
 * A decision made and logged, nothing written: the history (the decision appended to it where that is small) and
 * the review's changes to write together, the conflict decided as it read before, and those left open.
 */
export interface DecisionOutcome {
  resolved: Conflict;
  remaining: FieldConflict[];
  /** What the decision changed in the job's review (see MergeOutcome's `changes`). */
  changes: ReviewChanges;
  history: Uint8Array;
}

/** The history caught up with the review, saved whole, as a package carries it (and its file then holds it). */
export interface ExportedHistory {
  bytes: Uint8Array;
  /** Begun here from the review rather than read from its file: a history that has no conflicts. */
  begunHere: boolean;
}

/**
 * A merge, an export or a decision to come in this review, while the person still chooses the package, the file to
 * save, or the side to keep: its history is loaded and caught up with the review as it is now, for the job to take if
 * its file is unchanged by then (ReviewHistory.openAhead).
 */
export interface MergeAhead {
  type: 'prepare';
  reviewFile: string;
  review: Review;
  writer: MergeWriter;
}

export type MergeMessage =
  ((EngineJob | MergeAhead) & { memoryLimitBytes: number }) | { type: 'log'; stamp: LogStamp | undefined };

export type MergeReply =
  /** It listens. */
  | { type: 'ready' }
  /** The merge has reached this step (for the person's progress: see package-progress.ts). */
  | { type: 'step'; step: EngineStep }
  /** The history is loaded ahead (`held`), or there was none to load or it could not be (the merge reads it then). */
  | { type: 'prepared'; held: boolean }
  /** Merged and checked, nothing written: the host answers with a LogStamp when it changed something. */
  | { type: 'merged'; counts: MergeCounts; unchanged: boolean }
  /** A conflict decided, nothing written: the host answers with the LogStamp the decision is logged under. */
  | { type: 'decided' }
  /** A job's outcome, sent before its 'done', so that the peak said there counts the outcome's sending too. */
  | { type: 'outcome'; outcome: EngineOutcomes[EngineJob['type']] }
  /** The work's end (after its outcome, if a merge's; a package's check answers only that it holds). */
  | { type: 'done'; ok: true; peakRssBytes: number }
  | { type: 'done'; ok: false; error: ParseFailure; peakRssBytes: number };

/**
 * What the host writes: the merged history (with the merge logged), and the review it stands for, as changes to the
 * job's review, or none when the merge changed no record (a package merged twice: the history alone takes in what
 * arrived).
 */
export interface MergeOutcome {
  counts: MergeCounts;
  /** Where the merge found conflicts: see open-conflicts.ts. */
  conflictIds: string[];
  /** Every conflict open once merged, when where they were open before was known (the job's openConflictIds). */
  conflicts: FieldConflict[] | undefined;
  /**
   * The records the merge wrote and the values it replaced in the job's review (changesBetween): the host applies
   * them to that review, which it still holds. Sent whole, the review crossed to the host as new objects, so the
   * store journalled every record of it as changed: 8.7 MB for a merge of 100 changed records into 10,000
   * annotations, hashed, written, then soon written whole again.
   */
  changes: ReviewChanges | undefined;
  history: Uint8Array;
  /** Whether the history loaded ahead of the merge (a 'prepare') was the one merged into, or it was read anew. */
  historyLoadedAhead: boolean;
}
