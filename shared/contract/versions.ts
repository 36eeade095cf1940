import { z } from 'zod';
import { Author, CalendarDate, RecordId, SourceFile, Timestamp, Version } from '../model';
import { method, NoArgs, ReviewRef, SingleLine } from './common';
import { ImportSource } from './files';

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

const VersionLabel = SingleLine.trim()
  .min(1, 'A version needs a label.')
  .max(200, 'A label has at most 200 characters.');

export const VERSION_METHODS = {
  /**
   * The person is about to import (files dragged over the window, the page's own file picker opening): the
   * services start the reading process for it now, so the import finds it ready. Nothing depends on it: an import
   * without one starts its own.
   */
  'versions.prepareImport': method(NoArgs, z.object({ preparing: z.literal(true) })),
  'versions.import': method(
    z
      .object({
        reviewId: RecordId,
        source: ImportSource,
        label: VersionLabel.optional(),
        requestId: z.uuid().optional(),
      })
      .strict(),
    z.object({ version: VersionSummary, warnings: z.array(z.string()) }),
  ),
  'versions.list': method(ReviewRef, z.array(VersionSummary)),
  'versions.get': method(z.object({ reviewId: RecordId, versionId: RecordId }).strict(), Version),
  'versions.update': method(
    z
      .object({
        reviewId: RecordId,
        versionId: RecordId,
        label: VersionLabel.optional(),
        effectiveDate: CalendarDate.nullable().optional(),
      })
      .strict(),
    VersionSummary,
  ),
  'versions.delete': method(
    z.object({ reviewId: RecordId, versionId: RecordId }).strict(),
    z.object({ deleted: z.literal(true), annotationsRemoved: z.int().min(0) }),
  ),
  'versions.reorder': method(
    z.object({ reviewId: RecordId, versionIds: z.array(RecordId).max(1000) }).strict(),
    z.array(VersionSummary),
  ),
} as const;
