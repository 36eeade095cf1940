import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ReviewSummary } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import {
  CURRENT_REVIEW_FORMAT,
  decodeReviewText,
  RecordId,
  type DamagedRecord,
  type Review,
  type ReviewFormat,
  serializeJson,
} from '../../../shared/model';
import { writeBackup } from '../storage/backups';
import { syncFolder, writeFileDurably } from '../storage/durable-write';
import { FileLock, type LockAttempt, type LockSeen } from '../storage/file-lock';
import { isNodeError, readStartOf } from '../storage/json-file-adapter';
import {
  damagedFileError,
  describeLockHolder,
  lastGoodReviewBackup,
  readReviewFile,
  ReviewStore,
  type ReviewStoreOptions,
  tooLargeMessage,
} from '../storage/review-store';
import { explainingStorageFaults, storageFaultError, type StorageFault } from '../storage/storage-faults';

const REVIEW_SUFFIX = '.review.json';

/**
 * The folder of review files (`<data>/reviews/<id>.review.json`), and the reviews this process holds open.
 * Everything that touches a review file on disk goes through here.
 */
export class ReviewLibrary {
  readonly reviewsDir: string;
  readonly trashDir: string;
  private readonly open = new Map<string, Promise<ReviewStore>>();
  /**
   * Reviews being closed: no longer open, but their files not yet final (a journal folded into the file, the lock
   * given back). A window that goes away closes its reviews while the host may be closing everything.
   */
  private readonly closing = new Set<Promise<unknown>>();

  constructor(
    readonly dataDir: string,
    private readonly format: ReviewFormat = CURRENT_REVIEW_FORMAT,
    private readonly storeOptions: Omit<ReviewStoreOptions, 'format'> = {},
  ) {
    this.reviewsDir = join(dataDir, 'reviews');
    this.trashDir = join(dataDir, 'trash');
  }

  fileFor(reviewId: string): string {
    if (!RecordId.safeParse(reviewId).success)
      throw new AppError('E_INVALID_INPUT', `“${reviewId}” is not a review id.`);
    return join(this.reviewsDir, `${reviewId}${REVIEW_SUFFIX}`);
  }

