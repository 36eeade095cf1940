import type { DamagedRecordInfo, OpenedReview } from '../../../shared/api';
import type { Author, DamagedRecord } from '../../../shared/model';
import type { ReviewLibrary } from './review-library';
import type { ReviewStore } from '../storage/review-store';
import { formatStamp } from '../storage/review-store';
import type { Clock } from '../../../shared/domain/clock';
import { recordAudit } from '../../../shared/domain/reviews/audit';

/**
 * Takes over the lock another computer holds on a review, because a person chose to after a warning, and
 * records in the review's audit log whose lock it was.
 */
export async function takeOverReviewLock(
  library: ReviewLibrary,
  reviewId: string,
  fingerprint: string,
  actor: Author,
  clock: Clock,
): Promise<ReviewStore> {
  const { store, previous } = await library.takeOverLock(reviewId, fingerprint);
  const holder = previous?.holder;
  const whose = holder
    ? `process ${holder.pid} on “${holder.host}” (${holder.app || 'unknown program'}${holder.since ? `, since ${formatStamp(holder.since)}` : ''})`
    : 'a lock file that could not be read';
  const summary = `Took over the lock on this review held by ${whose}.`;
  await store.mutate((review) => recordAudit(review, actor, clock, 'reviews.takeOverLock', summary, review.id));
  return store;
}

/**
 * Removes a damaged annotation or reply from the review file, deliberately: the file as it was is kept as a
 * backup first, and the audit log says what was removed and which backup still holds it.
 */
export async function removeDamagedRecord(
  store: ReviewStore,
  where: string,
  actor: Author,
  clock: Clock,
): Promise<{ backupCreatedAt: string }> {
  const backup = await store.removeDamagedRecord(where, (review, removed, kept) => {
    const named = removed.id ? ` (${removed.id})` : '';
    const backupNote = `The backup of ${formatStamp(kept.createdAt)} still holds it.`;
    const summary = `Removed the damaged ${removed.kind} at ${removed.where}${named}: ${removed.problem} ${backupNote}`;
    recordAudit(review, actor, clock, 'reviews.removeDamagedRecord', summary, review.id);
    return kept;
  });
  return { backupCreatedAt: backup.createdAt };
}

/** A damaged record as the contract shows it. */
export function damagedRecordInfo(record: DamagedRecord): DamagedRecordInfo {
  const info: DamagedRecordInfo = { where: record.where, kind: record.kind, problem: record.problem };
  if (record.id !== undefined) info.id = record.id;
  if (record.author !== undefined) info.author = record.author;
  if (record.createdAt !== undefined) info.createdAt = record.createdAt;
  if (record.quote !== undefined) info.quote = record.quote;
  return info;
}

/** The answer to opening a review: the review, whether it may be changed here and why not, and what is damaged in it. */
export function openedReview(store: ReviewStore, readOnlyReason: string | undefined): OpenedReview {
  const opened: OpenedReview = {
    review: store.review,
    file: store.file,
    readOnly: readOnlyReason !== undefined,
    damagedRecords: store.damagedRecords.map(damagedRecordInfo),
  };
  if (readOnlyReason !== undefined) opened.readOnlyReason = readOnlyReason;
  const lock = store.lockSeen;
  if (lock && readOnlyReason === store.readOnlyReason) {
    opened.lock = { canTakeOver: lock.canTakeOver, fingerprint: lock.fingerprint };
    if (lock.holder)
      opened.lock.holder = {
        host: lock.holder.host,
        pid: lock.holder.pid,
        since: lock.holder.since,
        app: lock.holder.app,
      };
  }
  return opened;
}
