import { markBidiControls } from '../document';
import type { AnchorState, AnnotationStatus, CommitteeRole, Severity, Verdict } from '../model';
import type { ChangeCounts, ReportModel } from './model';

/** Words the report prints for the model's values: one place, so every rendering says the same thing. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  unreviewed: 'Not yet reviewed',
  met: 'Met',
  partial: 'Partly met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

/** Short column heads for the verdict tables. */
export const VERDICT_SHORT: Record<Verdict, string> = {
  met: 'Met',
  partial: 'Partly',
  'not-met': 'Not met',
  'not-applicable': 'N/A',
  unreviewed: 'Open',
};

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Info' };

export const STATUS_LABEL: Record<AnnotationStatus, string> = { open: 'Open', resolved: 'Resolved', wontfix: 'Will not fix' };

export const ANCHOR_LABEL: Record<AnchorState, string> = {
  anchored: 'in place',
  moved: 'text moved',
  fuzzy: 'text changed, found approximately',
  orphaned: 'text no longer found',
};

export const ROLE_LABEL: Record<CommitteeRole, string> = {
  chair: 'Chair',
  secretary: 'Secretary',
  member: 'Member',
  legal: 'Legal',
  privacy: 'Privacy',
  stakeholder: 'Stakeholder',
  observer: 'Observer',
};

export const CHANGE_LABEL: Record<keyof ChangeCounts, string> = {
  unchanged: 'Unchanged',
  changed: 'Changed',
  added: 'Added',
  removed: 'Removed',
  moved: 'Moved',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "12 March 2025" for a date or timestamp (the calendar date in UTC for timestamps). */
export function formatDate(iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : new Date(iso).toISOString().slice(0, 10);
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year}`;
}

/** "12 March 2025, 14:05 UTC": the same in every time zone, as a signed document must be. */
export function formatDateTime(iso: string): string {
  const stamp = new Date(iso).toISOString();
  return `${formatDate(stamp)}, ${stamp.slice(11, 16)} UTC`;
}

/** "1.2 MB", "830 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A long quote cut at a word boundary near `max` characters, with an ellipsis; the JSON report keeps it whole. */
export function shortQuote(text: string, max = 480): string {
  const flat = markBidiControls(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** "Ana Diaz (Legal)". */
export function personLabel(person: { name: string; role?: CommitteeRole | undefined }): string {
  return person.role ? `${person.name} (${ROLE_LABEL[person.role]})` : person.name;
}

/** Unchanged words around an edit: enough to place it, not the whole paragraph. */
export function shortenContext(text: string, first: boolean, last: boolean, keep = 60): string {
  if (text.length <= keep * 2 + 10) return text;
  const head = first ? '' : text.slice(0, keep).replace(/\s+\S*$/, '');
  const tail = last ? '' : text.slice(-keep).replace(/^\S*\s+/, '');
  return `${head}${first ? '… ' : ' … '}${tail}`.replace(/^ … $/, ' … ');
}

/** Why a report has no change summary. */
export function nothingToCompare(model: Pick<ReportModel, 'versions'>): string {
  if (model.versions.length === 0) return 'No version has been imported, so there is nothing to compare.';
  if (model.versions.length === 1) return 'There is only one version, so there is nothing to compare.';
  return 'The version reviewed is the first one, so there is nothing to compare it with.';
}
