/**
 * The one contract between the renderer and the main process: every method the renderer may call,
 * named `domain.verb`, with the schemas of its arguments and result. The preload rejects names not
 * listed here, main validates arguments against these schemas, and the renderer's client is typed
 * from them.
 */
import { z } from 'zod';
import { ERROR_CODES, type ApiError } from './errors';
import {
  Author,
  CalendarDate,
  Category,
  CommitteeRole,
  Criterion,
  CriterionId,
  Member,
  RecordId,
  Review,
  SCHEMA_VERSION,
  Settings,
  SourceFile,
  Timestamp,
  UserProfile,
  Version,
} from './model';

const NoArgs = z.object({}).strict();
const ReviewRef = z.object({ reviewId: RecordId }).strict();
/** One line of text a person typed: no control characters (line breaks, terminal escapes) that break a listing. */
const SingleLine = z.string().regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'Use a single line without control characters.');
const Title = SingleLine.trim().min(1, 'A title is required.').max(200, 'A title has at most 200 characters.');

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  dataDir: z.string(),
  host: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const REVIEW_FILE_STATES = ['ok', 'corrupt', 'newer-format'] as const;

export const BackupInfo = z.object({ file: z.string(), createdAt: Timestamp });
export type BackupInfo = z.infer<typeof BackupInfo>;

export const ReviewSummary = z.object({
  id: RecordId,
  title: z.string(),
  createdAt: Timestamp.optional(),
  updatedAt: Timestamp.optional(),
  versions: z.int().min(0),
  annotations: z.int().min(0),
  criteria: z.int().min(0),
  members: z.int().min(0),
  state: z.enum(REVIEW_FILE_STATES),
  /** For a damaged or unreadable file: what is wrong, in words a person can act on. */
  problem: z.string().optional(),
  /** The newest backup that passes its checksum and the schema, offered when the file is damaged. */
  lastGoodBackup: BackupInfo.optional(),
  /** Another process holds the review open for writing: who, in words. */
  lockedBy: z.string().optional(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const OpenedReview = z.object({
  review: Review,
  file: z.string(),
  /** Another window or process holds the review, or the file is from a newer version of the app. */
  readOnly: z.boolean(),
  readOnlyReason: z.string().optional(),
});
export type OpenedReview = z.infer<typeof OpenedReview>;

export const MemberInput = z
  .object({
    id: RecordId.optional(),
    name: SingleLine.trim().min(1, 'Each member needs a name.').max(200),
    role: CommitteeRole,
    email: z.union([z.email('Enter a valid email address or leave it empty.').max(320), z.literal('')]).optional(),
  })
  .strict();
export type MemberInput = z.infer<typeof MemberInput>;

export const CriterionInput = z
  .object({
    category: Category,
    title: SingleLine.trim().min(1, 'A criterion needs a title.').max(200),
    question: z.string().trim().min(1, 'A criterion needs a question.').max(1000),
    guidance: z.string().max(4000),
    reference: z.string().max(500).optional(),
  })
  .strict();
export type CriterionInput = z.infer<typeof CriterionInput>;

export const CategoryInfo = z.object({ id: Category, label: z.string(), description: z.string() });
export const ChecklistView = z.object({
  basedOn: z.string(),
  categories: z.array(CategoryInfo),
  criteria: z.array(Criterion),
});
export type ChecklistView = z.infer<typeof ChecklistView>;

/** Largest file a person can import: 50 MB, as base64 when it crosses the bridge. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4;
const FileName = SingleLine.trim().min(1).max(255);

/**
 * Where an imported file comes from. The renderer never names a path: it either sends the bytes of a file the
 * person dropped or picked in the page, or a token for a file main's native dialog chose (`files.choose`).
 */
export const ImportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileName: FileName, dataBase64: z.base64().max(MAX_IMPORT_BASE64, 'A file to import may have at most 50 MB.') }).strict(),
  z.object({ kind: z.literal('chosen'), token: z.uuid() }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ChosenFile = z.object({ token: z.uuid(), fileName: z.string(), bytes: z.int().min(0) });
export type ChosenFile = z.infer<typeof ChosenFile>;

/** A version as listed: everything but its blocks and text. */
export const VersionSummary = z.object({
  id: RecordId,
  label: z.string(),
  effectiveDate: CalendarDate.optional(),
  importedAt: Timestamp,
  importedBy: Author,
  source: SourceFile,
  blocks: z.int().min(0),
  chars: z.int().min(0),
  warnings: z.array(z.string()),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

const VersionLabel = SingleLine.trim().min(1, 'A version needs a label.').max(200, 'A label has at most 200 characters.');

/** Main-to-renderer notices, delivered through `window.policyReview.on`. */
export const AppEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('import.progress'),
    requestId: z.uuid(),
    fileName: z.string(),
    stage: z.enum(['reading', 'parsing', 'saving']),
    done: z.int().min(0).optional(),
    total: z.int().min(0).optional(),
  }),
]);
export type AppEvent = z.infer<typeof AppEvent>;

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

