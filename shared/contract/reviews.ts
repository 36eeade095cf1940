import { z } from 'zod';
import { CommitteeRole, Member, RecordId, Review, Timestamp } from '../model';
import { method, NoArgs, ReviewRef, SingleLine, Title } from './common';

export const REVIEW_FILE_STATES = ['ok', 'corrupt', 'newer-format'] as const;

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
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const OpenedReview = z.object({
  review: Review,
  file: z.string(),
  /** Another window or process holds the review, or the file is from a newer version of the app. */
  readOnly: z.boolean(),
  readOnlyReason: z.string().optional(),
});
export type OpenedReview = z.infer<typeof OpenedReview>;

export const MemberInput = z
  .object({
    id: RecordId.optional(),
    name: SingleLine.trim().min(1, 'Each member needs a name.').max(200),
    role: CommitteeRole,
    email: z.union([z.email('Enter a valid email address or leave it empty.').max(320), z.literal('')]).optional(),
  })
  .strict();
export type MemberInput = z.infer<typeof MemberInput>;

export const REVIEW_METHODS = {
  'reviews.list': method(NoArgs, z.array(ReviewSummary)),
  'reviews.create': method(z.object({ title: Title }).strict(), ReviewSummary),
  'reviews.open': method(ReviewRef, OpenedReview),
  'reviews.close': method(ReviewRef, z.object({ closed: z.boolean() })),
  'reviews.rename': method(z.object({ reviewId: RecordId, title: Title }).strict(), ReviewSummary),
  'reviews.delete': method(ReviewRef, z.object({ deleted: z.literal(true), movedTo: z.string() })),
  'reviews.restoreBackup': method(ReviewRef, ReviewSummary),
  'committee.set': method(
    z.object({ reviewId: RecordId, members: z.array(MemberInput).max(200) }).strict(),
    z.array(Member),
  ),
} as const;
