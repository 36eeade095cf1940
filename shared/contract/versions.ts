import { z } from 'zod';
import { Author, CalendarDate, RecordId, SourceFile, Timestamp, Version } from '../model';
import { method, NoArgs, ReviewRef, SingleLine } from './common';

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

export const VERSION_METHODS = {
  /**
   * Opens the native file dialog (Electron only); the chosen files come back as tokens, never as paths. A token is
   * spent once, by the window that asked, by the method its purpose names (`versions.import`,
   * `reviews.createFromTemplate`, `report.verify`, `report.signFile`, `identities.import`, `identities.trust`).
   */
  'files.choose': method(z.object({ purpose: z.enum(['import-version', 'checklist-template', 'report-to-verify', 'report-to-sign', 'identity-file', 'certificate']) }).strict(), z.array(ChosenFile)),
  /**
   * The person is about to import (files dragged over the window, the page's own file picker opening): the
   * services start the reading process for it now, so the import finds it ready. Nothing depends on it: an import
   * without one starts its own.
   */
  'versions.prepareImport': method(NoArgs, z.object({ preparing: z.literal(true) })),
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
