import { AppError } from '../../errors';
import type { Author, Review } from '../../model';
import { recordAudit } from '../reviews/audit';
import { liveVersion, liveVersions } from './version-summary';
import type { Clock } from '../clock';

export interface VersionChanges {
  label?: string | undefined;
  effectiveDate?: string | null | undefined;
}

export function updateVersion(
  review: Review,
  versionId: string,
  changes: VersionChanges,
  actor: Author,
  clock: Clock,
): void {
  const version = liveVersion(review, versionId);
  const said: string[] = [];
  if (changes.label !== undefined && changes.label !== version.label) {
    said.push(`label “${version.label}” → “${changes.label}”`);
    version.label = changes.label;
  }
  if (changes.effectiveDate !== undefined && changes.effectiveDate !== (version.effectiveDate ?? null)) {
    said.push(`effective date ${version.effectiveDate ?? 'none'} → ${changes.effectiveDate ?? 'none'}`);
    if (changes.effectiveDate === null) delete version.effectiveDate;
    else version.effectiveDate = changes.effectiveDate;
  }
  if (said.length)
    recordAudit(
      review,
      actor,
      clock,
      'versions.update',
      `Changed version “${version.label}”: ${said.join('; ')}.`,
      version.id,
    );
}

/**
 * Removes a version from the review, leaving a tombstone; its annotations go with it, each with a tombstone of
 * its own, so a merge with an offline copy does not bring them back. Returns how many annotations went.
 */
export function deleteVersion(review: Review, versionId: string, actor: Author, clock: Clock): number {
  const version = liveVersion(review, versionId);
  const now = clock.now();
  version.deletedAt = now;
  let removed = 0;
  for (const annotation of review.annotations) {
    if (annotation.versionId === versionId && !annotation.deletedAt) {
      annotation.deletedAt = now;
      annotation.updatedAt = now;
      removed++;
    }
  }
  const summary = `Deleted version “${version.label}” and its ${removed} annotation${removed === 1 ? '' : 's'}.`;
  recordAudit(review, actor, clock, 'versions.delete', summary, version.id);
  return removed;
}

/** Puts the live versions in the given order (oldest policy first, by convention); tombstones keep their place at the end. */
export function reorderVersions(review: Review, versionIds: string[], actor: Author, clock: Clock): void {
  const live = liveVersions(review);
  const wanted = new Set(versionIds);
  if (wanted.size !== versionIds.length || live.length !== versionIds.length || live.some((v) => !wanted.has(v.id))) {
    throw new AppError(
      'E_INVALID_INPUT',
      'The new order must list every version of the review exactly once. Reload the review and try again.',
    );
  }
  const byId = new Map(live.map((v) => [v.id, v]));
  const ordered = versionIds.map((id) => byId.get(id)!);
  review.versions = [...ordered, ...review.versions.filter((v) => v.deletedAt)];
  recordAudit(
    review,
    actor,
    clock,
    'versions.reorder',
    `Reordered the versions: ${ordered.map((v) => v.label).join(', ')}.`,
  );
}
