import { CATEGORY_INFO } from '../checklist';
import {
  CATEGORIES,
  isReviewed,
  SEVERITIES,
  VERDICTS,
  type ActionStatus,
  type AnchorState,
  type Annotation,
  type AnnotationStatus,
  type Author,
  type Category,
  type CommitteeRole,
  type Criterion,
  type Review,
  type Severity,
  type Verdict,
  type Version,
  type VoteVerdict,
} from '../model';
import { richTextToPlainText } from '../rich-text';
import { versionVotes } from '../domain/votes/version-votes';

/** The name and version of the report format, written into every JSON report. */
export const REPORT_FORMAT = 'policy-review-report';
export const REPORT_FORMAT_VERSION = 1;

export type VerdictCounts = Record<Verdict, number>;
export type SeverityCounts = Record<Severity, number>;

/** How blocks changed from one version to the next, as the comparison counts them. */
export interface ChangeCounts {
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
  moved: number;
}

/** A changed block: its text before and after, and for an edited block the word diff (`parts`) between them. */
export interface ChangedPassage {
  kind: 'changed' | 'added' | 'removed' | 'moved';
  before?: string;
  after?: string;
  parts?: { kind: 'equal' | 'removed' | 'added'; text: string }[];
}

/** What the comparison of two versions tells the report: counts, the criteria the changes touch, a few passages. */
export interface VersionChangeSummary {
  counts: ChangeCounts;
  /** Criteria of annotations in changed blocks: the ones the committee should check again. */
  touchedCriterionIds: string[];
  /** Some changed passages, in document order, to show on paper. */
  passages?: ChangedPassage[];
}

/** The comparison of two versions of a review (the one in shared/compare), given to the report builder. */
export type CompareVersions = (review: Review, from: Version, to: Version) => VersionChangeSummary;

export interface ReportOptions {
  /** When the report is made (ISO timestamp); "overdue" is judged against its date. */
  generatedAt: string;
  generatedBy?: Author;
  /** The version the verdicts are for; by default the last version. */
  versionId?: string;
  compare?: CompareVersions;
  /** The app that made the report, e.g. "Policy Review Workstation 0.1.0". */
  generator?: string;
  /** Conflicts merging left between laptops that no one has resolved yet (see shared/domain/merge). */
  openConflicts?: ReportConflict[];
}

/** A field two laptops changed differently, still waiting for a person to keep one side: an open item. */
export interface ReportConflict {
  record: string;
  field: string;
  sides: { text: string; author?: string }[];
}

export interface ReportVersion {
  id: string;
  label: string;
  effectiveDate?: string;
  importedAt: string;
  importedBy: string;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  /** The version this report's verdicts are for. */
  reported: boolean;
}

export interface ReportMember {
  name: string;
  role: CommitteeRole;
  email?: string;
}

export interface ReportReply {
  author: Author;
  createdAt: string;
  /** Plain text: one line per paragraph, list items as `- item` or `1. item` indented by nesting. */
  comment: string;
}

export interface ReportAnnotation {
  /** 1, 2, 3 … in the order the annotations appear in the version's text: how the report refers to them. */
  number: number;
  id: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  severity: Severity;
  status: AnnotationStatus;
  anchorState: AnchorState;
  /** Carried forward from an annotation on an earlier version. */
  carried: boolean;
  criterionIds: string[];
  /** Plain text: one line per paragraph, list items as `- item` or `1. item` indented by nesting. */
  comment: string;
  author: Author;
  createdAt: string;
  updatedAt: string;
  replies: ReportReply[];
}

export interface ReportAction {
  id: string;
  description: string;
  ownerName: string;
  ownerRole?: CommitteeRole;
  dueDate: string;
  status: ActionStatus;
  /** Open and due before the report's date. */
  overdue: boolean;
  criterionId: string;
  criterionTitle: string;
}

export interface ReportCriterion {
  id: string;
  category: Category;
  title: string;
  question: string;
  reference?: string;
  verdict: Verdict;
  rationale: string;
  assessedBy?: Author;
  assessedAt?: string;
  /** Numbers of the annotations the verdict cites as its support. */
  supportingAnnotations: number[];
  /** Numbers of every annotation on this criterion (supporting ones first, then in text order). */
  annotations: number[];
  actions: ReportAction[];
}

/** One member's own vote on a criterion, with their rationale; `dissents` when it differs from the committee's verdict. */
export interface ReportVote {
  voterName: string;
  voterRole?: CommitteeRole;
  verdict: VoteVerdict;
  rationale: string;
  votedAt: string;
  dissents: boolean;
}

