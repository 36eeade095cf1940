import { z } from 'zod';
import { method, SingleLine } from './common';

/** Largest file a person can import: 50 MB, as base64 when it crosses the bridge. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4;
const FileName = SingleLine.trim().min(1).max(255);

/**
 * Where an imported file comes from. The renderer never names a path: it either sends the bytes of a file the
 * person dropped or picked in the page, or a token for a file main's native dialog chose (`files.choose`).
 */
export const ImportSource = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('file'),
      fileName: FileName,
      dataBase64: z.base64().max(MAX_IMPORT_BASE64, 'A file to import may have at most 50 MB.'),
    })
    .strict(),
  z.object({ kind: z.literal('chosen'), token: z.uuid() }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ChosenFile = z.object({ token: z.uuid(), fileName: z.string(), bytes: z.int().min(0) });
export type ChosenFile = z.infer<typeof ChosenFile>;

/** Where a file the app writes goes: a token from main's save dialog, or back to the page to save itself. */
export const SaveDestination = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chosen'), token: z.uuid() }).strict(),
  z.object({ kind: z.literal('return') }).strict(),
]);
export type SaveDestination = z.infer<typeof SaveDestination>;

export const SavedFile = z.object({ fileName: z.string(), saved: z.boolean(), content: z.string().optional() });

export const FILE_METHODS = {
  /**
   * Opens the native file dialog (Electron only); the chosen files come back as tokens, never as paths. A token is
   * spent once, by the window that asked, by the method its purpose names (`versions.import`,
   * `reviews.createFromTemplate`, `report.verify`, `report.signFile`, `identities.import`, `identities.trust`, `packages.open`, `packages.merge`).
   */
  'files.choose': method(
    z
      .object({
        purpose: z.enum([
          'import-version',
          'checklist-template',
          'report-to-verify',
          'report-to-sign',
          'identity-file',
          'certificate',
          'review-package',
        ]),
      })
      .strict(),
    z.array(ChosenFile),
  ),
  /**
   * Main's native save dialog (Electron only): a token for the chosen path, or null when cancelled. The token is
   * spent once, by the window that asked, for its purpose only (`checklist.exportTemplate`; `report.export` and
   * `report.save`; `identities.exportCertificate`; `packages.export`).
   */
  'files.chooseSave': method(
    z
      .object({
        purpose: z.enum(['checklist-template', 'report', 'certificate', 'review-package']),
        suggestedName: z.string().min(1).max(255),
      })
      .strict(),
    z.object({ token: z.uuid() }).nullable(),
  ),
} as const;
