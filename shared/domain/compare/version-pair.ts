import type { VersionComparison } from '../../api';
import { compareVersions, type BlockComparison } from '../../compare';
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

const comparisons = new WeakMap<Version, WeakMap<Version, BlockComparison>>();

/**
 * Two versions compared by the one comparison the app has (shared/compare), once per pair of version objects. A
 * version's content never changes once imported, and a review's store keeps a version it did not change the same
 * object, so opening the Compare area (the comparison, then the criteria its changes touch) or a report compares
 * the pair once. Callers read the comparison and never change it.
 */
export function comparePair(from: Version, to: Version): BlockComparison {
  let byNewer = comparisons.get(from);
  if (!byNewer) comparisons.set(from, (byNewer = new WeakMap()));
  let comparison = byNewer.get(to);
  if (!comparison) byNewer.set(to, (comparison = compareVersions(from, to)));
  return comparison;
}

/** Two versions of a review compared block by block. */
export function compareReviewVersions(review: Review, fromVersionId: string, toVersionId: string): VersionComparison {
  const { from, to } = versionPair(review, fromVersionId, toVersionId);
  const { counts, blocks } = comparePair(from, to);
  return { fromVersionId: from.id, toVersionId: to.id, counts, blocks };
}
