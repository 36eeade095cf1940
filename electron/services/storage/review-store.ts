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
import { DurableJsonFile, readFileWithin } from './json-file-adapter';
import { changesBetween } from './review-changes';
import { sha256Hex } from './on-demand-crypto';
import { JournalWriter, readJournal, removeJournal, withChanges } from './review-journal';
import { SerialQueue } from './serial-queue';
import { explainingStorageFaults, readOnlyReasonFor, storageFaultError, storageFaultOf } from './storage-faults';

/**
 * How often, at most, a long editing session leaves a backup: of the review as written whole (at most every this
 * often), since its text is at hand then, where backing up at a change would serialise the whole review inside it.
 */
const BACKUP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * The largest review file this app reads. Far above any real review (the 100-page, 1,000-annotation review of
 * the storage benchmark is about 2 MB), and far below what the JavaScript engine can hold as one string (512 MB):
 * a larger file is not read at all, so it cannot exhaust the memory of the app or stop the library listing.
 */
export const MAX_REVIEW_FILE_BYTES = 256 * 1024 * 1024;

/**
 * The journal grows to at most the size of the review file (and at least this) before the review is written whole
 * again: opening a review after a crash then reads at most twice its size, and the whole write (hundreds of
 * milliseconds at 10,000 annotations) comes once in thousands of changes.
 */
const MIN_JOURNAL_LIMIT_BYTES = 1024 * 1024;

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
  /** How large the journal may grow before the review is written whole: by default the review file's size, at least 1 MiB. */
  journalLimitBytes?: number;
}

type ReadOnlyState = { reason: string; code: 'E_LOCKED' | 'E_READ_ONLY' };

/**
 * One review file held open: validated on read, saved durably change by change (in its journal, see
 * review-journal.ts), one change at a time, and writable only by the process that holds its lock. A second process
 * gets a read-only view that says why, and so does a folder that cannot be written (read-only, full). Damaged
 * annotations and replies are set aside on reading and written back unchanged (a review holding them is always
 * written whole).
 */
