// A long PDF's pages read by two workers at once (electron/services/import/parsers/pdf-page-sharing.ts): whoever
// reads which page, and whether the helper finishes at all, the document comes out the same as when one worker
// reads every page.
import { readFile } from 'node:fs/promises';
import { MessageChannel } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from '../../../electron/services/import/parsers/pdf';
import { helpWithPdfPages } from '../../../electron/services/import/parsers/pdf-page-helper';
import { newPageClaims } from '../../../electron/services/import/parsers/pdf-page-sharing';
import { unpackDocument } from '../../../electron/services/import/parse-reply';
import { parseInWorker } from '../../../electron/services/import/run-parser';
import {
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  type PageSharing,
  type ParsedDocument,
} from '../../../electron/services/import/types';
import { HOSTILE, RIVERTON } from './support-import';
import { chromiumMissing, POLICY, printPdf } from './support-pdf-chromium';

const SECTIONS = 12;

/** One section per page, each with a table: table numbers must run on across pages, in page order. */
function tablePerPageHtml(): string {
  const sections = Array.from({ length: SECTIONS }, (_, i) => {
    const n = i + 1;
    return `<section style="break-before: page"><h2>${n}. Accounts of department ${n}</h2><p>${POLICY.purpose}</p>
      <table><tr><th>Account</th><th>Owner</th></tr><tr><td>@dept${n}</td><td>Office ${n}</td></tr></table><p>${POLICY.review}</p></section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Accounts</title>
    <style>body { font-family: serif; font-size: 12pt; } th, td { border: 1px solid #444; padding: 2mm; }</style>
    </head><body><h1>Accounts by department</h1>${sections.join('')}</body></html>`;
}

const withHelperFrom = (helperFromBytes: number, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): ImportLimits => ({
  ...limits,
  pdf: { ...limits.pdf, helperFromBytes },
});
const ALWAYS = withHelperFrom(0);
const NEVER = withHelperFrom(Number.POSITIVE_INFINITY);

function sharing(): { primary: PageSharing; helper: PageSharing } {
  const claims = newPageClaims();
  const { port1, port2 } = new MessageChannel();
  return { primary: { claims, port: port1 }, helper: { claims, port: port2 } };
}

function tableCells(parsed: ParsedDocument): { table: number; page: number | undefined; text: string }[] {
  return parsed.blocks.flatMap((block) =>
    block.type === 'table-cell' ? [{ table: block.table, page: block.page, text: block.text }] : [],
  );
}

describe.skipIf(chromiumMissing)('reading one PDF in two workers', () => {
  let bytes: Uint8Array;
  let alone: ParsedDocument;

  beforeAll(async () => {
    bytes = await printPdf(tablePerPageHtml());
    alone = await parsePdf(bytes, { fileName: 'accounts.pdf', limits: NEVER });
  }, 60_000);

  it('numbers the tables of all pages in page order when one worker reads them', () => {
    const cells = tableCells(alone);
    expect(cells.filter((cell) => cell.text.startsWith('@dept')).map((cell) => cell.text)).toEqual(
      Array.from({ length: SECTIONS }, (_, i) => `@dept${i + 1}`),
    );
    const tables = [...new Set(cells.map((cell) => cell.table))];
    expect(tables).toEqual(Array.from({ length: SECTIONS }, (_, i) => i));
  });

  it('gives the same document when a helper reads some of the pages', async () => {
    const shared = sharing();
    const progress: [number, number][] = [];
    const [parsed, helped] = await Promise.all([
      parsePdf(bytes, {
        fileName: 'accounts.pdf',
        limits: ALWAYS,
        pageSharing: shared.primary,
        progress: (done, total) => progress.push([done, total]),
      }),
      helpWithPdfPages({ format: 'pdf', fileName: 'accounts.pdf', bytes, limits: ALWAYS }, shared.helper),
    ]);
    expect(helped).toBeGreaterThan(0);
    expect(helped).toBeLessThan(SECTIONS + 1);
    expect(parsed).toEqual(alone);
    expect(progress.at(-1)).toEqual([SECTIONS + 1, SECTIONS + 1]);
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: SECTIONS + 1 }, (_, i) => i + 1));
  }, 60_000);

  it('reads the pages itself that a helper claimed but never sent', async () => {
    const shared = sharing();
    // As if a helper had claimed the first three pages and then stopped (an error, its memory limit).
    new Int32Array(shared.primary.claims)[0] = 3;
    shared.helper.port.close();
    const parsed = await parsePdf(bytes, { fileName: 'accounts.pdf', limits: ALWAYS, pageSharing: shared.primary });
    expect(parsed).toEqual(alone);
  }, 60_000);

  it('gives the same document through the import workers, with and without a helper', async () => {
    const request = (limits: ImportLimits) => ({ format: 'pdf' as const, fileName: 'accounts.pdf', bytes, limits });
    const progress: [number, number][] = [];
    const helped = unpackDocument(
      await parseInWorker(request(ALWAYS), 60_000, 512, (done, total) => progress.push([done, total])),
    );
    const single = unpackDocument(await parseInWorker(request(NEVER), 60_000, 512));
    expect(helped).toEqual(alone);
    expect(single).toEqual(alone);
    expect(progress.at(-1)).toEqual([SECTIONS + 1, SECTIONS + 1]);
  }, 60_000);
});

describe('broken PDFs with a helper started', () => {
  it.each([
    ['truncated.pdf', 'E_INVALID_INPUT', /damaged|could not be read/],
    ['encrypted.pdf', 'E_UNSUPPORTED', /password/],
  ])(
    'refuses %s with the same error as without one',
    async (fileName, code, message) => {
      const bytes = new Uint8Array(await readFile(`${HOSTILE}/${fileName}`));
      const outcome = (limits: ImportLimits) =>
        parseInWorker({ format: 'pdf', fileName, bytes, limits }, 60_000, 512).catch((error: unknown) => error);
      const helped = await outcome(ALWAYS);
      expect(helped).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(helped).toEqual(await outcome(NEVER));
    },
    60_000,
  );

  it('refuses a PDF with more pages than a version may have, helper or not', async () => {
    const bytes = new Uint8Array(await readFile(`${RIVERTON}/v3.pdf`));
    const limits = withHelperFrom(0, { ...DEFAULT_IMPORT_LIMITS, pdf: { ...DEFAULT_IMPORT_LIMITS.pdf, maxPages: 2 } });
    const error = await parseInWorker({ format: 'pdf', fileName: 'v3.pdf', bytes, limits }, 60_000, 512).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringMatching(/has 5 pages, more than the 2/),
    });
  }, 60_000);
});
