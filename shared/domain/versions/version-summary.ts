import type { VersionSummary } from '../../api';
import { AppError } from '../../errors';
import type { Review, Version } from '../../model';

export function summarizeVersion(version: Version): VersionSummary {
  const summary: VersionSummary = {
    id: version.id,
    label: version.label,
    importedAt: version.importedAt,
    importedBy: version.importedBy,
    source: version.source,
    blocks: version.blocks.length,
    chars: version.text.length,
    warnings: version.warnings,
  };
  if (version.effectiveDate) summary.effectiveDate = version.effectiveDate;
  return summary;
}

export function liveVersions(review: Review): Version[] {
  return review.versions.filter((v) => !v.deletedAt);
}

export function liveVersion(review: Review, versionId: string): Version {
  const version = review.versions.find((v) => v.id === versionId && !v.deletedAt);
  if (!version) throw new AppError('E_NOT_FOUND', 'That version is not in this review any more.');
  return version;
}
