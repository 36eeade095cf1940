import { AppError } from '../../../shared/errors';
import { parseDocx } from './parsers/docx';
import { parseHtml } from './parsers/html';
import { parseMarkdown } from './parsers/markdown';
import { parsePdf } from './parsers/pdf';
import { parseText } from './parsers/text';
import type { FormatParser, ImportFormat, ParseContext, ParsedDocument } from './types';

const PARSERS: Record<ImportFormat, FormatParser> = {
  txt: parseText,
  markdown: parseMarkdown,
  html: parseHtml,
  docx: parseDocx,
  pdf: parsePdf,
};

/** Runs the format's parser and enforces the output limits every format shares. */
export async function parseDocument(format: ImportFormat, bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const parsed = await PARSERS[format](bytes, context);
  const { limits, fileName } = context;
  if (parsed.blocks.length > limits.maxBlocks) {
    throw new AppError('E_TOO_LARGE', `“${fileName}” has more than ${limits.maxBlocks.toLocaleString('en')} paragraphs, far more than a policy. Split it into parts and import each.`);
  }
  const chars = parsed.blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (chars > limits.maxOutputChars) {
    throw new AppError('E_TOO_LARGE', `“${fileName}” holds more than ${limits.maxOutputChars.toLocaleString('en')} characters of text, far more than a policy. Split it into parts and import each.`);
  }
  return parsed;
}
