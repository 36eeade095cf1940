import { z } from 'zod';
import { AuditEntry, Criterion, CriterionId, RecordId } from '../model';
import { method, ReviewRef, Title } from './common';
import { ReviewSummary } from './reviews';
import { ImportSource } from './versions';

/**
 * Where a draft belongs: `annotation:new`, `reply:<annotationId>`, `rationale:<versionId>:<criterionId>`, ...
 * Drafts keep what a person typed but has not saved, so closing the window loses nothing.
 */
export const DraftKey = z.string().regex(/^[a-z][a-z-]*(:[a-z0-9][a-z0-9.-]*)*$/, 'not a draft key').max(200);

/** Where a file the app writes goes: a token from main's save dialog, or back to the page to save itself. */
export const SaveDestination = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chosen'), token: z.uuid() }).strict(),
  z.object({ kind: z.literal('return') }).strict(),
]);
export type SaveDestination = z.infer<typeof SaveDestination>;

export const SavedFile = z.object({ fileName: z.string(), saved: z.boolean(), content: z.string().optional() });

export const WORKSPACE_METHODS = {
  'drafts.get': method(ReviewRef, z.record(z.string(), z.string())),
  /** Saves (or, with `null`, clears) one draft. */
  'drafts.set': method(z.object({ reviewId: RecordId, key: DraftKey, value: z.string().max(200_000).nullable() }).strict(), z.object({ saved: z.literal(true) })),

  'audit.list': method(z.object({ reviewId: RecordId, limit: z.int().min(1).max(10_000).optional() }).strict(), z.array(AuditEntry)),

  'checklist.reorder': method(z.object({ reviewId: RecordId, criterionIds: z.array(CriterionId).max(2000) }).strict(), z.array(Criterion)),
  /** The review's checklist as a template file, written where main's save dialog chose or returned as text. */
  'checklist.exportTemplate': method(z.object({ reviewId: RecordId, destination: SaveDestination }).strict(), SavedFile),
  /** A new review whose checklist comes from a template file; a file that is not a valid template is refused. */
  'reviews.createFromTemplate': method(z.object({ title: Title, source: ImportSource }).strict(), ReviewSummary),
  /**
   * Main's native save dialog (Electron only): a token for the chosen path, or null when cancelled. The token is
   * spent once, by the window that asked, for its purpose only (`checklist.exportTemplate`; `report.export` and
   * `report.save`; `identities.exportCertificate`).
   */
  'files.chooseSave': method(
    z.object({ purpose: z.enum(['checklist-template', 'report', 'certificate']), suggestedName: z.string().min(1).max(255) }).strict(),
    z.object({ token: z.uuid() }).nullable(),
  ),
} as const;
