import { AppError, isAppError } from '../../../../shared/errors';
import type { FormatParser, PageSharing, ParsedDocument } from '../types';
import { pdfBlocks } from './pdf-blocks';
import type { OutlineEntry } from './pdf-headings';
import type { PdfLine } from './pdf-lines';
import { damagedPdfError, openPdf, type PdfDocument } from './pdf-open';
import { numberPages } from './pdf-page';
import { readPages } from './pdf-page-sharing';
import type { PageLines } from './pdf-paragraphs';
import { findRunningText } from './pdf-running-text';
import { mentionsJavaScript } from './pdf-scripts';

/** A page with fewer letters than this (after running heads and page numbers) is named as having little text. */
const FEW_LETTERS = 10;
const MAX_OUTLINE_ENTRIES = 5_000;

/**
 * The text layer of a PDF, as blocks in reading order, each with the page it starts on: lines rebuilt from the
 * placed text, running heads, feet and page numbers left out, paragraphs and hyphenated words joined again,
 * headings from the outline, the tags or the type size, list items from the tags or their markers. Only text is
 * kept. Given `pageSharing`, a helper worker reads some of the pages meanwhile.
 */
export const parsePdf: FormatParser = async (bytes, { fileName, limits, progress, pageSharing }) => {
  const warnings: string[] = [];
  if (mentionsJavaScript(bytes))
    warnings.push(`“${fileName}”: the PDF contains scripts; they were ignored (nothing in the file was run).`);
  const doc = await openPdf(bytes, fileName);
  try {
    if (doc.numPages > limits.pdf.maxPages) {
      throw new AppError(
        'E_TOO_LARGE',
        `“${fileName}” has ${doc.numPages.toLocaleString('en')} pages, more than ` +
          `the ${limits.pdf.maxPages.toLocaleString('en')} a version may have. Split it into parts ` +
          `and import each.`,
      );
    }
    return await readDocument(doc, fileName, warnings, pageSharing, progress);
  } catch (error) {
    if (isAppError(error)) throw error;
    throw damagedPdfError(fileName, error);
  } finally {
    await doc.destroy();
  }
};

async function readDocument(
  doc: PdfDocument,
  fileName: string,
  warnings: string[],
  pageSharing: PageSharing | undefined,
  progress: ((done: number, total: number) => void) | undefined,
): Promise<ParsedDocument> {
  const outline = await readOutline(doc);
  const pages = await readPages(doc, pageSharing, progress);
  numberPages(pages);

  const metadata = await readMetadata(doc);
  const running = findRunningText(
    pages.map((page) => page.lines),
    pages.map((page) => page.height),
  );
  const body: PageLines[] = pages.map((page) => ({
    lines: page.lines.filter((line) => !running.has(line)),
    taggedOrder: page.taggedOrder,
  }));
  const lettersByPage = body.map((page) => letters(page.lines));
  // Running heads alone (a scan with a stamped header or page numbers) do not make a text layer.
  if (lettersByPage.every((count) => count === 0)) {
    warnings.push(
      `“${fileName}” has no text layer (it looks like a scan), so there is no text to annotate. ` +
        `Run it through OCR (for example in Acrobat or with ocrmypdf) and import the result.`,
    );
    return { blocks: [], metadata, warnings };
  }
  const sparse = lettersByPage.flatMap((count, index) => (count < FEW_LETTERS ? [index + 1] : []));
  if (sparse.length > 0) {
    warnings.push(
      `“${fileName}”: ${pageList(sparse)} little or no text ` +
        `(${sparse.length === 1 ? 'it may be a scanned image or blank' : 'they may be scanned images or blank'}), ` +
        `so ${sparse.length === 1 ? 'its' : 'their'} content may be missing from the import. Check ` +
        `against the PDF, or run it through OCR and import the result.`,
    );
  }
  return { blocks: pdfBlocks(body, outline), metadata, warnings };
}

/** The outline (bookmarks), flattened in document order with its levels and, where it resolves, its pages. */
async function readOutline(doc: PdfDocument): Promise<OutlineEntry[]> {
  const outline = await doc.getOutline().catch(() => null);
  const entries: OutlineEntry[] = [];
  type Node = { title: string; dest: unknown; items: Node[] };
  const visit = async (nodes: Node[], level: number): Promise<void> => {
    for (const node of nodes) {
      if (entries.length >= MAX_OUTLINE_ENTRIES || level > 16) return;
      entries.push({ title: String(node.title ?? ''), level, page: await destinationPage(doc, node.dest) });
      await visit(node.items ?? [], level + 1);
    }
  };
  await visit((outline ?? []) as Node[], 1);
  return entries;
}

async function destinationPage(doc: PdfDocument, dest: unknown): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target: unknown = Array.isArray(explicit) ? explicit[0] : undefined;
    if (typeof target === 'number' && Number.isInteger(target)) return target + 1;
    if (target && typeof target === 'object' && 'num' in target && 'gen' in target) {
      return (await doc.getPageIndex(target as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
    }
  } catch {
    // A bookmark that points nowhere still names a heading; it is matched on any page.
  }
  return undefined;
}

async function readMetadata(doc: PdfDocument): Promise<Record<string, string>> {
  const metadata: Record<string, string> = {};
  const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
  const fields = info as Record<string, unknown>;
  const title = typeof fields.Title === 'string' ? fields.Title.trim() : '';
  // Not titles: the page's address (browsers, when the page has none), the file name (Office's "Save as PDF").
  const notATitle =
    /^(about:|https?:|file:|data:|untitled$|microsoft (word|excel|powerpoint) - )|\.(docx?|odt|rtf|html?|txt)$/i;
  if (title && !notATitle.test(title)) metadata.title = title.slice(0, 200);
  for (const [field, key] of [
    ['CreationDate', 'created'],
    ['ModDate', 'modified'],
  ] as const) {
    const date = pdfDate(fields[field]);
    if (date) metadata[key] = date;
  }
  return metadata;
}

/** "D:20240131120000+01'00'" to an ISO date-time; undefined when it is not one. */
function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00'] = match;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function letters(lines: readonly PdfLine[]): number {
  let count = 0;
  for (const line of lines) count += line.text.match(/\p{L}/gu)?.length ?? 0;
  return count;
}

function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 20).map(String);
  const more = pages.length > shown.length ? ` and ${pages.length - shown.length} more` : '';
  if (pages.length === 1) return `page ${shown[0]} has`;
  return `pages ${shown.slice(0, -1).join(', ')}${more ? `, ${shown.at(-1)}${more}` : ` and ${shown.at(-1)}`} have`;
}
