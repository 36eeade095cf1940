import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js's legacy build (the one that runs on Node 20), loaded once per worker with its parsing side in the same
 * thread. The build replaces `Array.prototype.push` with a core-js polyfill for an edge case (arrays whose
 * length is read-only) that neither pdf.js nor this app meets; that polyfill made reading a 100-page PDF about
 * 20% slower, so the engine's own push is put back once both modules are loaded. Imports run in a worker
 * thread of their own, so nothing else sees the swap.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const enginePush = Array.prototype.push;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const parser = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    // pdf.js uses a parser already on globalThis instead of loading its worker file again.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = parser;
    Array.prototype.push = enginePush;
    return pdfjs;
  })();
  return loading;
}
