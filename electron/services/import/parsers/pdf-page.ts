// One page of a PDF read into lines: the unit of work that can run in any worker, since it depends on nothing
// outside its page. Numbering that must run across the document (tagged block keys, table numbers) is given
// page by page from zero here and made document-wide by `numberPages`, in page order.
import type { PdfDocument } from './pdf-open';
import { pageLines, type PdfLine, type TextRun } from './pdf-lines';
import { readPageStructure, type StructNode, type StructureCounters, type TaggedBlock } from './pdf-structure';

export interface PdfPage {
  number: number;
  height: number;
  lines: PdfLine[];
  /** The page's tagged blocks in structure order; the lines refer to these very objects. */
  taggedOrder: TaggedBlock[];
  /** How many tables the page's tags start (its tagged blocks are `taggedOrder`). */
  tables: number;
}

export async function readPage(doc: PdfDocument, number: number): Promise<PdfPage> {
  const page = await doc.getPage(number);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ includeMarkedContent: true });
    const tree = (await page.getStructTree().catch(() => null)) as StructNode | null;
    const counters: StructureCounters = { nextBlock: 0, nextTable: 0 };
    const structure = readPageStructure(tree, counters);
    const geometry = { width: viewport.width, height: viewport.height, transform: viewport.transform };
    const lines = pageLines(number, content.items as TextRun[], geometry, structure);
    return { number, height: viewport.height, lines, taggedOrder: structure.blocks, tables: counters.nextTable };
  } finally {
    page.cleanup();
  }
}

/** Makes block keys and table numbers unique across the document: each page's count on from the pages before it. */
export function numberPages(pages: readonly PdfPage[]): void {
  let blocksBefore = 0;
  let tablesBefore = 0;
  for (const page of pages) {
    for (const block of page.taggedOrder) {
      block.key += blocksBefore;
      if (block.table !== undefined) block.table += tablesBefore;
    }
    blocksBefore += page.taggedOrder.length;
    tablesBefore += page.tables;
  }
}
