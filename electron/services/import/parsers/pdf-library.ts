import { createRequire, Module } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js's legacy build (the one that runs on Node 20), loaded once per worker with its parsing side in the same
 * thread. Two adjustments, both confined to the import worker threads, which run nothing else:
 * - The build replaces `Array.prototype.push` with a core-js polyfill for an edge case (arrays whose length is
 *   read-only) that neither pdf.js nor this app meets; that polyfill made reading a 100-page PDF about 20% slower,
 *   so the engine's own push is put back once both modules are loaded.
 * - In Node, pdf.js loads @napi-rs/canvas (a native build of Skia) for the DOMMatrix, ImageData and Path2D that
 *   drawing pages needs. Import only reads text and never draws; loading Skia took about 85 ms and 15 MB in each
 *   worker. pdf.js needs a DOMMatrix to load at all (it makes one when its module starts), so that comes from
 *   @thednp/dommatrix, and its request for the canvas package is answered from the module cache with nothing.
 *   pdf.js then warns, as it loads, that drawing may not work: those two warnings are left out.
 */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    await withoutCanvas();
    const enginePush = Array.prototype.push;
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!/^Warning: Cannot polyfill `(ImageData|Path2D)`/.test(String(args[0]))) warn(...args);
    };
    try {
      // The minified builds: the same code, about 15 ms less to compile in each worker.
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
      // pdf.js uses a parser already on globalThis instead of loading its worker file again.
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker =
        await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
      return pdfjs;
    } finally {
      console.warn = warn;
      Array.prototype.push = enginePush;
    }
  })();
  return loading;
}

async function withoutCanvas(): Promise<void> {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= (await import('@thednp/dommatrix')).default;
  const pdfjsRequire = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.min.mjs'));
  let canvasPath: string;
  try {
    canvasPath = pdfjsRequire.resolve('@napi-rs/canvas');
  } catch {
    return; // Not installed (it is an optional dependency of pdf.js): pdf.js carries on without it.
  }
  const nothing = new Module(canvasPath);
  nothing.filename = canvasPath;
  nothing.loaded = true;
  nothing.exports = {};
  pdfjsRequire.cache[canvasPath] ??= nothing;
}
