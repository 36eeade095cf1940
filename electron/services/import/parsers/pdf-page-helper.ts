import type { ParseRequest } from '../parser-process-protocol';
import type { PageSharing } from '../types';
import { openPdf } from './pdf-open';
import { helpReadPages } from './pdf-page-sharing';

/**
 * The helper worker's whole task: open the same PDF and read pages for the primary while there are any left.
 * Answers how many pages it sent. Whatever goes wrong here is left to the primary, which reads the pages it did
 * not get and reports any error the file really has.
 */
export async function helpWithPdfPages(request: ParseRequest, sharing: PageSharing): Promise<number> {
  try {
    const doc = await openPdf(request.bytes, request.fileName);
    try {
      return doc.numPages <= request.limits.pdf.maxPages ? await helpReadPages(doc, sharing) : 0;
    } finally {
      await doc.destroy();
    }
  } catch {
    return 0;
  } finally {
    sharing.port.close();
  }
}
