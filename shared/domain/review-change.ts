import type { Review } from '../model';

/**
 * A writing operation on a review that may find nothing to change: `apply` changes the review in place and gives
 * the answer; `answerIfUnchanged`, when it gives an answer, means there is nothing to change, so the services'
 * door (electron/services/api/mutate-review.ts) answers without writing the file.
 */
export interface ReviewChange<T> {
  /**
   * `asItWas`, when given, is the review as it was before this change (plain objects, never changed), for reading
   * what the change does not write where `review` is a copy being written that is dearer to read.
   */
  apply(review: Review, asItWas?: Review): T;
  answerIfUnchanged(review: Review): T | undefined;
}
