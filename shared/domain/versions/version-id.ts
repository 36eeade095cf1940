import { reviewRecordId } from '../../model/name-based-id';
import type { Review } from '../../model';
import type { Clock } from '../clock';

/**
 * The id of a version imported into a review, from its source's SHA-256: the same bytes imported on two laptops
 * make one version when their copies are merged. Importing the same bytes again into one review stays allowed and
 * makes another version: that one (as any after it, or after a deleted one that keeps the id) takes a fresh id.
 */
export function importedVersionId(review: Review, sourceSha256: string, clock: Clock): string {
  const id = reviewRecordId(review.id, 'version', sourceSha256);
  return review.versions.some((v) => v.id === id) ? clock.newId() : id;
}
