import * as Automerge from '@automerge/automerge';
import {
  READABLE_REVIEW_FORMATS,
  storedText,
  type MergeableReview,
} from '../../../shared/domain/merge/mergeable-review';
import { refusalFor, type PackageHistory } from './review-package';

// A package's history in the engine: loaded and checked where the engine runs (merge-process.ts), never in the app's
// process, which reads and writes packages as bytes (review-package.ts).

/** What every format of the review's history starts with: one that differs only after it is a newer one. */
const FORMAT_FAMILY = 'policy-review/review-document@';

/** The package's history in the engine, refused in the package's words when it is damaged or another review's. */
export function loadPackageHistory({ bytes, fileName, reviewId, actor }: PackageHistory): MergeableReview {
  let history: MergeableReview;
  try {
    history = Automerge.load<MergeableReview>(bytes, { actor });
  } catch {
    throw refusalFor(fileName)('E_INVALID_INPUT', 'its history.automerge is damaged');
  }
  checkHistoryFormat(history, fileName);
  const id = (history as { header?: Record<string, { val?: unknown } | undefined> }).header?.['id']?.val;
  if (id !== JSON.stringify(reviewId))
    throw refusalFor(fileName)('E_INVALID_INPUT', 'its history.automerge is not the history of the review it holds');
  return history;
}

/**
 * Refuses a history (the package's own, or this laptop's once the package's changes are in it) whose format this
 * app does not read, in the package's words: a newer one says to update the app.
 */
export function checkHistoryFormat(history: MergeableReview, fileName: string): void {
  const shown = (history as { format?: unknown }).format;
  // Every value two laptops wrote concurrently (both upgrading a history, say), as storedText reads either form.
  const sides = shown === undefined ? [] : [shown, ...Object.values(Automerge.getConflicts(history, 'format') ?? {})];
  const formats = sides.map(storedText);
  const newer = formats.find(
    (format) =>
      typeof format === 'string' && format.startsWith(FORMAT_FAMILY) && !READABLE_REVIEW_FORMATS.includes(format),
  );
  if (typeof newer === 'string')
    throw refusalFor(fileName)(
      'E_UNSUPPORTED',
      `its history.automerge is of a newer format (${newer.slice(FORMAT_FAMILY.length)}) than this app reads; update Policy Review Workstation to open it`,
    );
  if (!formats.length || !formats.every((format) => READABLE_REVIEW_FORMATS.includes(String(format))))
    throw refusalFor(fileName)('E_INVALID_INPUT', 'its history.automerge is not the history of the review it holds');
}
