import { readReviewFile } from '../../../electron/services/storage/review-store';
import { reviewFilePath } from './screens';

/**
 * The review as saved on disk, read as any reader reads it: its file with the changes its journal holds since the
 * file was last written whole (while the review is open, changes go to the journal).
 */
export async function savedReview<T>(dataDir: string, reviewId: string): Promise<T> {
  const read = await readReviewFile(reviewFilePath(dataDir, reviewId));
  if (read.kind !== 'read') throw new Error(`the review file is ${read.kind}`);
  return JSON.parse(read.bytes.toString('utf8')) as T;
}
