import { AppError } from '../../../shared/errors';
import { cleanDocumentText } from './clean-document-text';
import type { FormatParser, ImportFormat, ParseContext, ParsedDocument } from './types';

// Loaded on demand: a worker reading a text file need not load pdf.js, mammoth and the unified toolchain. A PDF's
// parser comes with pdf.js itself, which it otherwise loads when it opens the file.
const PARSERS: Record<ImportFormat, () => Promise<FormatParser>> = {
  txt: async () => (await import('./parsers/text')).parseText,
  markdown: async () => (await import('./parsers/markdown')).parseMarkdown,
  html: async () => (await import('./parsers/html')).parseHtml,
  // Mammoth loads with Word's parser (which imports it only where it converts), so a worker started ahead has it ready.
  docx: async () => (await Promise.all([import('./parsers/docx'), import('mammoth')]))[0].parseDocx,
  pdf: async () => {
    const [{ parsePdf }, { loadPdfJs }] = await Promise.all([import('./parsers/pdf'), import('./parsers/pdf-library')]);
    await loadPdfJs();
    return parsePdf;
  },
};

/** The format's parser, with the libraries it needs loaded. */
export function loadParser(format: ImportFormat): Promise<FormatParser> {
  return PARSERS[format]();
}

/** Runs the format's parser, then what every format's text goes through (see cleanDocumentText) and the output limits. */
export async function parseDocument(
  format: ImportFormat,
  bytes: Uint8Array,
  context: ParseContext,
): Promise<ParsedDocument> {
  const parse = await loadParser(format);
  const parsed = cleanDocumentText(await parse(bytes, context));
  const { limits, fileName } = context;
  if (parsed.blocks.length > limits.maxBlocks) {
    throw new AppError(
      'E_TOO_LARGE',
      `“${fileName}” has more than ${limits.maxBlocks.toLocaleString('en')} paragraphs, far more than a policy. Split it into parts and import each.`,
    );
  }
  const chars = parsed.blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (chars > limits.maxOutputChars) {
    throw new AppError(
      'E_TOO_LARGE',
      `“${fileName}” holds more than ${limits.maxOutputChars.toLocaleString('en')} characters ` +
        `of text, far more than a policy. Split it into parts and import each.`,
    );
  }
  return parsed;
}
