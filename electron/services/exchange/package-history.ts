import { reviewIdOf } from '../../../shared/domain/merge/conflicts';
import {
  formatsOf,
  READABLE_REVIEW_FORMATS,
  type MergeableReview,
} from '../../../shared/domain/merge/mergeable-review';
import { historyChunks, loadHistory, type HistoryChunk } from './history-format';
import { refusalFor, type PackageHistory } from './review-package';

// A package's history in the engine: loaded and checked where the engine runs (merge-process.ts), never in the app's
// process, which reads and writes packages as bytes (review-package.ts).

/** What every format of the review's history starts with: one that differs only after it is a newer one. */
const FORMAT_FAMILY = 'policy-review/review-document@';

/** The package's history in the engine, refused in the package's words when it is damaged or another review's. */
export function loadPackageHistory({ bytes, fileName, reviewId }: PackageHistory): MergeableReview {
  let history: MergeableReview;
  try {
    history = loadHistory(bytes);
  } catch {
    throw refusalFor(fileName)('E_INVALID_INPUT', 'its history.yjs is damaged');
  }
  checkHistoryFormat(history, fileName);
  if (reviewIdOf(history) !== reviewId)
    throw refusalFor(fileName)('E_INVALID_INPUT', 'its history.yjs is not the history of the review it holds');
  return history;
}

/** The package's history as its chunks, refused in the package's words when they cannot be read. */
export function packageHistoryChunks({ bytes, fileName }: PackageHistory): HistoryChunk[] {
  try {
    return historyChunks(bytes);
  } catch {
    throw refusalFor(fileName)('E_INVALID_INPUT', 'its history.yjs is damaged');
  }
}

/**
 * Refuses a history (the package's own, or this laptop's once the package's changes are in it) whose format this
 * app does not read, in the package's words: a newer one says to update the app.
 */
export function checkHistoryFormat(history: MergeableReview, fileName: string): void {
  // Every value two laptops wrote apart (both moving a history on, say).
  const formats = formatsOf(history);
  const newer = formats.find((format) => format.startsWith(FORMAT_FAMILY) && !READABLE_REVIEW_FORMATS.includes(format));
  if (newer !== undefined)
    throw refusalFor(fileName)(
      'E_UNSUPPORTED',
      `its history.yjs is of a newer format (${newer.slice(FORMAT_FAMILY.length)}) than this app reads; update Policy Review Workstation to open it`,
    );
  if (!formats.length || !formats.every((format) => READABLE_REVIEW_FORMATS.includes(format)))
    throw refusalFor(fileName)('E_INVALID_INPUT', 'its history.yjs is not the history of the review it holds');
}
