import { rmdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../../shared/errors';
import {
  CURRENT_REVIEW_FORMAT,
  decodeReviewText,
  Review,
  type DamagedRecord,
  type ReviewFormat,
  serializeJson,
} from '../../../shared/model';
import { systemClock, type Clock } from '../../../shared/domain/clock';
import { formatSize } from '../../../shared/domain/file-size';
import { backupFolderFor, findLastGoodBackup, writeBackup, type BackupEntry } from './backups';
import {
  keepDamagedRecordTexts,
  reviewFileText,
  withoutDamagedRecord,
  type KeptDamagedRecord,
} from './damaged-record-text';
import { removeAbandonedTempFiles } from './durable-write';
import { FileLock, isProcessAlive, type LockSeen } from './file-lock';
import { DurableJsonFile, readFileWithin, type BoundedRead } from './json-file-adapter';
import { SerialQueue } from './serial-queue';
import { explainingStorageFaults, readOnlyReasonFor, storageFaultError, storageFaultOf } from './storage-faults';

/** How often, at most, a long editing session leaves a backup of the state before a write. */
const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * The largest review file this app reads. Far above any real review (the 100-page, 1,000-annotation review of
 * the storage benchmark is about 2 MB), and far below what the JavaScript engine can hold as one string (512 MB):
 * a larger file is not read at all, so it cannot exhaust the memory of the app or stop the library listing.
 */
export const MAX_REVIEW_FILE_BYTES = 256 * 1024 * 1024;

/** What a change that could not be saved left behind, said after the cause. */
const CHANGE_NOT_SAVED = 'this change was not saved; the review is as it was before it';

export interface ReviewStoreOptions {
  format?: ReviewFormat;
  /**
   * Check the whole review against the schema before every write. On in tests and development; in use, each
   * service checks the records it makes, inputs are checked at the edge and every read is checked, because
   * checking a large review on each save doubled the time a save takes (20 → 40 ms at the 95th percentile).
   */
  checkEveryWrite?: boolean;
  /** The clock a save stamps the review's `updatedAt` by: the workstation's, so a pinned clock pins it too. */
  clock?: Clock;
}

type ReadOnlyState = { reason: string; code: 'E_LOCKED' | 'E_READ_ONLY' };

/**
 * One review file held open: validated on read, written durably, one write at a time, and writable only by the
 * process that holds its lock. A second process gets a read-only view that says why, and so does a folder that
 * cannot be written (read-only, full). Damaged annotations and replies are set aside on reading and written
 * back unchanged on every save.
 */
export class ReviewStore {
  private readonly db: Low<Review>;
  private readonly adapter: DurableJsonFile<Review>;
  private readonly queue = new SerialQueue();
  private lastBackupAt = 0;
  private closed = false;
  /** The review as last written, without its damaged records: what memory returns to when a change fails. */
  private savedText: string;
  /** The file as last written or read, damaged records and all: what a backup keeps. */
  private fileText: string;
  private checkEveryWrite = false;
  private clock: Clock = systemClock;
  private lock: FileLock | undefined;

  private constructor(
    readonly file: string,
    review: Review,
    private damaged: KeptDamagedRecord[],
    private readOnlyState: ReadOnlyState | undefined,
    /** Saved by a newer version of the app: shown, never written. */
    readonly isNewerFormat = false,
    /** The lock someone else holds, when that is why the review is read-only. */
    readonly lockSeen: LockSeen | undefined = undefined,
  ) {
    // Reviews are read and classified by `open`; the adapter only ever writes.
    this.adapter = new DurableJsonFile<Review>(
      file,
      () => review,
      (data) => reviewFileText(data, this.damaged),
    );
    this.db = new Low(this.adapter, review);
    this.savedText = serializeJson(review);
    this.fileText = damaged.length ? reviewFileText(review, damaged) : this.savedText;
  }

  static async open(file: string, options: ReviewStoreOptions = {}): Promise<ReviewStore> {
    const format = options.format ?? CURRENT_REVIEW_FORMAT;
    const read = await readReviewFile(file);
    if (read.kind === 'missing') {
      throw new AppError(
        'E_NOT_FOUND',
        `The review file “${basename(file)}” no longer exists. It may have been moved or deleted.`,
      );
    }
    if (read.kind === 'too-large') throw new AppError('E_TOO_LARGE', await tooLargeMessage(file, read.size));
    const bytes = read.bytes;
    const text = bytes.toString('utf8');
    const decoded = decodeReviewText(text, format);
    if (decoded.kind === 'corrupt') throw await damagedFileError(file, decoded.reason, format);
    if (decoded.kind === 'newer') {
      const message =
        `“${decoded.review?.title ?? basename(file)}” was saved by a newer version of Policy ` +
        `Review Workstation (format ${decoded.fileVersion}; this app reads up to ` +
        `format ${format.version}).`;
      if (!decoded.review) throw new AppError('E_NEWER_FORMAT', `${message} Update the app to open it.`);
      return new ReviewStore(
        file,
        decoded.review,
        [],
        { reason: `${message} It is shown read-only; update the app to edit it.`, code: 'E_READ_ONLY' },
        true,
      );
    }
    const damaged = keepDamagedRecordTexts(text, decoded.damaged);
    if (!damaged)
      throw await damagedFileError(file, 'a damaged record in it could not be found again in its text', format);

    const attempt = FileLock.tryAcquire(file);
    if (attempt.fault) {
      return new ReviewStore(file, decoded.review, damaged, {
        reason: readOnlyReasonFor(attempt.fault, dirname(file)),
        code: 'E_READ_ONLY',
      });
    }
    if (!attempt.acquired) {
      return new ReviewStore(
        file,
        decoded.review,
        damaged,
        { reason: describeLockHolder(attempt.held), code: 'E_LOCKED' },
        false,
        attempt.held,
      );
    }
    // The process that held the lock until now may have written between the read above and taking the lock;
    // starting from those older bytes would overwrite its last writes. Now that no one else writes, check.
    const current = await readFileWithin(file, MAX_REVIEW_FILE_BYTES).catch(() => undefined);
    if (current?.kind !== 'read' || !current.bytes.equals(bytes)) {
      attempt.lock.release();
      return ReviewStore.open(file, options);
    }
    const store = new ReviewStore(file, decoded.review, damaged, undefined);
    store.lock = attempt.lock;
    store.checkEveryWrite = options.checkEveryWrite === true;
    store.clock = options.clock ?? systemClock;
    try {
      // The bytes as found are the state to return to if this session goes wrong, and the
      // pre-migration copy an older file must leave behind before it is rewritten.
      await writeBackup(file, bytes);
      store.lastBackupAt = Date.now();
      await removeAbandonedTempFiles(file, isProcessAlive);
      if (decoded.kind === 'migrated') await store.db.adapter.write(decoded.review);
    } catch (error) {
      const fault = storageFaultOf(error);
      await store.close();
      if (!fault) throw error;
      // There was room for the lock but not for a backup: nothing would save either. Leave no empty folder.
      await rmdir(backupFolderFor(file)).catch(() => undefined);
      return new ReviewStore(file, decoded.review, damaged, {
        reason: readOnlyReasonFor(fault, dirname(file)),
        code: 'E_READ_ONLY',
      });
    }
    return store;
  }

  get review(): Review {
    return this.db.data;
  }

  get readOnly(): boolean {
    return this.readOnlyState !== undefined;
  }

  get readOnlyReason(): string | undefined {
    return this.readOnlyState?.reason;
  }

  /** The code a change to this read-only review is refused with. */
  get readOnlyCode(): 'E_LOCKED' | 'E_READ_ONLY' {
    return this.readOnlyState?.code ?? 'E_LOCKED';
  }

  /** The annotations and replies set aside as damaged, kept in the file unchanged. */
  get damagedRecords(): DamagedRecord[] {
    return this.damaged.map(({ text: _text, ...record }) => record);
  }

  /**
   * Applies `change` to the review and saves it durably before the next change may start. If the change throws,
   * the result would not pass the schema, or the write fails, the review in memory goes back to what was last
   * saved, so memory never holds what the disk does not. Changes queue up and run one at a time in order.
   */
  mutate<T>(change: (review: Review) => T): Promise<T> {
    return this.queue.run(() => this.save(change));
  }

  /**
   * Runs `work` alone in the review's queue, for a change that must first do slow work of its own with the review
   * as it is (read the review's history, unpack what arrived): no other change comes between what `work` sees and
   * what it saves through `save`, which applies and saves a change as `mutate` does.
   */
  exclusively<T>(work: (save: <R>(change: (review: Review) => R) => Promise<R>) => Promise<T>): Promise<T> {
    return this.queue.run(() => {
      this.assertWritable();
      return work((change) => this.save(change));
    });
  }

  /**
   * Removes one damaged record from the file, deliberately: a backup of the file with it is written first (and
   * named to the caller), then `change` runs (to record who removed it) and the file is saved without it.
   */
  removeDamagedRecord<T>(
    where: string,
    change: (review: Review, removed: DamagedRecord, backup: BackupEntry) => T,
  ): Promise<T> {
    return this.queue.run(async () => {
      this.assertWritable();
      const removed = this.damaged.find((record) => record.where === where);
      if (!removed)
        throw new AppError(
          'E_NOT_FOUND',
          `This review has no damaged record at “${where}” (any more). Open it again to see its damaged records.`,
        );
      const backup = await explainingStorageFaults(dirname(this.file), 'the damaged record was not removed', () =>
        writeBackup(this.file, Buffer.from(this.fileText)),
      );
      const before = this.damaged;
      this.damaged = withoutDamagedRecord(before, removed);
      try {
        const { text: _text, ...record } = removed;
        return await this.save((review) => change(review, record, backup));
      } catch (error) {
        this.damaged = before;
        throw error;
      }
    });
  }

  /** Waits for queued writes, then lets another process take the review. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.idle();
    this.closed = true;
    this.lock?.release();
  }

  private assertWritable(): void {
    if (this.closed) throw new AppError('E_NOT_FOUND', 'This review was closed. Open it again from the library.');
    if (this.readOnlyState) throw new AppError(this.readOnlyState.code, this.readOnlyState.reason);
    // Someone on another computer may have taken the lock over; from then on this process must not write.
    if (this.lock && !this.lock.isHeld()) {
      const now = describeLockHolder(this.lock.currentHolder(), 'taken-over');
      this.lock = undefined;
      this.readOnlyState = { reason: now, code: 'E_LOCKED' };
      throw new AppError('E_LOCKED', `Nothing was saved: ${now}`);
    }
  }

  private async save<T>(change: (review: Review) => T): Promise<T> {
    this.assertWritable();
    // Changed in place rather than on a copy: copying a large review took longer than writing it.
    const review = this.db.data;
    try {
      const result = change(review);
      review.updatedAt = this.clock.now();
      if (this.checkEveryWrite) {
        const checked = Review.safeParse(review);
        if (!checked.success) {
          throw new AppError(
            'E_INVALID_INPUT',
            `That change would make the review invalid (${checked.error.issues[0]?.message ?? 'unknown problem'}). Nothing was saved.`,
          );
        }
      }
      if (Date.now() - this.lastBackupAt > BACKUP_INTERVAL_MS) {
        await writeBackup(this.file, Buffer.from(this.fileText));
        this.lastBackupAt = Date.now();
      }
      await this.db.write();
      this.fileText = this.adapter.lastWritten ?? reviewFileText(review, this.damaged);
      this.savedText = this.damaged.length ? serializeJson(review) : this.fileText;
      return result;
    } catch (error) {
      this.db.data = JSON.parse(this.savedText) as Review;
      const fault = storageFaultOf(error);
      throw fault ? storageFaultError(fault, dirname(this.file), CHANGE_NOT_SAVED) : error;
    }
  }
}

/**
 * Why a review is locked, in words: who holds it, and what the person can do. A lock from another computer
 * cannot be checked from here, so the person is offered to take it over (the app's button, the CLI's flag).
 */
export function describeLockHolder(seen: LockSeen | undefined, situation: 'locked' | 'taken-over' = 'locked'): string {
  const holder = seen?.holder;
  if (situation === 'taken-over') {
    const who = holder ? `process ${holder.pid} on ${holder.host}` : 'another process';
    return `This review was taken over by ${who} while it was open here. It is shown read-only now; open it again to see it as it is.`;
  }
  if (!holder) {
    return seen?.canTakeOver
      ? 'This review is locked by a lock file this app cannot read. It is shown read-only. If no ' +
          'one is editing it elsewhere, take over the lock to edit it here.'
      : 'This review is locked by a lock file this app cannot read. It is shown read-only. If no one else has it open, delete the “.lock” file beside it.';
  }
  const since = holder.since ? ` since ${formatStamp(holder.since)}` : '';
  const who = `${holder.app || 'unknown program'}, process ${holder.pid} on ${holder.host}${since}`;
  if (seen.canTakeOver) {
    return (
      `This review is marked as open for editing on another computer (${who}). It is shown ` +
      `read-only. If no one is editing it there any more (the computer was renamed, or the app ` +
      `did not close properly on it), take over the lock to edit it here.`
    );
  }
  return `This review is open in another window or process (${who}). It is shown read-only; close it there to edit it here.`;
}

export async function damagedFileError(file: string, reason: string, format: ReviewFormat): Promise<AppError> {
  const backup = await lastGoodReviewBackup(file, format);
  const offer = backup
    ? ` A backup from ${formatStamp(backup.createdAt)} passes its checks: choose “Restore backup” in the library to use it.`
    : ' No usable backup was found.';
  return new AppError(
    'E_CORRUPT',
    `The review file “${basename(file)}” cannot be opened: ${reason}. The file has not been changed.${offer}`,
  );
}

/** A review file's bytes, unless it is too large to read; one this app may not read is refused in words. */
export async function readReviewFile(file: string): Promise<BoundedRead> {
  try {
    return await readFileWithin(file, MAX_REVIEW_FILE_BYTES);
  } catch (error) {
    if (storageFaultOf(error) === 'no-permission') throw new AppError('E_FORBIDDEN', unreadableMessage(file));
    throw error;
  }
}

export function unreadableMessage(file: string): string {
  return (
    `This app may not read the review file “${basename(file)}” (permission denied), so it ` +
    `cannot be shown. Ask for permission to read it, or move it out of the folder “${dirname(file)}”.`
  );
}

/** Why a review file is not read at all, and what to do about it. */
export async function tooLargeMessage(
  file: string,
  size: number,
  format: ReviewFormat = CURRENT_REVIEW_FORMAT,
): Promise<string> {
  const backup = await lastGoodReviewBackup(file, format);
  const offer = backup
    ? ` A backup from ${formatStamp(backup.createdAt)} passes its checks: choose “Restore backup” in the library to use it, or move`
    : ' Move';
  return (
    `The review file “${basename(file)}” is ${formatSize(size)}, more than the ${formatSize(MAX_REVIEW_FILE_BYTES)} a review can be, so it was not read. ` +
    `It has not been changed. It is probably not a review (a file copied there by mistake) or ` +
    `a damaged one.${offer} it out of the folder “${dirname(file)}” to see what it is.`
  );
}

export async function lastGoodReviewBackup(
  file: string,
  format: ReviewFormat = CURRENT_REVIEW_FORMAT,
): Promise<(BackupEntry & { bytes: Buffer }) | undefined> {
  const found = await findLastGoodBackup(file, MAX_REVIEW_FILE_BYTES, (bytes) => {
    const kind = decodeReviewText(bytes.toString('utf8'), format).kind;
    return kind === 'current' || kind === 'migrated';
  });
  return found ? { ...found.entry, bytes: found.bytes } : undefined;
}

export function formatStamp(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}
