import { z } from 'zod';
import { CalendarDate, CriterionId, RecordId, Sha256Hex, Timestamp } from './ids';

/** The version of the review file format this build writes. Bump it only together with a migration. */
export const SCHEMA_VERSION = 2;

export const COMMITTEE_ROLES = ['chair', 'secretary', 'member', 'legal', 'privacy', 'stakeholder', 'observer'] as const;
export const CommitteeRole = z.enum(COMMITTEE_ROLES);
export type CommitteeRole = z.infer<typeof CommitteeRole>;

export const CATEGORIES = [
  'stakeholder',
  'legal',
  'privacy',
  'security',
  'conduct',
  'content',
  'accounts',
  'records',
  'governance',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

const PersonName = z.string().trim().min(1).max(200);
const Email = z.email().max(320);

/** Who did something: a snapshot, so the record stays meaningful after the committee changes. */
export const Author = z.object({
  name: PersonName,
  role: CommitteeRole.optional(),
  email: Email.optional(),
});
export type Author = z.infer<typeof Author>;

/** Tombstone: a deleted record keeps its id and the time it was deleted, so merges do not resurrect it. */
const Tombstone = { deletedAt: Timestamp.optional() };

export const Member = z.object({
  id: RecordId,
  name: PersonName,
  role: CommitteeRole,
  email: Email.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  ...Tombstone,
});
export type Member = z.infer<typeof Member>;

const BlockBase = {
  id: z.string().min(1).max(64),
  text: z.string(),
  /** 1-based page the block starts on, for paged sources (PDF). */
  page: z.int().min(1).optional(),
};

/** The normalized structure of an imported version. Imported markup is never kept or rendered raw. */
export const Block = z.discriminatedUnion('type', [
  z.object({ ...BlockBase, type: z.literal('heading'), level: z.int().min(1).max(6) }),
  z.object({ ...BlockBase, type: z.literal('paragraph') }),
  z.object({ ...BlockBase, type: z.literal('list-item'), depth: z.int().min(0).max(16), ordered: z.boolean() }),
  z.object({
    ...BlockBase,
    type: z.literal('table-cell'),
    table: z.int().min(0),
    row: z.int().min(0),
    column: z.int().min(0),
    header: z.boolean(),
  }),
  z.object({ ...BlockBase, type: z.literal('quote') }),
  z.object({ ...BlockBase, type: z.literal('code') }),
  z.object({ ...BlockBase, type: z.literal('note'), label: z.string().max(32) }),
]);
export type Block = z.infer<typeof Block>;

export const SourceFile = z.object({
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(128),
  sha256: Sha256Hex,
  bytes: z.int().min(0),
});

/**
 * An imported version. Its id is derived from the review and the source's SHA-256 (shared/domain/versions/
 * version-id.ts), so the same bytes imported on two laptops are one version when merged; a second import of the
 * same bytes into one review, and versions imported before, have random ids.
 */
export const Version = z.object({
  id: RecordId,
  label: z.string().trim().min(1).max(200),
  effectiveDate: CalendarDate.optional(),
  importedAt: Timestamp,
  importedBy: Author,
  source: SourceFile,
  blocks: z.array(Block),
  /** Canonical plain text: the blocks' text joined by a blank line. Annotation selectors point into it. */
  text: z.string(),
  warnings: z.array(z.string()).default([]),
  ...Tombstone,
});
export type Version = z.infer<typeof Version>;

export const Criterion = z.object({
  id: CriterionId,
  category: Category,
  title: z.string().trim().min(1).max(200),
  question: z.string().trim().min(1).max(1000),
  guidance: z.string().max(4000),
  reference: z.string().max(500).optional(),
  /** Where the criterion came from: the built-in checklist, a template file, or this review. */
  origin: z.enum(['built-in', 'template', 'custom']),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  ...Tombstone,
});
export type Criterion = z.infer<typeof Criterion>;

/** W3C Web Annotation TextQuoteSelector on a version's canonical text. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
/** W3C Web Annotation TextPositionSelector: offsets in UTF-16 code units of the version's text. */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.int().min(0),
    end: z.int().min(0),
  })
  .refine((s) => s.end > s.start, 'end must be after start');

export const AnnotationTarget = z.object({
  source: RecordId,
  selector: z.tuple([TextQuoteSelector, TextPositionSelector]),
});
export type AnnotationTarget = z.infer<typeof AnnotationTarget>;

/** A Lexical editor state as serialized by `editorState.toJSON()`. */
export const RichText = z.object({
  root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }),
});
export type RichText = z.infer<typeof RichText>;