  async list(): Promise<ReviewSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.reviewsDir);
    } catch (error) {
      if (isNodeError(error, 'ENOENT')) return [];
      throw error;
    }
    const ids = names.filter((n) => n.endsWith(REVIEW_SUFFIX)).map((n) => n.slice(0, -REVIEW_SUFFIX.length));
    const summaries = await Promise.all(
      ids.filter((id) => RecordId.safeParse(id).success).map((id) => this.summary(id)),
    );
    return summaries.filter((s) => s !== undefined).sort(byMostRecent);
  }

  /** What the library shows for one review file, whatever state the file is in. */
  async summary(reviewId: string): Promise<ReviewSummary | undefined> {
    const file = this.fileFor(reviewId);
    const held = await this.open.get(reviewId)?.catch(() => undefined);
    if (held?.isNewerFormat)
      return { ...summarize(held.review, undefined), state: 'newer-format', problem: held.readOnlyReason };
    if (held) return summarize(held.review, held.readOnlyReason, held.damagedRecords.length);
    const read = await readReviewFile(file).catch((error: unknown) => {
      // Not to be read (permission denied, or no file at all): said in the library, with what to do.
      if (error instanceof AppError && error.code === 'E_FORBIDDEN')
        return { kind: 'unreadable' as const, problem: error.message };
      throw error;
    });
    if (read.kind === 'missing') return undefined;
    if (read.kind === 'unreadable')
      return { ...emptySummary(reviewId, basename(file)), state: 'unreadable', problem: read.problem };
    if (read.kind === 'too-large') {
      // Only the start is read, for a title to show: the file may be a review that grew wrong, or not one at all.
      const start = await readStartOf(file, 4096).catch(() => Buffer.alloc(0));
      return await this.withBackup(file, {
        ...emptySummary(reviewId, titleFromDamagedFile(start) ?? basename(file)),
        state: 'too-large',
        problem: await tooLargeMessage(file, read.size, this.format),
      });
    }
    const bytes = read.bytes;
    const decoded = decodeReviewText(bytes.toString('utf8'), this.format);
    const lockedBy = FileLock.holderOf(file);
    const lockNote = lockedBy ? describeLockHolder(lockedBy) : undefined;
    switch (decoded.kind) {
      case 'current':
      case 'migrated':
        return summarize(decoded.review, lockNote, decoded.damaged.length);
      case 'newer':
        return {
          ...(decoded.review ? summarize(decoded.review, lockNote) : emptySummary(reviewId, basename(file))),
          state: 'newer-format',
          problem: `Saved by a newer version of the app (format ${decoded.fileVersion}). Update the app to edit it.`,
        };
      case 'corrupt':
        return await this.withBackup(file, {
          ...emptySummary(reviewId, titleFromDamagedFile(bytes) ?? basename(file)),
          state: 'corrupt',
          problem: (await damagedFileError(file, decoded.reason, this.format)).message,
        });
    }
  }

  /** A damaged or unusable file's summary, with the last good backup to offer, if there is one. */
  private async withBackup(file: string, summary: ReviewSummary): Promise<ReviewSummary> {
    const backup = await lastGoodReviewBackup(file, this.format);
    return backup ? { ...summary, lastGoodBackup: { file: backup.file, createdAt: backup.createdAt } } : summary;
  }

  /**
   * The review as it is on disk, without opening it for writing: no lock taken, nothing written, not even a
   * backup. For readers such as the CLI. A damaged file throws `E_CORRUPT` with the reason, one too large to
   * read `E_TOO_LARGE`. Damaged annotations and replies are left out of `review` and listed in `damaged`.
   */
  async read(reviewId: string): Promise<{ review: Review; readOnlyReason?: string; damaged: DamagedRecord[] }> {
    const held = await this.open.get(reviewId)?.catch(() => undefined);
    if (held) return { review: held.review, damaged: held.damagedRecords };
    const file = this.fileFor(reviewId);
    const read = await readReviewFile(file);
    if (read.kind === 'missing') throw new AppError('E_NOT_FOUND', `There is no review with the id ${reviewId}.`);
    if (read.kind === 'too-large')
      throw new AppError('E_TOO_LARGE', await tooLargeMessage(file, read.size, this.format));
    const decoded = decodeReviewText(read.bytes.toString('utf8'), this.format);
    if (decoded.kind === 'corrupt') throw await damagedFileError(file, decoded.reason, this.format);
    if (decoded.kind === 'newer') {
      if (!decoded.review)
        throw new AppError(
          'E_NEWER_FORMAT',
          `This review was saved by a newer version of the app (format ${decoded.fileVersion}). Update the app to read it.`,
        );
      return {
        review: decoded.review,
        readOnlyReason: 'saved by a newer version of the app',
        damaged: decoded.damaged,
      };
    }
    return { review: decoded.review, damaged: decoded.damaged };
  }

  async create(review: Review): Promise<{ summary: ReviewSummary; file: string }> {
    const file = this.fileFor(review.id);
    await explainingStorageFaults(
      this.reviewsDir,
      'the new review could not be created',
      async () => {
        await mkdir(this.reviewsDir, { recursive: true });
        if (await exists(file)) throw new AppError('E_INVALID_INPUT', 'A review with this id already exists.');
        await writeFileDurably(file, serializeJson(review));
      },
      'Choose a data folder you can write to.',
    );
    return { summary: summarize(review, undefined), file };
  }

  /** The open review, opening it (and taking its lock) on first use. */
  async openReview(reviewId: string): Promise<ReviewStore> {
    const file = this.fileFor(reviewId);
    let pending = this.open.get(reviewId);
    if (!pending) {
      pending = ReviewStore.open(file, { format: this.format, ...this.storeOptions });
      this.open.set(reviewId, pending);
      pending.catch(() => this.open.delete(reviewId));
    }
    return pending;
  }

  async closeReview(reviewId: string): Promise<boolean> {
    const pending = this.open.get(reviewId);
    if (!pending) return false;
    this.open.delete(reviewId);
    const closed = pending.then(
      async (store) => {
        await store.close();
        return true;
      },
      () => false,
    );
    this.closing.add(closed);
    try {
      return await closed;
    } finally {
      this.closing.delete(closed);
    }
  }

  /** Closes every open review, and waits for those being closed already: their files are final when it returns. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.closeReview(id)));
    await Promise.allSettled([...this.closing]);
  }

  /**
   * Moves the review file, its backups and its source files to `<data>/trash/<id>-<time>/`. Nothing is erased:
   * a person can move them back.
   */
  async delete(reviewId: string): Promise<{ movedTo: string }> {
    const file = this.fileFor(reviewId);
    await this.closeReview(reviewId);
    if (!(await exists(file))) throw new AppError('E_NOT_FOUND', 'That review no longer exists.');
    const attempt = this.acquireFor(file, 'the review was not deleted');
    if (!attempt.acquired) {
      throw new AppError(
        'E_LOCKED',
        `${describeLockHolder(attempt.held).replace(/ It is shown read-only.*$/, '')} Close it there before deleting it.`,
      );
    }
    const target = join(this.trashDir, `${reviewId}-${new Date().toISOString().replace(/[-:.]/g, '')}`);
    try {
      await explainingStorageFaults(this.dataDir, 'the review was not deleted', () =>
        mkdir(target, { recursive: true }),
      );
      // Everything kept beside the review goes with it (backups, sources, reports, ...), the review file last.
      const besides = (await readdir(this.reviewsDir)).filter(
        (name) => name.startsWith(`${reviewId}.`) && name !== basename(file) && !name.endsWith('.lock'),
      );
      for (const path of [...besides.map((name) => join(this.reviewsDir, name)), file]) {
        await rename(path, join(target, basename(path))).catch((error: unknown) => {
          if (!isNodeError(error, 'ENOENT')) throw error;
        });
      }
      await syncFolder(this.reviewsDir);
    } finally {
      attempt.lock.release();
    }
    return { movedTo: target };
  }

  /**
   * Puts the newest good backup in place of a damaged file. The damaged file is kept beside it, renamed, so
   * nothing is lost even if the backup is not what the person wanted.
   */
  async restoreBackup(reviewId: string): Promise<ReviewSummary> {
    const file = this.fileFor(reviewId);
    if (this.open.has(reviewId)) await this.closeReview(reviewId);
    const backup = await lastGoodReviewBackup(file, this.format);
    if (!backup) throw new AppError('E_NOT_FOUND', 'There is no backup of this review that passes its checks.');
    const attempt = this.acquireFor(file, 'the backup was not restored');
    if (!attempt.acquired) throw new AppError('E_LOCKED', describeLockHolder(attempt.held));
    try {
      await explainingStorageFaults(
        this.reviewsDir,
        'the backup was not restored; the review file is as it was',
        async () => {
          const aside = `${file}.replaced-${new Date().toISOString().replace(/[-:.]/g, '')}`;
          const current = await readReviewFile(file);
          if (current.kind === 'read') {
            // Keep what was there, damaged or not; a good current file also gets a backup of its own first.
            const kind = decodeReviewText(current.bytes.toString('utf8'), this.format).kind;
            if (kind === 'current' || kind === 'migrated') await writeBackup(file, current.bytes);
            // Durably, like every write here: the damaged bytes must be on disk before the file is replaced.
            await writeFileDurably(aside, current.bytes);
          } else if (current.kind === 'too-large') {
            // Too large to copy through memory: the file itself is moved aside, and the backup takes its place.
            await rename(file, aside);
          }
          await writeFileDurably(file, backup.bytes);
        },
      );
    } finally {
      attempt.lock.release();
    }
    const summary = await this.summary(reviewId);
    if (!summary) throw new AppError('E_NOT_FOUND', 'The restored review could not be read back.');
    return summary;
  }

  /**
   * Takes over the lock someone else holds on a review, which a person chose to do after seeing it
   * (`fingerprint` names that very lock), and opens the review for writing. Refused when the lock has changed
   * since, or is held by a process running on this computer.
   */
  async takeOverLock(
    reviewId: string,
    fingerprint: string,
  ): Promise<{ store: ReviewStore; previous: LockSeen | undefined }> {
    const file = this.fileFor(reviewId);
    await this.closeReview(reviewId);
    const previous = FileLock.holderOf(file);
    const outcome = FileLock.removeForTakeOver(file, fingerprint);
    if (outcome === 'changed') {
      const now = FileLock.holderOf(file);
      throw new AppError(
        'E_LOCKED',
        `The lock on this review changed since it was shown, so it was not taken over. ${now ? describeLockHolder(now) : 'Open the review again.'}`,
      );
    }
    if (outcome === 'running-here') {
      throw new AppError(
        'E_LOCKED',
        `${describeLockHolder(FileLock.holderOf(file))} A lock held by a program running on this computer cannot be taken over.`,
      );
    }
    const store = await this.openReview(reviewId);
    if (store.readOnly)
      throw new AppError(store.readOnlyCode, store.readOnlyReason ?? 'This review could not be opened for editing.');
    return { store, previous };
  }

  /** The lock on `file`, for a change to the file as a whole; a folder that cannot be written is said in words. */
  private acquireFor(file: string, outcome: string): Exclude<LockAttempt, { fault: StorageFault }> {
    const attempt = FileLock.tryAcquire(file);
    if (attempt.fault) throw storageFaultError(attempt.fault, this.reviewsDir, outcome);
    return attempt;
  }
}

