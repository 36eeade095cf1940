import { basename } from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../../shared/errors';
import { CURRENT_REVIEW_FORMAT, decodeReviewText, Review, type ReviewFormat } from '../../../shared/model';
import { findLastGoodBackup, writeBackup, type BackupEntry } from './backups';
import { removeAbandonedTempFiles } from './durable-write';
import { FileLock, isProcessAlive, type LockHolder } from './file-lock';
import { DurableJsonFile, readFileIfPresent, serializeJson } from './json-file-adapter';
import { SerialQueue } from './serial-queue';

/** How often, at most, a long editing session leaves a backup of the state before a write. */
const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

export interface ReviewStoreOptions {
  format?: ReviewFormat;
  /**
   * Check the whole review against the schema before every write. On in tests and development; in use, each
   * service checks the records it makes, inputs are checked at the edge and every read is checked, because
   * checking a large review on each save doubled the time a save takes (20 → 40 ms at the 95th percentile).
   */
  checkEveryWrite?: boolean;
}

/**
 * One review file held open: validated on read, written durably, one write at a time, and writable only by the
 * process that holds its lock. A second process gets a read-only view that says why.
 */
export class ReviewStore {
  private readonly db: Low<Review>;
  private readonly adapter: DurableJsonFile<Review>;
  private readonly queue = new SerialQueue();
  private lastBackupAt = 0;
  private closed = false;
  /** The review as last written: what memory returns to when a change fails. */
  private savedText: string;
  private checkEveryWrite = false;

  private constructor(
    readonly file: string,
    review: Review,
    private readonly lock: FileLock | undefined,
    readonly readOnlyReason: string | undefined,
    private readonly readOnlyCode: 'E_LOCKED' | 'E_READ_ONLY',
  ) {
    // Reviews are read and classified by `open`; the adapter only ever writes.
    this.adapter = new DurableJsonFile<Review>(file, () => review);
    this.db = new Low(this.adapter, review);
    this.savedText = serializeJson(review);
  }

  static async open(file: string, options: ReviewStoreOptions = {}): Promise<ReviewStore> {
    const format = options.format ?? CURRENT_REVIEW_FORMAT;
    const bytes = await readFileIfPresent(file);
    if (bytes === null) {
      throw new AppError('E_NOT_FOUND', `The review file “${basename(file)}” no longer exists. It may have been moved or deleted.`);
    }
    const decoded = decodeReviewText(bytes.toString('utf8'), format);
    if (decoded.kind === 'corrupt') throw await damagedFileError(file, decoded.reason, format);
    if (decoded.kind === 'newer') {
      const message = `“${decoded.review?.title ?? basename(file)}” was saved by a newer version of Policy Review Workstation (format ${decoded.fileVersion}; this app reads up to format ${format.version}).`;
      if (!decoded.review) throw new AppError('E_NEWER_FORMAT', `${message} Update the app to open it.`);
      return new ReviewStore(file, decoded.review, undefined, `${message} It is shown read-only; update the app to edit it.`, 'E_READ_ONLY');
    }

    const attempt = FileLock.tryAcquire(file);
    if (!attempt.acquired) {
      return new ReviewStore(file, decoded.review, undefined, describeLockHolder(attempt.holder), 'E_LOCKED');
    }
    // The process that held the lock until now may have written between the read above and taking the lock;
    // starting from those older bytes would overwrite its last writes. Now that no one else writes, check.
    const current = await readFileIfPresent(file).catch(() => null);
    if (current === null || !current.equals(bytes)) {
      attempt.lock.release();
      return ReviewStore.open(file, options);
    }
    const store = new ReviewStore(file, decoded.review, attempt.lock, undefined, 'E_LOCKED');
    store.checkEveryWrite = options.checkEveryWrite === true;
    try {
      // The bytes as found are the state to return to if this session goes wrong, and the
      // pre-migration copy an older file must leave behind before it is rewritten.
      await writeBackup(file, bytes);
      store.lastBackupAt = Date.now();
      await removeAbandonedTempFiles(file, isProcessAlive);
      if (decoded.kind === 'migrated') await store.db.adapter.write(decoded.review);
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  get review(): Review {
    return this.db.data;
  }

  /** Saved by a newer version of the app: shown, never written. */
  get isNewerFormat(): boolean {
    return this.readOnlyReason !== undefined && this.readOnlyCode === 'E_READ_ONLY';
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== undefined;
  }

  /**
   * Applies `change` to the review and saves it durably before the next change may start. If the change throws,
   * the result would not pass the schema, or the write fails, the review in memory goes back to what was last
   * saved, so memory never holds what the disk does not. Changes queue up and run one at a time in order.
   */
  mutate<T>(change: (review: Review) => T): Promise<T> {
    return this.queue.run(async () => {
      if (this.closed) throw new AppError('E_NOT_FOUND', 'This review was closed. Open it again from the library.');
      if (this.readOnlyReason !== undefined) throw new AppError(this.readOnlyCode, this.readOnlyReason);
      // Changed in place rather than on a copy: copying a large review took longer than writing it.
      const review = this.db.data;
      try {
        const result = change(review);
        review.updatedAt = new Date().toISOString();
        if (this.checkEveryWrite) {
          const checked = Review.safeParse(review);
          if (!checked.success) {
            throw new AppError('E_INVALID_INPUT', `That change would make the review invalid (${checked.error.issues[0]?.message ?? 'unknown problem'}). Nothing was saved.`);
          }
        }
        if (Date.now() - this.lastBackupAt > BACKUP_INTERVAL_MS) {
          await writeBackup(this.file, Buffer.from(this.savedText));
          this.lastBackupAt = Date.now();
        }
        await this.db.write();
        this.savedText = this.adapter.lastWritten ?? serializeJson(review);
        return result;
      } catch (error) {
        this.db.data = JSON.parse(this.savedText) as Review;
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
}

export function describeLockHolder(holder: LockHolder | undefined): string {
  if (!holder) {
    return 'This review is locked by a lock file this app cannot read. It is shown read-only. If no one else has it open, delete the “.lock” file beside it.';
  }
  const since = holder.since ? ` since ${holder.since.replace('T', ' ').slice(0, 16)} UTC` : '';
  return `This review is open in another window or process (${holder.app || 'unknown program'}, process ${holder.pid} on ${holder.host}${since}). It is shown read-only; close it there to edit it here.`;
}

export async function damagedFileError(file: string, reason: string, format: ReviewFormat): Promise<AppError> {
  const backup = await lastGoodReviewBackup(file, format);
  const offer = backup
    ? ` A backup from ${formatStamp(backup.createdAt)} passes its checks: choose “Restore backup” in the library to use it.`
    : ' No usable backup was found.';
  return new AppError('E_CORRUPT', `The review file “${basename(file)}” cannot be opened: ${reason}. The file has not been changed.${offer}`);
}

export async function lastGoodReviewBackup(file: string, format: ReviewFormat = CURRENT_REVIEW_FORMAT): Promise<(BackupEntry & { bytes: Buffer }) | undefined> {
  const found = await findLastGoodBackup(file, (bytes) => {
    const kind = decodeReviewText(bytes.toString('utf8'), format).kind;
    return kind === 'current' || kind === 'migrated';
  });
  return found ? { ...found.entry, bytes: found.bytes } : undefined;
}

export function formatStamp(iso: string): string {
  return `${iso.replace('T', ' ').slice(0, 16)} UTC`;
}
