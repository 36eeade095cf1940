import { markBidiControls } from '../document';
import { VERDICTS, type Verdict } from '../model';
import {
  ANCHOR_STATE_DESCRIPTIONS,
  ANCHOR_STATE_LABELS,
  ANNOTATION_STATUS_LABELS,
  KAPPA_MISSING,
  kappaLabel,
  shareLabel,
  VERDICT_LABELS,
} from '../vocabulary';
import type { ReportAnnotation, ReportCriterionVotes, ReportModel, ReportVotes, VerdictCounts } from './model';

/** The verdict tables' columns: the verdicts given, then the criteria not yet reviewed. */
export const VERDICT_COLUMNS: readonly Verdict[] = [...VERDICTS.filter((v) => v !== 'unreviewed'), 'unreviewed'];

/** "12 met, 3 partly met, 1 not met and 2 not applicable; 4 not yet reviewed": the summary's count of verdicts. */
export function verdictCountWords(counts: VerdictCounts): string {
  const said = (v: Verdict) => `${counts[v]} ${VERDICT_LABELS[v].toLowerCase()}`;
  return `${said('met')}, ${said('partial')}, ${said('not-met')} and ${said('not-applicable')}; ${said('unreviewed')}`;
}

/** An annotation's state as the report prints it: "Open, text changed (the words changed a little), carried from an earlier version". */
export function annotationStateWords(a: Pick<ReportAnnotation, 'status' | 'anchorState' | 'carried'>): string {
  const anchor =
    a.anchorState === 'anchored'
      ? ''
      : `${ANCHOR_STATE_LABELS[a.anchorState].toLowerCase()} (${ANCHOR_STATE_DESCRIPTIONS[a.anchorState]})`;
  return [ANNOTATION_STATUS_LABELS[a.status], anchor, a.carried ? 'carried from an earlier version' : '']
    .filter(Boolean)
    .join(', ');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

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

/** What the report says of the members' votes before the table, the same in every rendering. */
export function votesIntro(votes: ReportVotes | undefined): string[] {
  if (!votes?.criteria.length) return ['No member has recorded a vote on this version.'];
  const voted = votes.criteria.length;
  const dissent = votes.dissentingVotes;
  const byCategory = votes.categories.map(
    (c) => `${c.label} ${kappaLabel(c.kappa)} (${criteriaWord(c.criteriaCompared)})`,
  );
  return [
    `Each member’s own vote on the ${criteriaWord(voted)} voted on, beside the committee’s verdict. ${
      dissent === 0
        ? 'No vote differs from the committee’s verdict.'
        : `${dissent} vote${dissent === 1 ? ' differs' : 's differ'} from the committee’s verdict, marked “dissent”.`
    }`,
    `Agreement among members (Fleiss’ kappa, over the criteria with two votes or ` +
      `more): ${kappaLabel(votes.overall.kappa)} overall (${criteriaWord(votes.overall.criteriaCompared)})${
        byCategory.length ? `; by category: ${byCategory.join(', ')}` : ''
      }.${votes.overall.kappa === undefined ? ` ${KAPPA_MISSING}` : ''}`,
  ];
}

/** "2 of 3 agree (67 %)". */
export function agreementWords(c: Pick<ReportCriterionVotes, 'voters' | 'agreeing' | 'share'>): string {
  return c.voters === 1 ? '1 vote' : `${c.agreeing} of ${c.voters} agree (${shareLabel(c.share)})`;
}

function criteriaWord(n: number): string {
  return `${n} criteri${n === 1 ? 'on' : 'a'}`;
}
