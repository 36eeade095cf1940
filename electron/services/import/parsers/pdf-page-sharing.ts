// Reading a long PDF's pages in two worker threads at once. Each worker opens the same bytes with its own pdf.js
// and claims the next unread page from a counter both share (an atomic add on shared memory), so the faster one
// simply reads more pages and no page is read twice. The helper sends each page it reads to the primary, which
// assembles the document. The helper may stop at any time (an error, its memory limit): the primary then reads
// whatever it did not get, so sharing can make an import faster but never changes or loses its result.
import type { MessagePort } from 'node:worker_threads';
import type { PageSharing } from '../types';
import type { PdfDocument } from './pdf-open';
import { readPage, type PdfPage } from './pdf-page';

export function newPageClaims(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

function claimPage(claims: Int32Array, pageCount: number): number | undefined {
  const number = Atomics.add(claims, 0, 1) + 1;
  return number <= pageCount ? number : undefined;
}

/** The helper's part: reads pages while there are pages to claim, sending each to the primary. Answers how many. */
export async function helpReadPages(doc: PdfDocument, sharing: PageSharing): Promise<number> {
  const claims = new Int32Array(sharing.claims);
  let sent = 0;
  for (let number = claimPage(claims, doc.numPages); number !== undefined; number = claimPage(claims, doc.numPages)) {
    sharing.port.postMessage(await readPage(doc, number));
    sent++;
  }
  return sent;
}

/**
 * Every page of the document in order, read here alone or, given `sharing`, together with a helper.
 * `progress` hears how many pages are read, whichever worker read them.
 */
export async function readPages(
  doc: PdfDocument,
  sharing: PageSharing | undefined,
  progress?: (done: number, total: number) => void,
): Promise<PdfPage[]> {
  const total = doc.numPages;
  const pages = new Map<number, PdfPage>();
  const keep = (page: PdfPage) => {
    if (pages.has(page.number)) return;
    pages.set(page.number, page);
    progress?.(pages.size, total);
  };
  const helperFinished = sharing ? listenToHelper(sharing.port, keep, () => pages.size === total) : Promise.resolve();

  let next = 0;
  const claims = sharing ? new Int32Array(sharing.claims) : undefined;
  const claim = claims ? () => claimPage(claims, total) : () => (next < total ? ++next : undefined);
  for (let number = claim(); number !== undefined; number = claim()) keep(await readPage(doc, number));

  // The pages the helper claimed are on their way, unless it stopped; then they are read here.
  if (pages.size < total) await helperFinished;
  sharing?.port.close();
  for (let number = 1; number <= total; number++) if (!pages.has(number)) keep(await readPage(doc, number));
  return [...pages.values()].sort((a, b) => a.number - b.number);
}

/** Resolves once the helper has sent every missing page (`complete`) or has gone. */
function listenToHelper(port: MessagePort, keep: (page: PdfPage) => void, complete: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    port.on('message', (page: PdfPage) => {
      keep(page);
      if (complete()) resolve();
    });
    port.once('close', () => resolve());
  });
}
