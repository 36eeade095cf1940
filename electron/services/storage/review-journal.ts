import { open, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sha256Hex } from './on-demand-crypto';
import { syncFolder } from './durable-write';
import { isNodeError, readFileWithin } from './json-file-adapter';
import { applyChanges, type ReviewChanges } from './review-changes';

/**
 * The review's journal: the changes saved since the review file was last written whole, one line each, appended
 * and flushed to disk before a change is acknowledged. A change then costs its own size to save, not the review's;
 * the review file (the readable JSON snapshot) is written whole again when the journal grows large and when the
 * review is closed, and the journal is then removed.
 *
 * The first line names the review file it continues, by the SHA-256 of its bytes: a journal whose review file has
 * been written whole since (or replaced, as a restored backup replaces it) is stale and never applied. Each change's
 * line starts with the SHA-256 of its text, so a line cut short by a crash (never acknowledged) is recognised, and
 * nothing after it is applied.
 */
export const JOURNAL_FORMAT = 'policy-review/review-journal@1';

export function journalFileFor(reviewFile: string): string {
  return `${reviewFile}.journal`;
}

/** What the journal beside a review file says about it. */
export type JournalReading =
  | { kind: 'none' }
  /** Written for another state of the review file (already in it, or replaced on purpose): not applied. */
  | { kind: 'stale' }
  /** `base` is the SHA-256 of the review file's bytes, which the journal continues. */
  | { kind: 'changes'; changes: ReviewChanges[]; bytes: number; base: string };

/**
 * Reads the journal beside `reviewFile`, given the review file's bytes. The journal is read up to `maxBytes` (the
 * review store writes the review whole long before its journal gets near that); a larger one is treated as stale.
 */
export async function readJournal(reviewFile: string, snapshot: Uint8Array, maxBytes: number): Promise<JournalReading> {
  const read = await readFileWithin(journalFileFor(reviewFile), maxBytes);
  if (read.kind === 'missing') return { kind: 'none' };
  if (read.kind === 'too-large' || read.kind === 'not-a-file') return { kind: 'stale' };
  const text = read.bytes.toString('utf8');
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0) return { kind: 'stale' };
  const header = parseJson(text.slice(0, firstEnd)) as { journal?: unknown; base?: unknown } | undefined;
  const base = sha256Hex(snapshot);
  if (header?.journal !== JOURNAL_FORMAT || header.base !== base) return { kind: 'stale' };
  const changes: ReviewChanges[] = [];
  let start = firstEnd + 1;
  let bytes = Buffer.byteLength(text.slice(0, start));
  for (let end = text.indexOf('\n', start); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    const space = line.indexOf(' ');
    const body = line.slice(space + 1);
    if (space !== 64 || sha256Hex(body) !== line.slice(0, space)) break;
    const entry = parseJson(body);
    if (typeof entry !== 'object' || entry === null) break;
    changes.push(entry as ReviewChanges);
    bytes += Buffer.byteLength(line) + 1;
  }
  return { kind: 'changes', changes, bytes, base };
}

/** The review file's JSON with the journal's changes applied, in order. */
export function withChanges(snapshotText: string, changes: readonly ReviewChanges[]): unknown {
  const document = JSON.parse(snapshotText) as unknown;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return document;
  for (const change of changes) applyChanges(document as Record<string, unknown>, change);
  return document;
}

/**
 * The journal as its one writer (the review store holding the lock) keeps it: started with its first change,
 * appended to and flushed change by change, and removed once the review file has been written whole.
 */
export class JournalWriter {
  private started = false;
  private length = 0;
  /** Set once a failed append could not be cut back: the file may end in a partial line, after which nothing may be appended. */
  private broken = false;

  constructor(
    readonly reviewFile: string,
    /** The SHA-256 of the review file's bytes this journal continues. */
    private readonly base: string,
  ) {}

  /** Bytes in the journal: what opening the review would read beyond the review file. */
  get bytes(): number {
    return this.length;
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  /** Whether changes may still be appended (see `broken`); if not, the review is written whole instead. */
  get usable(): boolean {
    return !this.broken;
  }

  /**
   * Appends one change (`body`: its ReviewChanges as JSON) and flushes it to disk; a failure leaves the change out,
   * as if never made. The file is opened for each change rather than held open: a review left open holds no
   * descriptor, and opening costs far less than the flush.
   */
  async append(body: string): Promise<void> {
    const line = `${sha256Hex(body)} ${body}\n`;
    if (!this.started) {
      await this.start(line);
      return;
    }
    const handle = await open(journalFileFor(this.reviewFile), 'r+');
    try {
      await handle.write(line, this.length);
      await handle.datasync();
    } catch (error) {
      // Cut back to the last whole change; if even that fails, the file may end in a partial line, after which
      // readers stop: nothing more may be appended to it.
      await handle.truncate(this.length).catch(() => (this.broken = true));
      throw error;
    } finally {
      await handle.close().catch(() => undefined);
    }
    this.length += Buffer.byteLength(line);
  }

  /** Removes the journal, once the review file holds everything in it. A journal left behind is stale, never applied. */
  async remove(): Promise<void> {
    this.started = false;
    this.length = 0;
    await removeJournal(this.reviewFile);
  }

  /** The journal's first line and first change, written and flushed together, then the folder, so the file stays. */
  private async start(firstLine: string): Promise<void> {
    const content = `${JSON.stringify({ journal: JOURNAL_FORMAT, base: this.base })}\n${firstLine}`;
    const handle = await open(journalFileFor(this.reviewFile), 'w', 0o600);
    try {
      await handle.write(content, 0);
      await handle.datasync();
      await handle.close();
      await syncFolder(dirname(this.reviewFile));
    } catch (error) {
      await handle.close().catch(() => undefined);
      await removeJournal(this.reviewFile).catch(() => (this.broken = true));
      throw error;
    }
    this.started = true;
    this.length = Buffer.byteLength(content);
  }
}

/** Removes the journal beside a review file, if there is one. */
export async function removeJournal(reviewFile: string): Promise<void> {
  await unlink(journalFileFor(reviewFile)).catch((error: unknown) => {
    if (!isNodeError(error, 'ENOENT')) throw error;
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
