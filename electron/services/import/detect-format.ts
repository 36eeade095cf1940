import { extname } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ImportFormat } from './types';
import { bufferView } from '../files/buffer-view';

const EXTENSIONS: Record<string, ImportFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

const FORMAT_NAMES: Record<ImportFormat, string> = {
  txt: 'a plain-text file',
  markdown: 'a Markdown file',
  html: 'a web page (HTML)',
  docx: 'a Word document (.docx)',
  pdf: 'a PDF',
};

const SUPPORTED = 'Supported files are .txt, .md, .html, .docx and .pdf.';

/** The format a file's name claims, if any: only a claim (see detectFormat). */
export function formatFromExtension(fileName: string): ImportFormat | undefined {
  return EXTENSIONS[extname(fileName).toLowerCase()];
}

/**
 * Decides a file's format from its content; the extension only chooses between text formats. An extension that
 * claims another kind of file than the content is refused, naming both, because importing it as either would
 * be a guess.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  if (bytes.length === 0)
    throw new AppError('E_INVALID_INPUT', `“${fileName}” is empty. Choose the file that holds the policy text.`);
  const claimed = formatFromExtension(fileName);
  const found = formatFromContent(bytes, fileName);
  if (found === 'text') {
    if (claimed === 'docx' || claimed === 'pdf')
      throw mismatch(fileName, claimed, looksLikeHtml(bytes) ? 'html' : 'txt');
    if (claimed === undefined) return looksLikeHtml(bytes) ? 'html' : 'txt';
    if (claimed === 'html' && !looksLikeHtml(bytes)) throw mismatch(fileName, 'html', 'txt');
    if ((claimed === 'txt' || claimed === 'markdown') && looksLikeHtmlDocument(bytes))
      throw mismatch(fileName, claimed, 'html');
    return claimed;
  }
  if (claimed !== undefined && claimed !== found) throw mismatch(fileName, claimed, found);
  return found;
}

function formatFromContent(bytes: Uint8Array, fileName: string): 'docx' | 'pdf' | 'text' {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    if (containsAscii(bytes, 'word/document.xml')) return 'docx';
    throw new AppError('E_UNSUPPORTED', `“${fileName}” is a zip archive, not a Word document. ${SUPPORTED}`);
  }
  if (startsWith(bytes, '\u00d0\u00cf\u0011\u00e0')) {
    throw new AppError(
      'E_UNSUPPORTED',
      `“${fileName}” is an old Word or Office file (.doc). Save it as .docx or PDF in Word, then import that.`,
    );
  }
  if (startsWith(bytes, '{\\rtf'))
    throw new AppError(
      'E_UNSUPPORTED',
      `“${fileName}” is a Rich Text (.rtf) file. Save it as .docx or PDF, then import that.`,
    );
  if (!isText(bytes))
    throw new AppError(
      'E_UNSUPPORTED',
      `“${fileName}” is not a document this app can read (its content is binary data). ${SUPPORTED}`,
    );
  return 'text';
}

function mismatch(fileName: string, claimed: ImportFormat, found: ImportFormat): AppError {
  return new AppError(
    'E_INVALID_INPUT',
    `“${fileName}” is named like ${FORMAT_NAMES[claimed]} but its content ` +
      `is ${FORMAT_NAMES[found]}. Check that this is the right file; if it is, rename it to ` +
      `match its content and import it again.`,
  );
}

/** UTF-8 (or UTF-16 with a byte-order mark) without NUL bytes and with few control characters. */
function isText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  if (controls > sample.length / 100) return false;
  try {
    // A cut at the sample's end may split a character; decode whole files, sample only large ones.
    new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.length <= sample.length ? bytes : trimToCharBoundary(sample),
    );
    return true;
  } catch {
    return false;
  }
}

function trimToCharBoundary(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && end > bytes.length - 4 && ((bytes[end - 1] ?? 0) & 0xc0) === 0x80) end--;
  if (end > 0 && ((bytes[end - 1] ?? 0) & 0x80) !== 0) end--;
  return bytes.subarray(0, end);
}

function head(bytes: Uint8Array): string {
  return new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 4096))
    .replace(/^\ufeff/, '')
    .trimStart()
    .toLowerCase();
}

function looksLikeHtmlDocument(bytes: Uint8Array): boolean {
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/.test(head(bytes));
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  return looksLikeHtmlDocument(bytes) || /<(body|p|div|h[1-6]|ul|ol|table|article|section)[\s>]/.test(head(bytes));
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function containsAscii(bytes: Uint8Array, ascii: string): boolean {
  return bufferView(bytes).includes(ascii, 0, 'latin1');
}
