import type { BigIntStats } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncFolder, writeFileDurably } from '../storage/durable-write';
import { isNodeError } from '../storage/json-file-adapter';

// A review's history as files, without the engine: where it is kept, and how a new one takes its place. The app's
// process writes the histories the engine's process makes (review-history.ts explains the files' order).

const REVIEW_SUFFIX = '.review.json';

/**
 * Where a review's history is kept: beside its file, `<id>.history.yjs`; a merge's result waits in `.next`. (The
 * app's histories before Yjs, `<id>.history.automerge`, are left where they are: a review without a history begins
 * one from its file, which holds all its work, with the conflicts the older one still holds open: older-history.ts.)
 */
export function historyFileFor(reviewFile: string): string {
  const base = reviewFile.endsWith(REVIEW_SUFFIX) ? reviewFile.slice(0, -REVIEW_SUFFIX.length) : reviewFile;
  return `${base}.history.yjs`;
}

/** Where an earlier version of the app kept the history of the review whose history is `historyFile` (Automerge's). */
export function olderHistoryFileFor(historyFile: string): string {
  return historyFile.replace(/\.history\.yjs$/, '.history.automerge');
}

/**
 * Which file a path names now, as far as a later look can tell it from another: every write of a history replaces
 * its file (writeFileDurably), so a new inode, and a new size or time; none when there is no file.
 */
export async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    return identityOf(await stat(path, { bigint: true }));
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function identityOf({ ino, size, mtimeNs }: BigIntStats): string {
  return `${ino}:${size}:${mtimeNs}`;
}

/** A file's bytes and the identity of the very file they were read from. */
export async function readWithIdentity(path: string): Promise<{ bytes: Uint8Array; identity: string } | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isNodeError(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    const identity = identityOf(await handle.stat({ bigint: true }));
    return { bytes: await handle.readFile(), identity };
  } finally {
    await handle.close();
  }
}

/**
 * A history's files without the engine: what the app does with a history that the merge's own process made
 * (merge-in-process.ts), as bytes.
 */
export class HistoryFiles {
  constructor(readonly file: string) {}

  async save(bytes: Uint8Array): Promise<void> {
    await writeFileDurably(this.file, bytes);
  }

  /**
   * Writes `bytes` beside the history as a merge's result, to become the history once the review file holds what
   * it says (`commit`); `abandon` drops it.
   */
  async stage(bytes: Uint8Array): Promise<void> {
    await writeFileDurably(pendingFileFor(this.file), bytes);
  }

  async commit(): Promise<void> {
    await rename(pendingFileFor(this.file), this.file);
    await syncFolder(dirname(this.file));
  }

  async abandon(): Promise<void> {
    await unlink(pendingFileFor(this.file)).catch(() => undefined);
  }
}

export function pendingFileFor(historyFile: string): string {
  return `${historyFile}.next`;
}