/** The members' votes on one criterion beside the committee's verdict, and how many agree. */
export interface ReportCriterionVotes {
  criterionId: string;
  title: string;
  category: Category;
  committeeVerdict: Verdict;
  votes: ReportVote[];
  voters: number;
  /** How many voters are on the most voted verdict, and their share of the voters. */
  agreeing: number;
  share: number;
  mostVoted: VoteVerdict[];
}

/** Fleiss' kappa over some criteria; absent when it cannot be computed. */
export interface ReportKappa {
  criteriaCompared: number;
  kappa?: number;
}

/** The members' votes on the reported version: the criteria voted on, in checklist order, and the agreement. */
export interface ReportVotes {
  criteria: ReportCriterionVotes[];
  categories: (ReportKappa & { category: Category; label: string })[];
  overall: ReportKappa;
  /** How many votes differ from the committee's verdict. */
  dissentingVotes: number;
}

export interface ReportCategory {
  category: Category;
  label: string;
  description: string;
  verdicts: VerdictCounts;
  criteria: ReportCriterion[];
}

export interface ReportChanges {
  from: { id: string; label: string };
  to: { id: string; label: string };
  /** False when no comparison was available to the builder. */
  available: boolean;
  counts?: ChangeCounts;
  touchedCriteria: { id: string; title: string; category: Category }[];
  passages: ChangedPassage[];
}

export interface ReportSignOff {
  signer: Author;
  meaning: string;
  reportFile: string;
  reportSha256: string;
  signedAt: string;
}

export interface ReportModel {
  format: typeof REPORT_FORMAT;
  formatVersion: typeof REPORT_FORMAT_VERSION;
  generatedAt: string;
  generatedBy?: Author;
  generator?: string;
  review: { id: string; title: string; createdAt: string; updatedAt: string; checklist: string };
  /** Every version of the policy, oldest first; `reported` marks the one the verdicts are for. */
  versions: ReportVersion[];
  reportedVersion?: ReportVersion;
  committee: ReportMember[];
  summary: {
    criteria: number;
    reviewed: number;
    verdicts: VerdictCounts;
    openAnnotations: SeverityCounts;
    /** Open critical and major annotations, most severe first. */
    seriousOpenAnnotations: number[];
    openActions: number;
    overdueActions: number;
    /** Annotations carried from an earlier version whose new place (moved or fuzzy) nobody has confirmed yet. */
    unconfirmedAnnotations: number;
    /** Conflicts between laptops' copies not resolved yet. */
    unresolvedConflicts: number;
  };
  categories: ReportCategory[];
  /** Every annotation on the reported version, by number. */
  annotations: ReportAnnotation[];
  /** The change between the reported version and the one before it, if there is one. */
  changes?: ReportChanges;
  /** Each member's vote on the reported version, and their agreement; present when there is a reported version. */
  votes?: ReportVotes;
  /** Open actions, soonest due first. */
  actionPlan: ReportAction[];
  openItems: {
    unreviewedCriteria: { id: string; title: string; category: Category }[];
    /** Numbers of open annotations, most severe first. */
    openAnnotations: number[];
    /** Numbers of carried annotations still waiting for a person to confirm where they now point. */
    unconfirmedAnnotations: number[];
    /** Fields two laptops changed differently, both values kept until a person decides. */
    unresolvedConflicts: ReportConflict[];
  };
  signOffs: ReportSignOff[];
}

/**
 * The one report model: everything the report says, taken from the review, in the order it is printed. HTML,
 * Markdown and the JSON report are renderings of it; nothing a rendering prints is computed anywhere else.
 */