export class ReviewStore {
  private readonly db: Low<Review>;
  private readonly adapter: DurableJsonFile<Review>;
  private readonly queue = new SerialQueue();
  private lastBackupAt = 0;
  private closed = false;
  /**
   * Where changes are saved between whole writes of the review file; none while the review holds damaged records
   * (their text is put back by writing the file whole) or is read-only.
   */
  private journal: JournalWriter | undefined;
  /** The size of the review file as last written or read: how large the journal may grow before a whole write. */
  private fileBytes = 0;
  private journalLimitBytes: number | undefined;
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
    const current = await readReviewFile(file).catch(() => undefined);
    if (current?.kind !== 'read' || !current.bytes.equals(bytes)) {
      attempt.lock.release();
      return ReviewStore.open(file, options);
    }
    const store = new ReviewStore(file, decoded.review, damaged, undefined);
    store.lock = attempt.lock;
    store.checkEveryWrite = options.checkEveryWrite === true;
    store.clock = options.clock ?? systemClock;
    store.fileBytes = bytes.length;
    store.journalLimitBytes = options.journalLimitBytes;
    try {
      // The bytes as found are the state to return to if this session goes wrong, and the
      // pre-migration copy an older file must leave behind before it is rewritten.
      await writeBackup(file, bytes);
      store.lastBackupAt = Date.now();
      await removeAbandonedTempFiles(file, isProcessAlive);
      // A file to migrate, or a journal left by a session that did not close (its changes are in `bytes`), is
      // written whole now, so the session starts from a review file that holds everything.
      if (decoded.kind === 'migrated' || read.journal === 'applied') await store.writeWhole(decoded.review);
      else {
        if (read.journal === 'stale') await removeJournal(file);
        if (!damaged.length) store.journal = new JournalWriter(file, read.snapshotSha256 ?? sha256Hex(bytes));
      }
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
   * Applies `change` to the review and saves it durably before the next change may start. The change runs on a
   * copy that shares what it does not touch (see change-on-copy.ts), which becomes the review once saved: if the
   * change throws, the result would not pass the schema, or the write fails, the review stays as it was, so memory
   * never holds what the disk does not. Changes queue up and run one at a time in order. `review` as read before
   * a change is not altered by it: read `review` again after. The change is also given the review as it was
   * (`asItWas`, never to be changed), which it may read rather than the copy, whose every object read is a proxy.
   */
  mutate<T>(change: (review: Review, asItWas: Review) => T): Promise<T> {
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
        writeBackup(this.file, Buffer.from(reviewFileText(this.db.data, this.damaged))),
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
    await this.queue.run(() => this.leaveFileWhole());
    this.closed = true;
    this.lock?.release();
  }

  /**
   * On closing, the changes in the journal go into the review file, which is then the whole review again (the
   * readable JSON snapshot other tools read). If that write fails, the journal stays: the next opening applies it.
   */
  private async leaveFileWhole(): Promise<void> {
    const journal = this.journal;
    if (!journal || journal.isEmpty || this.readOnlyState || (this.lock && !this.lock.isHeld())) return;
    await this.writeWhole(this.db.data).catch(() => undefined);
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

  private async save<T>(change: (review: Review, asItWas: Review) => T): Promise<T> {
    this.assertWritable();
    const before = this.db.data;
    try {
      // The copy-on-write library (immer) loads with the first change: reading a review never needs it.
      const { changeOnCopy } = await import('./change-on-copy');
      const { next, result } = changeOnCopy(
        before,
        (draft) => change(draft, before),
        (draft) => {
          draft.updatedAt = this.clock.now();
        },
      );
      if (this.checkEveryWrite) {
        const checked = Review.safeParse(next);
        if (!checked.success) {
          throw new AppError(
            'E_INVALID_INPUT',
            `That change would make the review invalid (${checked.error.issues[0]?.message ?? 'unknown problem'}). Nothing was saved.`,
          );
        }
      }
      await this.persist(before, next);
      return result;
    } catch (error) {
      this.db.data = before;
      const fault = storageFaultOf(error);
      throw fault ? storageFaultError(fault, dirname(this.file), CHANGE_NOT_SAVED) : error;
    }
  }

  /**
   * Saves the change from `before` to `next`: appended to the journal (the common case, costing the change's size),
   * or by writing the review whole when there is no journal to use, or the journal has grown as large as it may.
   */
  private async persist(before: Review, next: Review): Promise<void> {
    const journal = this.journal?.usable ? this.journal : undefined;
    const changes = journal && changesBetween(before, next);
    const line = changes && JSON.stringify(changes);
    const limit = this.journalLimitBytes ?? Math.max(MIN_JOURNAL_LIMIT_BYTES, this.fileBytes);
    if (!journal || line === undefined || journal.bytes + line.length > limit) {
      await this.writeWhole(next);
      return;
    }
    await journal.append(line);
    this.db.data = next;
    if (this.checkEveryWrite) await this.checkJournal(next);
  }

  /**
   * Writes the review file whole (damaged records put back in place) and starts a new journal after it; the old
   * journal is removed once the file holding all it held is on disk (one left behind is stale, never applied).
   */
  private async writeWhole(review: Review): Promise<void> {
    const before = this.db.data;
    this.db.data = review;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = before;
      throw error;
    }
    const text = this.adapter.lastWritten ?? reviewFileText(review, this.damaged);
    this.fileBytes = Buffer.byteLength(text);
    if (Date.now() - this.lastBackupAt > BACKUP_INTERVAL_MS) {
      // The review is on disk already: a backup that cannot be written costs this save nothing.
      await writeBackup(this.file, Buffer.from(text))
        .then(() => (this.lastBackupAt = Date.now()))
        .catch(() => undefined);
    }
    const previous = this.journal;
    this.journal = this.damaged.length ? undefined : new JournalWriter(this.file, sha256Hex(text));
    await (previous ? previous.remove() : removeJournal(this.file)).catch(() => undefined);
  }

  /**
   * In tests and development: the review a reader finds on disk (file and journal) is the review in memory, both
   * read as a reader reads them (the schema puts fields in its own order and fills its defaults).
   */
  private async checkJournal(review: Review): Promise<void> {
    const read = await readReviewFile(this.file);
    const { default: canonicalize } = await import('canonicalize');
    const asRead = (text: string) => {
      const decoded = decodeReviewText(text);
      return decoded.kind === 'current' ? canonicalize(decoded.review) : decoded.kind;
    };
    if (read.kind !== 'read' || asRead(read.bytes.toString('utf8')) !== asRead(serializeJson(review))) {
      throw new Error(
        'The review on disk (file and journal) differs from the review in memory: a change was made outside the store.',
      );
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

export type ReviewFileRead =
  | {
      kind: 'read';
      /** The review as it is now: the file's bytes, with the changes of its journal applied when it has one. */
      bytes: Buffer;
      /** Whether a journal was found: applied to `bytes`, stale (left by a whole write, never applied), or none. */
      journal: 'none' | 'applied' | 'stale';
      /** The SHA-256 of the review file's own bytes, when reading its journal needed it. */
      snapshotSha256?: string;
    }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number };

/**
 * A review as it is on disk: its file's bytes with the changes saved in its journal since (see review-journal.ts),
 * unless it is too large to read; one this app may not read is refused in words.
 */
export async function readReviewFile(file: string): Promise<ReviewFileRead> {
  try {
    const read = await readFileWithin(file, MAX_REVIEW_FILE_BYTES);
    if (read.kind === 'not-a-file') throw new AppError('E_FORBIDDEN', notAFileMessage(file));
    if (read.kind !== 'read') return read;
    const journal = await readJournal(file, read.bytes, MAX_REVIEW_FILE_BYTES);
    if (journal.kind === 'none') return { ...read, journal: 'none' };
    if (journal.kind === 'stale') return { ...read, journal: 'stale' };
    const snapshotSha256 = journal.base;
    if (journal.changes.length === 0) return { ...read, journal: 'none', snapshotSha256 };
    let document: unknown;
    try {
      document = withChanges(read.bytes.toString('utf8'), journal.changes);
    } catch {
      // A review file that does not parse is reported as it is; its journal cannot say more.
      return { ...read, journal: 'stale' };
    }
    return { kind: 'read', bytes: Buffer.from(serializeJson(document)), journal: 'applied', snapshotSha256 };
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

/** Why an entry named as a review file (a folder, a pipe) is not read, and what to do about it. */
export function notAFileMessage(file: string): string {
  return (
    `“${basename(file)}” is not a file (it is a folder, or another kind of entry), so it cannot be shown as a ` +
    `review. Move it out of the folder “${dirname(file)}”.`
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