export const API = {
  'app.info': method(NoArgs, AppInfo),
  'settings.get': method(NoArgs, Settings),
  'settings.set': method(z.object({ user: UserProfile }).strict(), Settings),
  'reviews.list': method(NoArgs, z.array(ReviewSummary)),
  'reviews.create': method(z.object({ title: Title }).strict(), ReviewSummary),
  'reviews.open': method(ReviewRef, OpenedReview),
  'reviews.close': method(ReviewRef, z.object({ closed: z.boolean() })),
  'reviews.rename': method(z.object({ reviewId: RecordId, title: Title }).strict(), ReviewSummary),
  'reviews.delete': method(ReviewRef, z.object({ deleted: z.literal(true), movedTo: z.string() })),
  'reviews.restoreBackup': method(ReviewRef, ReviewSummary),
  'committee.set': method(
    z.object({ reviewId: RecordId, members: z.array(MemberInput).max(200) }).strict(),
    z.array(Member),
  ),
  'checklist.get': method(ReviewRef, ChecklistView),
  'checklist.addCriterion': method(z.object({ reviewId: RecordId, criterion: CriterionInput }).strict(), Criterion),
  'checklist.updateCriterion': method(
    z.object({ reviewId: RecordId, criterionId: CriterionId, criterion: CriterionInput }).strict(),
    Criterion,
  ),
  'checklist.removeCriterion': method(
    z.object({ reviewId: RecordId, criterionId: CriterionId }).strict(),
    z.object({ removed: z.literal(true) }),
  ),

  /** Opens the native file dialog (Electron only); the chosen files come back as tokens, never as paths. */
  'files.choose': method(z.object({ purpose: z.literal('import-version') }).strict(), z.array(ChosenFile)),
  'versions.import': method(
    z.object({ reviewId: RecordId, source: ImportSource, label: VersionLabel.optional(), requestId: z.uuid().optional() }).strict(),
    z.object({ version: VersionSummary, warnings: z.array(z.string()) }),
  ),
  'versions.list': method(ReviewRef, z.array(VersionSummary)),
  'versions.get': method(z.object({ reviewId: RecordId, versionId: RecordId }).strict(), Version),
  'versions.update': method(
    z.object({ reviewId: RecordId, versionId: RecordId, label: VersionLabel.optional(), effectiveDate: CalendarDate.nullable().optional() }).strict(),
    VersionSummary,
  ),
  'versions.delete': method(
    z.object({ reviewId: RecordId, versionId: RecordId }).strict(),
    z.object({ deleted: z.literal(true), annotationsRemoved: z.int().min(0) }),
  ),
  'versions.reorder': method(z.object({ reviewId: RecordId, versionIds: z.array(RecordId).max(1000) }).strict(), z.array(VersionSummary)),
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
export type MethodArgs<M extends MethodName> = z.input<Api[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Api[M]['result']>;

export const METHOD_NAMES: readonly MethodName[] = Object.keys(API) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(API, name);
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ApiErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

/** The one IPC channel the preload and main use for calls. */
export const INVOKE_CHANNEL = 'policy-review:invoke';

/** The one channel for main-to-renderer events. */
export const EVENT_CHANNEL = 'policy-review:event';

/** The object the preload exposes as `window.policyReview`. */
export interface PolicyReviewBridge {
  invoke(method: string, args: unknown): Promise<ApiResult<unknown>>;
  /** Listens to main's events; returns the function that stops listening. */
  on(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the Electron preload, or by the browser host and the e2e tests with the same shape. */
    policyReview?: PolicyReviewBridge;
  }
}