/** Least to most severe: the order pickers, legends and rankings use. */
export const SEVERITIES = ['info', 'minor', 'major', 'critical'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/** An annotation's life: open until resolved or set aside. */
export const ANNOTATION_STATUSES = ['open', 'resolved', 'wontfix'] as const;
export const AnnotationStatus = z.enum(ANNOTATION_STATUSES);
export type AnnotationStatus = z.infer<typeof AnnotationStatus>;

/** How sure the place of a carried annotation is, from found as it was to not found at all. */
export const ANCHOR_STATES = ['anchored', 'moved', 'fuzzy', 'orphaned'] as const;
export const AnchorState = z.enum(ANCHOR_STATES);
export type AnchorState = z.infer<typeof AnchorState>;

export const Reply = z.object({
  id: RecordId,
  body: RichText,
  author: Author,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  ...Tombstone,
});

export const Annotation = z.object({
  id: RecordId,
  versionId: RecordId,
  target: AnnotationTarget,
  criterionIds: z.array(CriterionId),
  severity: Severity,
  status: AnnotationStatus,
  body: RichText,
  author: Author,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  replies: z.array(Reply),
  /**
   * The annotation this one was carried from. A carried copy's id, and its replies', are derived from the source's
   * and the target version's (shared/domain/compare/carry-annotations.ts), so two laptops carrying make one copy.
   */
  carriedFrom: RecordId.optional(),
  anchorState: AnchorState,
  ...Tombstone,
});
export type Annotation = z.infer<typeof Annotation>;

/** The order a person goes through them: not yet reviewed, then from met to not applicable. */
export const VERDICTS = ['unreviewed', 'met', 'partial', 'not-met', 'not-applicable'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

export const ACTION_STATUSES = ['open', 'done'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const Action = z.object({
  id: RecordId,
  description: z.string().trim().min(1).max(2000),
  ownerId: RecordId,
  dueDate: CalendarDate,
  status: ActionStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  ...Tombstone,
});

/**
 * The committee's verdict on one criterion for one version: one per (version, criterion), its id derived from
 * those two (`assessmentId`, shared/domain/assessments/set-assessment.ts) so two laptops make one record.
 */
export const Assessment = z.object({
  id: RecordId,
  versionId: RecordId,
  criterionId: CriterionId,
  verdict: Verdict,
  rationale: z.string().max(10000),
  annotationIds: z.array(RecordId),
  author: Author,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  actions: z.array(Action),
});
export type Assessment = z.infer<typeof Assessment>;

/** What a member may vote on a criterion: a verdict, never "not yet reviewed" (not voting is how to say that). */
export const VOTE_VERDICTS = ['met', 'partial', 'not-met', 'not-applicable'] as const satisfies readonly Verdict[];
export const VoteVerdict = z.enum(VOTE_VERDICTS);
export type VoteVerdict = z.infer<typeof VoteVerdict>;

/**
 * One committee member's own verdict on one criterion for one version, beside the committee's (the Assessment,
 * decided by the chair or secretary). There is one per (voter, version, criterion): its id is derived from those
 * three (shared/domain/votes/vote-id.ts), so the same member voting on two laptops makes one record when merged.
 * A withdrawn vote keeps its record as a tombstone; voting again brings it back.
 */
export const Vote = z.object({
  id: RecordId,
  /** The committee member (Member.id) whose vote it is. */
  voterId: RecordId,
  versionId: RecordId,
  criterionId: CriterionId,
  verdict: VoteVerdict,
  rationale: z.string().max(10000),
  /** Who recorded it, as they were then: the voter themselves, from their own settings. */
  author: Author,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  ...Tombstone,
});
export type Vote = z.infer<typeof Vote>;

export const SignOff = z.object({
  id: RecordId,
  signer: Author,
  meaning: z.string().trim().min(1).max(500),
  reportFile: z.string().min(1).max(255),
  reportSha256: Sha256Hex,
  signedAt: Timestamp,
});

/** Append-only: who did what, when. */
export const AuditEntry = z.object({
  id: RecordId,
  at: Timestamp,
  actor: Author,
  action: z.string().regex(/^[a-z]+(\.[a-zA-Z]+)+$/, 'domain.verb'),
  subjectId: z.string().max(120).optional(),
  summary: z.string().max(1000),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const Review = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: RecordId,
  title: z.string().trim().min(1).max(200),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  committee: z.array(Member),
  versions: z.array(Version),
  checklist: z.object({
    /** The template the review started from, e.g. "built-in:public-sector-social-media@1". */
    basedOn: z.string().max(200),
    criteria: z.array(Criterion),
  }),
  annotations: z.array(Annotation),
  assessments: z.array(Assessment),
  votes: z.array(Vote),
  signoffs: z.array(SignOff),
  audit: z.array(AuditEntry),
});
export type Review = z.infer<typeof Review>;
