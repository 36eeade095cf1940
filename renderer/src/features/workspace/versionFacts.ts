import type { Version } from '../../../../shared/model';
import { formatCalendarDate } from '../../ui/format';

const MEDIA_TYPE_NAMES: Record<string, string> = {
  'text/plain': 'Plain text',
  'text/markdown': 'Markdown',
  'text/html': 'Web page (HTML)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/pdf': 'PDF',
};

/** What kind of file a version came from, in words. */
export function mediaTypeName(mediaType: string): string {
  return MEDIA_TYPE_NAMES[mediaType] ?? mediaType;
}

/** How a version is named in the switcher: its label, and its effective date when it has one. */
export function versionOptionText(version: Pick<Version, 'label' | 'effectiveDate'>): string {
  return version.effectiveDate
    ? `${version.label} — effective ${formatCalendarDate(version.effectiveDate)}`
    : version.label;
}

/** The first characters of a fingerprint, enough to tell versions apart at a glance. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Live versions in the review's order (oldest policy first, by convention). */
export function liveVersions(versions: readonly Version[]): Version[] {
  return versions.filter((version) => !version.deletedAt);
}
