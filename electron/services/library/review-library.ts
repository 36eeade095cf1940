import { mkdir, readdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ReviewSummary } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { CURRENT_REVIEW_FORMAT, decodeReviewText, RecordId, type Review, type ReviewFormat } from '../../../shared/model';
import { writeBackup } from '../storage/backups';
import { syncFolder, writeFileDurably } from '../storage/durable-write';
import { FileLock } from '../storage/file-lock';
import { isNodeError, readFileIfPresent, serializeJson } from '../storage/json-file-adapter';
import { damagedFileError, describeLockHolder, lastGoodReviewBackup, ReviewStore } from '../storage/review-store';

const REVIEW_SUFFIX = '.review.json';

/**
 * The folder of review files (`<data>/reviews/<id>.review.json`), and the reviews this process holds open.
 * Everything that touches a review file on disk goes through here.
 */
export class ReviewLibrary {
  readonly reviewsDir: string;
  readonly trashDir: string;
  private readonly open = new Map<string, Promise<ReviewStore>>();

  constructor(
    readonly dataDir: string,
    private readonly format: ReviewFormat = CURRENT_REVIEW_FORMAT,
    private readonly storeOptions: { checkEveryWrite?: boolean } = {},
  ) {
    this.reviewsDir = join(dataDir, 'reviews');
    this.trashDir = join(dataDir, 'trash');
  }

  fileFor(reviewId: string): string {
    if (!RecordId.safeParse(reviewId).success) throw new AppError('E_INVALID_INPUT', `“${reviewId}” is not a review id.`);
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
    const summaries = await Promise.all(ids.filter((id) => RecordId.safeParse(id).success).map((id) => this.summary(id)));
    return summaries.filter((s) => s !== undefined).sort(byMostRecent);
  }

  /** What the library shows for one review file, whatever state the file is in. */
  async summary(reviewId: string): Promise<ReviewSummary | undefined> {
    const file = this.fileFor(reviewId);
    const held = await this.open.get(reviewId)?.catch(() => undefined);
    if (held?.isNewerFormat) return { ...summarize(held.review, undefined), state: 'newer-format', problem: held.readOnlyReason };
    if (held) return summarize(held.review, held.readOnlyReason);
    const bytes = await readFileIfPresent(file);
    if (bytes === null) return undefined;
    const decoded = decodeReviewText(bytes.toString('utf8'), this.format);
    const lockedBy = FileLock.holderOf(file);
    const lockNote = lockedBy ? describeLockHolder(lockedBy) : undefined;
    switch (decoded.kind) {
      case 'current':
      case 'migrated':
        return summarize(decoded.review, lockNote);
      case 'newer':
        return {
          ...(decoded.review ? summarize(decoded.review, lockNote) : emptySummary(reviewId, basename(file))),
          state: 'newer-format',
          problem: `Saved by a newer version of the app (format ${decoded.fileVersion}). Update the app to edit it.`,
        };
      case 'corrupt': {
        const backup = await lastGoodReviewBackup(file, this.format);
        const summary: ReviewSummary = {
          ...emptySummary(reviewId, titleFromDamagedFile(bytes) ?? basename(file)),
          state: 'corrupt',
          problem: (await damagedFileError(file, decoded.reason, this.format)).message,
        };
        if (backup) summary.lastGoodBackup = { file: backup.file, createdAt: backup.createdAt };
        return summary;
      }
    }
  }

  /**
   * The review as it is on disk, without opening it for writing: no lock taken, nothing written, not even a
   * backup. For readers such as the CLI. A damaged file throws `E_CORRUPT` with the reason.
   */
  async read(reviewId: string): Promise<{ review: Review; readOnlyReason?: string }> {
    const held = await this.open.get(reviewId)?.catch(() => undefined);
    if (held) return { review: held.review };
    const file = this.fileFor(reviewId);
    const bytes = await readFileIfPresent(file);
    if (bytes === null) throw new AppError('E_NOT_FOUND', `There is no review with the id ${reviewId}.`);
    const decoded = decodeReviewText(bytes.toString('utf8'), this.format);
    if (decoded.kind === 'corrupt') throw await damagedFileError(file, decoded.reason, this.format);
    if (decoded.kind === 'newer') {
      if (!decoded.review) throw new AppError('E_NEWER_FORMAT', `This review was saved by a newer version of the app (format ${decoded.fileVersion}). Update the app to read it.`);
      return { review: decoded.review, readOnlyReason: 'saved by a newer version of the app' };
    }
    return { review: decoded.review };
  }

  async create(review: Review): Promise<{ summary: ReviewSummary; file: string }> {
    await mkdir(this.reviewsDir, { recursive: true });
    const file = this.fileFor(review.id);
    if ((await readFileIfPresent(file)) !== null) throw new AppError('E_INVALID_INPUT', 'A review with this id already exists.');
    await writeFileDurably(file, serializeJson(review));
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
    const store = await pending.catch(() => undefined);
    await store?.close();
    return store !== undefined;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.closeReview(id)));
  }

  /**
   * Moves the review file, its backups and its source files to `<data>/trash/<id>-<time>/`. Nothing is erased:
   * a person can move them back.
   */
  async delete(reviewId: string): Promise<{ movedTo: string }> {
    const file = this.fileFor(reviewId);
    await this.closeReview(reviewId);
    if ((await readFileIfPresent(file)) === null) throw new AppError('E_NOT_FOUND', 'That review no longer exists.');
    const attempt = FileLock.tryAcquire(file);
    if (!attempt.acquired) {
      throw new AppError('E_LOCKED', `${describeLockHolder(attempt.holder).replace(/ It is shown read-only;.*$/, '')} Close it there before deleting it.`);
    }
    const target = join(this.trashDir, `${reviewId}-${new Date().toISOString().replace(/[-:.]/g, '')}`);
    try {
      await mkdir(target, { recursive: true });
      // Everything kept beside the review goes with it (backups, sources, reports, ...), the review file last.
      const besides = (await readdir(this.reviewsDir)).filter((name) => name.startsWith(`${reviewId}.`) && name !== basename(file) && !name.endsWith('.lock'));
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
    const attempt = FileLock.tryAcquire(file);
    if (!attempt.acquired) throw new AppError('E_LOCKED', describeLockHolder(attempt.holder));
    try {
      const current = await readFileIfPresent(file);
      if (current !== null) {
        // Keep what was there, damaged or not; a good current file also gets a backup of its own first.
        const kind = decodeReviewText(current.toString('utf8'), this.format).kind;
        if (kind === 'current' || kind === 'migrated') await writeBackup(file, current);
        // Durably, like every write here: the damaged bytes must be on disk before the file is replaced.
        await writeFileDurably(`${file}.replaced-${new Date().toISOString().replace(/[-:.]/g, '')}`, current);
      }
      await writeFileDurably(file, backup.bytes);
    } finally {
      attempt.lock.release();
    }
    const summary = await this.summary(reviewId);
    if (!summary) throw new AppError('E_NOT_FOUND', 'The restored review could not be read back.');
    return summary;
  }
}

export function summarize(review: Review, lockNote: string | undefined): ReviewSummary {
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
  return summary;
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