export function summarize(review: Review, lockNote: string | undefined, damagedRecords = 0): ReviewSummary {
  const live = <T extends { deletedAt?: string | undefined }>(items: T[]) => items.filter((i) => !i.deletedAt).length;
  const summary: ReviewSummary = {
    id: review.id,
    title: review.title,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
    versions: live(review.versions),
    annotations: live(review.annotations),
    criteria: live(review.checklist.criteria),
    members: live(review.committee),
    state: 'ok',
  };
  if (lockNote) summary.lockedBy = lockNote;
  if (damagedRecords > 0) summary.damagedRecords = damagedRecords;
  return summary;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: unknown) => {
      if (isNodeError(error, 'ENOENT')) return false;
      throw error;
    },
  );
}

function emptySummary(id: string, title: string): ReviewSummary {
  return { id, title, versions: 0, annotations: 0, criteria: 0, members: 0, state: 'ok' };
}

function titleFromDamagedFile(bytes: Buffer): string | undefined {
  const match = /"title"\s*:\s*"((?:[^"\\]|\\.){1,200})"/.exec(bytes.subarray(0, 4096).toString('utf8'));
  if (!match?.[1]) return undefined;
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return undefined;
  }
}

function byMostRecent(a: ReviewSummary, b: ReviewSummary): number {
  return (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || a.title.localeCompare(b.title);
}