export function buildReportModel(review: Review, options: ReportOptions): ReportModel {
  const today = options.generatedAt.slice(0, 10);
  const versions = review.versions.filter((v) => !v.deletedAt);
  const reported = options.versionId ? versions.find((v) => v.id === options.versionId) : versions.at(-1);
  if (options.versionId && !reported) throw new RangeError(`version ${options.versionId} is not in the review`);
  const criteria = review.checklist.criteria.filter((c) => !c.deletedAt);
  const criterionById = new Map(criteria.map((c) => [c.id, c]));
  const members = new Map(review.committee.map((m) => [m.id, m]));

  const annotations = reported
    ? numberAnnotations(review.annotations.filter((a) => !a.deletedAt && a.versionId === reported.id))
    : [];
  const numberOf = new Map(annotations.map((a) => [a.id, a.number]));
  const assessments = new Map(
    review.assessments.filter((a) => a.versionId === reported?.id).map((a) => [a.criterionId, a]),
  );

  const toAction =
    (criterion: Criterion) =>
    (action: {
      id: string;
      description: string;
      ownerId: string;
      dueDate: string;
      status: ActionStatus;
    }): ReportAction => {
      const owner = members.get(action.ownerId);
      const entry: ReportAction = {
        id: action.id,
        description: action.description,
        ownerName: owner?.name ?? 'Former committee member',
        dueDate: action.dueDate,
        status: action.status,
        overdue: action.status === 'open' && action.dueDate < today,
        criterionId: criterion.id,
        criterionTitle: criterion.title,
      };
      if (owner) entry.ownerRole = owner.role;
      return entry;
    };

  const reportCriteria = criteria.map((criterion): ReportCriterion => {
    const assessment = assessments.get(criterion.id);
    const supporting = (assessment?.annotationIds ?? [])
      .map((id) => numberOf.get(id))
      .filter((n): n is number => n !== undefined);
    const tagged = annotations.filter((a) => a.criterionIds.includes(criterion.id)).map((a) => a.number);
    const entry: ReportCriterion = {
      id: criterion.id,
      category: criterion.category,
      title: criterion.title,
      question: criterion.question,
      verdict: assessment?.verdict ?? 'unreviewed',
      rationale: assessment?.rationale ?? '',
      supportingAnnotations: [...new Set(supporting)],
      annotations: [...new Set([...supporting, ...tagged])],
      actions: (assessment?.actions ?? []).filter((a) => !a.deletedAt).map(toAction(criterion)),
    };
    if (criterion.reference) entry.reference = criterion.reference;
    if (assessment && isReviewed(assessment.verdict)) {
      entry.assessedBy = assessment.author;
      entry.assessedAt = assessment.updatedAt;
    }
    return entry;
  });

  const categories = CATEGORIES.map((category): ReportCategory => {
    const info = CATEGORY_INFO.find((c) => c.id === category);
    const inCategory = reportCriteria.filter((c) => c.category === category);
    return {
      category,
      label: info?.label ?? category,
      description: info?.description ?? '',
      verdicts: countVerdicts(inCategory),
      criteria: inCategory,
    };
  }).filter((c) => c.criteria.length > 0);

  const open = annotations.filter((a) => a.status === 'open').sort(bySeverityThenNumber);
  const unconfirmed = annotations
    .filter((a) => a.anchorState === 'moved' || a.anchorState === 'fuzzy')
    .map((a) => a.number);
  const allActions = reportCriteria.flatMap((c) => c.actions);
  const actionPlan = allActions
    .filter((a) => a.status === 'open')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.criterionTitle.localeCompare(b.criterionTitle));
  const reportVersions = versions.map((v) => describeVersion(v, v.id === reported?.id));

  const model: ReportModel = {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    generatedAt: options.generatedAt,
    review: {
      id: review.id,
      title: review.title,
      createdAt: review.createdAt,
      updatedAt: review.updatedAt,
      checklist: review.checklist.basedOn,
    },
    versions: reportVersions,
    committee: review.committee
      .filter((m) => !m.deletedAt)
      .map(({ name, role, email }) => (email ? { name, role, email } : { name, role })),
    summary: {
      criteria: reportCriteria.length,
      reviewed: reportCriteria.filter((c) => isReviewed(c.verdict)).length,
      verdicts: countVerdicts(reportCriteria),
      openAnnotations: Object.fromEntries(
        SEVERITIES.map((s) => [s, open.filter((a) => a.severity === s).length]),
      ) as SeverityCounts,
      seriousOpenAnnotations: open
        .filter((a) => a.severity === 'critical' || a.severity === 'major')
        .map((a) => a.number),
      openActions: actionPlan.length,
      overdueActions: actionPlan.filter((a) => a.overdue).length,
      unconfirmedAnnotations: unconfirmed.length,
      unresolvedConflicts: options.openConflicts?.length ?? 0,
    },
    categories,
    annotations,
    actionPlan,
    openItems: {
      unreviewedCriteria: reportCriteria
        .filter((c) => c.verdict === 'unreviewed')
        .map(({ id, title, category }) => ({ id, title, category })),
      openAnnotations: open.map((a) => a.number),
      unconfirmedAnnotations: unconfirmed,
      unresolvedConflicts: options.openConflicts ?? [],
    },
    signOffs: [...review.signoffs]
      .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
      .map(({ signer, meaning, reportFile, reportSha256, signedAt }) => ({
        signer,
        meaning,
        reportFile,
        reportSha256,
        signedAt,
      })),
  };
  const reportedVersion = reportVersions.find((v) => v.reported);
  if (reportedVersion) model.reportedVersion = reportedVersion;
  if (reported) model.votes = describeVotes(review, reported);
  if (options.generatedBy) model.generatedBy = options.generatedBy;
  if (options.generator) model.generator = options.generator;
  const previous = reported ? versions[versions.indexOf(reported) - 1] : undefined;
  if (reported && previous) model.changes = describeChanges(review, previous, reported, criterionById, options.compare);
  return model;
}

