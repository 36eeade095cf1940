import { readReviewFile } from '../../../electron/services/storage/review-store';

/**
 * The review as a reader finds it on disk: the review file with the changes its journal holds since the file was
 * last written whole (while a review is open, each change is appended to its journal).
 */
export async function reviewTextOnDisk(file: string): Promise<string> {
  const read = await readReviewFile(file);
  if (read.kind !== 'read') throw new Error(`the review file is ${read.kind}`);
  return read.bytes.toString('utf8');
}
