import type { VersionComparison } from '../../api';
import { compareVersions } from '../../compare';
import type { Review, Version } from '../../model';
import { liveVersion } from '../versions/version-summary';

/** The two live versions a comparison or a carry is about: `from` the older, `to` the newer, as the person chose. */
export function versionPair(
  review: Review,
  fromVersionId: string,
  toVersionId: string,
): { from: Version; to: Version } {
  return { from: liveVersion(review, fromVersionId), to: liveVersion(review, toVersionId) };
}

/** Two versions of a review compared block by block, by the one comparison the app has (shared/compare). */
export function compareReviewVersions(review: Review, fromVersionId: string, toVersionId: string): VersionComparison {
  const { from, to } = versionPair(review, fromVersionId, toVersionId);
  const { counts, blocks } = compareVersions(from, to);
  return { fromVersionId: from.id, toVersionId: to.id, counts, blocks };
}