function describeVotes(review: Review, version: Version): ReportVotes {
  const votes = versionVotes(review, version.id);
  const criteria = votes.criteria
    .filter((c) => c.voters > 0)
    .map((c): ReportCriterionVotes => ({
      criterionId: c.criterionId,
      title: c.title,
      category: c.category,
      committeeVerdict: c.committeeVerdict,
      votes: c.votes.map((v) => {
        const vote: ReportVote = {
          voterName: v.voterName,
          verdict: v.verdict,
          rationale: v.rationale,
          votedAt: v.updatedAt,
          dissents: v.dissents,
        };
        if (v.voterRole) vote.voterRole = v.voterRole;
        return vote;
      }),
      voters: c.voters,
      agreeing: c.counts[c.mostVoted[0]!],
      share: c.share ?? 0,
      mostVoted: c.mostVoted,
    }));
  const kappa = ({ criteriaCompared, kappa }: { criteriaCompared: number; kappa?: number | undefined }) =>
    kappa === undefined ? { criteriaCompared } : { criteriaCompared, kappa };
  return {
    criteria,
    categories: votes.categories
      .filter((c) => c.criteriaCompared > 0)
      .map((c) => ({
        category: c.category,
        label: CATEGORY_INFO.find((info) => info.id === c.category)?.label ?? c.category,
        ...kappa(c),
      })),
    overall: kappa(votes.overall),
    dissentingVotes: criteria.reduce((n, c) => n + c.votes.filter((v) => v.dissents).length, 0),
  };
}

function describeVersion(version: Version, reported: boolean): ReportVersion {
  const entry: ReportVersion = {
    id: version.id,
    label: version.label,
    importedAt: version.importedAt,
    importedBy: version.importedBy.name,
    fileName: version.source.fileName,
    mediaType: version.source.mediaType,
    bytes: version.source.bytes,
    sha256: version.source.sha256,
    reported,
  };
  if (version.effectiveDate) entry.effectiveDate = version.effectiveDate;
  return entry;
}

function numberAnnotations(annotations: Annotation[]): ReportAnnotation[] {
  const ordered = [...annotations].sort(
    (a, b) =>
      a.target.selector[1].start - b.target.selector[1].start ||
      a.target.selector[1].end - b.target.selector[1].end ||
      a.createdAt.localeCompare(b.createdAt),
  );
  return ordered.map((a, index) => {
    const [quote, position] = a.target.selector;
    return {
      number: index + 1,
      id: a.id,
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      severity: a.severity,
      status: a.status,
      anchorState: a.anchorState,
      carried: a.carriedFrom !== undefined,
      criterionIds: a.criterionIds,
      comment: richTextToPlainText(a.body),
      author: a.author,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      replies: a.replies
        .filter((r) => !r.deletedAt)
        .map((r) => ({ author: r.author, createdAt: r.createdAt, comment: richTextToPlainText(r.body) })),
    };
  });
}

function describeChanges(
  review: Review,
  from: Version,
  to: Version,
  criteria: Map<string, Criterion>,
  compare: CompareVersions | undefined,
): ReportChanges {
  const changes: ReportChanges = {
    from: { id: from.id, label: from.label },
    to: { id: to.id, label: to.label },
    available: false,
    touchedCriteria: [],
    passages: [],
  };
  if (!compare) return changes;
  const summary = compare(review, from, to);
  changes.available = true;
  changes.counts = summary.counts;
  changes.touchedCriteria = summary.touchedCriterionIds
    .map((id) => criteria.get(id))
    .filter((c): c is Criterion => c !== undefined)
    .map(({ id, title, category }) => ({ id, title, category }));
  changes.passages = summary.passages ?? [];
  return changes;
}

function countVerdicts(criteria: readonly { verdict: Verdict }[]): VerdictCounts {
  return Object.fromEntries(VERDICTS.map((v) => [v, criteria.filter((c) => c.verdict === v).length])) as VerdictCounts;
}

/** Most severe first. */
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, -rank])) as Record<
  Severity,
  number
>;

function bySeverityThenNumber(a: ReportAnnotation, b: ReportAnnotation): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.number - b.number;
}
