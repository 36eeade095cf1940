import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../../../shared/errors';
import { loadPdfJs } from './pdf-library';

export type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

/**
 * Opens a PDF with pdf.js as data only: pdf.js runs no scripts (it would need its scripting sandbox, which is
 * never created), compiles no fonts to code (5.x has no eval path left: the `isEvalSupported` option is gone),
 * loads nothing from the network and ignores links.
 */
export async function openPdf(bytes: Uint8Array, fileName: string): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy: pdf.js hands the bytes over to its worker side, which leaves the caller's array empty.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    ...resourceFolders(),
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw openingError(error, fileName);
  }
}

/** Predefined CMaps (for PDFs whose fonts use them) and the standard fonts' data, from pdf.js's own package. */
function resourceFolders(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  } catch {
    return {};
  }
}

function openingError(error: unknown, fileName: string): AppError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new AppError(
      'E_UNSUPPORTED',
      `“${fileName}” is protected with a password, so its text cannot be read. Open it in a PDF ` +
        `program, remove the password (save a copy without protection), and import that copy.`,
    );
  }
  return damagedPdfError(fileName, error);
}

export function damagedPdfError(fileName: string, error: unknown): AppError {
  const detail = error instanceof Error && error.message ? ` (${error.message.slice(0, 200)})` : '';
  return new AppError(
    'E_INVALID_INPUT',
    `“${fileName}” could not be read as a PDF${detail}. The file may be damaged or ` +
      `incomplete; try downloading it again, or saving it again as PDF from the program that ` +
      `made it.`,
  );
}
