import { z } from 'zod';
import { RecordId, Review, Timestamp } from '../model';
import { method, NoArgs, ReviewRef, Title } from './common';
import { ImportSource } from './files';

/**
 * The state of a review file: fine, damaged, from a newer version of the app, larger than a review can be (so not
 * read at all), or one this app may not read.
 */
export const REVIEW_FILE_STATES = ['ok', 'corrupt', 'newer-format', 'too-large', 'unreadable'] as const;

export const BackupInfo = z.object({ file: z.string(), createdAt: Timestamp });
export type BackupInfo = z.infer<typeof BackupInfo>;

export const ReviewSummary = z.object({
  id: RecordId,
  title: z.string(),
  createdAt: Timestamp.optional(),
  updatedAt: Timestamp.optional(),
  versions: z.int().min(0),
  annotations: z.int().min(0),
  criteria: z.int().min(0),
  members: z.int().min(0),
  state: z.enum(REVIEW_FILE_STATES),
  /** For a damaged or unreadable file: what is wrong, in words a person can act on. */
  problem: z.string().optional(),
  /** The newest backup that passes its checksum and the schema, offered when the file is damaged. */
  lastGoodBackup: BackupInfo.optional(),
  /** Another process holds the review open for writing: who, in words. */
  lockedBy: z.string().optional(),
  /** How many annotations and replies in the file are damaged (set aside, kept in the file as they are). */
  damagedRecords: z.int().min(0).optional(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

/** An annotation or reply in the review file that cannot be used as it is, and what is wrong with it. */
export const DamagedRecordInfo = z.object({
  /** Where it is in the file, e.g. `annotations[3]`; names it when removing it. */
  where: z.string(),
  kind: z.enum(['annotation', 'reply']),
  id: z.string().optional(),
  author: z.string().optional(),
  createdAt: z.string().optional(),
  /** The annotated words, for an annotation. */
  quote: z.string().optional(),
  problem: z.string(),
});
export type DamagedRecordInfo = z.infer<typeof DamagedRecordInfo>;

/** The lock another computer or process holds on a review, when that is why it is read-only here. */
export const LockInfo = z.object({
  /** Who holds it, as its lock file says; absent when the lock file cannot be read. */
  holder: z.object({ host: z.string(), pid: z.int(), since: z.string(), app: z.string() }).optional(),
  /**
   * The lock names another computer (or cannot be read), so this app cannot tell whether it is still in use:
   * a person may take it over, after a warning.
   */
  canTakeOver: z.boolean(),
  /** Names this very lock, so that taking it over never removes a lock someone took since. */
  fingerprint: z.string(),
});
export type LockInfo = z.infer<typeof LockInfo>;

export const OpenedReview = z.object({
  review: Review,
  file: z.string(),
  /** Another window or process holds the review, its folder cannot be written, or it is from a newer version of the app. */
  readOnly: z.boolean(),
  readOnlyReason: z.string().optional(),
  /** The lock someone else holds, when that is why the review is read-only. */
  lock: LockInfo.optional(),
  /** Annotations and replies left out of `review` because they are damaged; the file keeps them as they are. */
  damagedRecords: z.array(DamagedRecordInfo),
});
export type OpenedReview = z.infer<typeof OpenedReview>;

/** A review as it is on disk, read without opening it for editing. */
export const ReadReview = z.object({
  review: Review,
  file: z.string(),
  /** Why it could not be changed if it were opened (it is from a newer version of the app). */
  readOnlyReason: z.string().optional(),
  damagedRecords: z.array(DamagedRecordInfo),
});
export type ReadReview = z.infer<typeof ReadReview>;

export const REVIEW_METHODS = {
  'reviews.list': method(NoArgs, z.array(ReviewSummary)),
  'reviews.create': method(z.object({ title: Title }).strict(), ReviewSummary),
  'reviews.open': method(ReviewRef, OpenedReview),
  /**
   * Reads a review without opening it: no lock taken, nothing written (not even a migration's backup), so a reader
   * such as the command line's `show` never makes the app open it read-only. A damaged file is refused as by `reviews.open`.
   */
  'reviews.read': method(ReviewRef, ReadReview),
  'reviews.close': method(ReviewRef, z.object({ closed: z.boolean() })),
  'reviews.rename': method(z.object({ reviewId: RecordId, title: Title }).strict(), ReviewSummary),
  'reviews.delete': method(ReviewRef, z.object({ deleted: z.literal(true), movedTo: z.string() })),
  'reviews.restoreBackup': method(ReviewRef, ReviewSummary),
  /**
   * Takes over the lock another computer holds on a review (after the person was warned), records that in the
   * audit log, and opens the review for editing in this window.
   */
  'reviews.takeOverLock': method(
    z.object({ reviewId: RecordId, fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a lock fingerprint') }).strict(),
    OpenedReview,
  ),
  /**
   * Removes one damaged annotation or reply from the review file, after a backup of the file as it is; recorded
   * in the audit log. Returns the review's damaged records left.
   */
  'reviews.removeDamagedRecord': method(
    z
      .object({
        reviewId: RecordId,
        where: z
          .string()
          .regex(/^annotations\[\d{1,9}\](\.replies\[\d{1,9}\])?$/, 'where a damaged record is, e.g. annotations[3]'),
      })
      .strict(),
    z.object({ removed: z.literal(true), backupCreatedAt: z.string(), damagedRecords: z.array(DamagedRecordInfo) }),
  ),
  /** A new review whose checklist comes from a template file; a file that is not a valid template is refused. */
  'reviews.createFromTemplate': method(z.object({ title: Title, source: ImportSource }).strict(), ReviewSummary),
  /**
   * A complete sample review built from the app's own sample policy (two versions, a committee, annotations,
   * verdicts, votes and an action plan), for a newcomer to look around in. With a `requestId`, each step is
   * announced as a `sample.progress` event. Answers the new review, closed.
   */
  'reviews.createSample': method(z.object({ requestId: z.uuid().optional() }).strict(), ReviewSummary),
} as const;
