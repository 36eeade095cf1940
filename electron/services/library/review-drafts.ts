import { mkdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DraftKey } from '../../../shared/contract/workspace';
import { systemClock, type Clock } from '../../../shared/domain/clock';
import { AppError } from '../../../shared/errors';
import { RecordId, Timestamp, serializeJson } from '../../../shared/model';
import { syncFolder, writeFileDurably } from '../storage/durable-write';
import { isNodeError, readFileIfPresent } from '../storage/json-file-adapter';
import { SerialQueue } from '../storage/serial-queue';

/** What a drafts file holds: the text typed but not yet saved in one review, by where it was typed. */
const DraftsFile = z.object({
  reviewId: RecordId,
  updatedAt: Timestamp,
  drafts: z.record(DraftKey, z.string()),
});
type DraftsFile = z.infer<typeof DraftsFile>;

/**
 * Text a person typed but has not saved yet (a new annotation's comment, a reply, a rationale), one durable
 * JSON file per review under `<data>/drafts/<reviewId>.json`, so closing the window or a crash loses nothing
 * typed. Writes to one file run one at a time, in order; the files are kept apart from the review, so typing
 * never rewrites a large review.
 */
export class ReviewDrafts {
  readonly folder: string;
  private readonly queues = new Map<string, SerialQueue>();

  constructor(
    private readonly dataDir: string,
    /** Stamps a drafts file's `updatedAt`: the workstation's clock, like every other record it writes. */
    private readonly clock: Clock = systemClock,
  ) {
    this.folder = join(dataDir, 'drafts');
  }

  fileFor(reviewId: string): string {
    if (!RecordId.safeParse(reviewId).success)
      throw new AppError('E_INVALID_INPUT', `“${reviewId}” is not a review id.`);
    return join(this.folder, `${reviewId}.json`);
  }

  get(reviewId: string): Promise<Record<string, string>> {
    return this.queueFor(reviewId).run(() => this.load(reviewId));
  }

  /** Saves one draft durably, or with `null` clears it; the file goes when no draft is left. */
  set(reviewId: string, key: string, value: string | null): Promise<void> {
    return this.queueFor(reviewId).run(async () => {
      // Read each time rather than kept in memory: another app instance may have written it while it held the review.
      const drafts = await this.load(reviewId);
      if (value === null || value === '') delete drafts[key];
      else drafts[key] = value;
      const file = this.fileFor(reviewId);
      if (Object.keys(drafts).length === 0) {
        await unlink(file).then(
          () => syncFolder(this.folder),
          (error: unknown) => {
            if (!isNodeError(error, 'ENOENT')) throw error;
          },
        );
      } else {
        if ((await mkdir(this.folder, { recursive: true })) !== undefined) await syncFolder(this.dataDir);
        const content: DraftsFile = { reviewId, updatedAt: this.clock.now(), drafts };
        await writeFileDurably(file, serializeJson(content));
      }
    });
  }

  /** The review went to the trash: its drafts go with it, into `trashFolder`, after any write under way. */
  moveToTrash(reviewId: string, trashFolder: string): Promise<void> {
    return this.queueFor(reviewId).run(async () => {
      await rename(this.fileFor(reviewId), join(trashFolder, `${reviewId}.drafts.json`)).catch((error: unknown) => {
        if (!isNodeError(error, 'ENOENT')) throw error;
      });
    });
  }

  private async load(reviewId: string): Promise<Record<string, string>> {
    const file = this.fileFor(reviewId);
    const bytes = await readFileIfPresent(file);
    let drafts: Record<string, string> = {};
    if (bytes !== null) {
      const parsed = parseDrafts(bytes, reviewId);
      if (parsed) drafts = parsed;
      // A damaged drafts file is put aside, not overwritten: what it held may still be read by hand.
      else await rename(file, `${file}.damaged-${new Date().toISOString().replace(/[-:.]/g, '')}`);
    }
    return drafts;
  }

  private queueFor(reviewId: string): SerialQueue {
    let queue = this.queues.get(reviewId);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(reviewId, queue);
    }
    return queue;
  }
}

function parseDrafts(bytes: Buffer, reviewId: string): Record<string, string> | undefined {
  try {
    const checked = DraftsFile.safeParse(JSON.parse(bytes.toString('utf8')));
    return checked.success && checked.data.reviewId === reviewId ? checked.data.drafts : undefined;
  } catch {
    return undefined;
  }
}
