import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../shared/api';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/types';
import { sourcesFolderFor } from '../../../electron/services/storage/source-files';
import { zipDate } from '../../../fixtures/generator/deterministic-zip';
import { flateBombPdf, LYING_STYLES_DECLARED_BYTES, lyingStylesDocx } from '../../../fixtures/generator/memory-bombs';
import { useTempDirs } from '../support/temp-dir';
import { call, HOSTILE, importBytes, importFile, reviewIn, RIVERTON } from './support-import';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();

const REFUSED: [string, string, RegExp][] = [
  ['zip-bomb.docx', 'E_TOO_LARGE', /zip bomb|expands/i],
  ['many-entries.docx', 'E_TOO_LARGE', /entries|parts|files/i],
  ['truncated.docx', 'E_INVALID_INPUT', /damaged|cut short|truncated|could not be read|save it again/i],
  ['truncated.pdf', 'E_INVALID_INPUT', /damaged|cut short|truncated|could not be read|save it again/i],
  ['empty.txt', 'E_INVALID_INPUT', /empty/],
  ['garbage.bin', 'E_UNSUPPORTED', /binary/],
  ['not-really.pdf', 'E_INVALID_INPUT', /named like a PDF but its content is a Word document/],
  ['not-really.docx', 'E_INVALID_INPUT', /named like a Word document \(\.docx\) but its content is a plain-text file/],
  ['encrypted.pdf', 'E_UNSUPPORTED', /password/i],
];

describe('hostile and broken files', () => {
  it.each(REFUSED)(
    'refuses %s with %s, names the file, and leaves the review exactly as it was',
    async (fileName, code, message) => {
      const { ws, reviewId } = await reviewIn(await tempDir());
      await call(ws, 'reviews.open', { reviewId });
      const reviewFile = ws.library.fileFor(reviewId);
      const before = await reviewTextOnDisk(reviewFile);
      const error = await importFile(ws, reviewId, `${HOSTILE}/${fileName}`).catch((e: unknown) => e);
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
      expect((error as Error).message).toContain(fileName);
      expect(await reviewTextOnDisk(reviewFile)).toEqual(before);
      expect(await readdir(sourcesFolderFor(reviewFile)).catch(() => [])).toEqual([]);
      await ws.close();
    },
    60_000,
  );

  it('refuses a file over 50 MB before parsing it', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const bytes = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61);
    const error = await call(ws, 'versions.import', {
      reviewId,
      source: { kind: 'file', fileName: 'huge.txt', dataBase64: bytes.toString('base64') },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: expect.stringMatching(/E_TOO_LARGE|E_INVALID_INPUT/),
      message: expect.stringMatching(/50 MB/),
    });
    await ws.close();
  }, 60_000);

  it('imports the text of a PDF with JavaScript actions, and nothing of the scripts', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const { version } = await importFile(ws, reviewId, `${HOSTILE}/javascript.pdf`);
    expect(version.text.length).toBeGreaterThan(50);
    expect(JSON.stringify(version.blocks)).not.toMatch(/app\.alert|javascript/i);
    await ws.close();
  }, 60_000);

  it('imports the text of a web page with scripts, handlers and javascript: links, and nothing active', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const { version } = await importFile(ws, reviewId, `${HOSTILE}/hostile.html`);
    const stored = JSON.stringify(version.blocks);
    expect(version.text.length).toBeGreaterThan(100);
    for (const forbidden of [
      '<script',
      'alert(',
      'javascript:',
      'onerror',
      'onload',
      'evil.example',
      'data:text/html',
      'secret',
      '<',
    ]) {
      expect(stored, forbidden).not.toContain(forbidden);
    }
    await ws.close();
  }, 60_000);

  it('imports an image-only PDF with a warning that it has no text to annotate', async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    const { version, warnings } = await importFile(ws, reviewId, `${HOSTILE}/image-only.pdf`);
    expect(version.blocks).toEqual([]);
    expect(warnings.join(' ')).toMatch(/no text layer/i);
    expect(version.warnings).toEqual(warnings);
    await ws.close();
  }, 60_000);
});

describe('files that unpack to gigabytes', () => {
  const bombs: [string, string, RegExp][] = [
    ['flate-bomb.pdf', 'a 1.5 MB PDF whose one content stream inflates to 1.5 GB', /unpacks to more than 64 MB/],
    [
      'lying-styles.docx',
      `a 1.2 MB Word document whose styles part says it holds ${LYING_STYLES_DECLARED_BYTES} bytes and inflates to 1.2 GB`,
      /zip bomb/,
    ],
  ];
  const files = new Map<string, Uint8Array>();

  beforeAll(async () => {
    const pdf = await flateBombPdf();
    const docx = await lyingStylesDocx(await readFile(`${RIVERTON}/v1.docx`), zipDate('2023-01-01'));
    expect(pdf.decodedBytes).toBeGreaterThan(1.5e9);
    expect(docx.decodedBytes).toBeGreaterThan(1.2e9);
    files.set('flate-bomb.pdf', pdf.pdf).set('lying-styles.docx', docx.docx);
  }, 60_000);

  it.each(bombs)(
    'refuses %s (%s) with E_TOO_LARGE, and the review and the app carry on',
    async (fileName, _what, message) => {
      const { ws, reviewId } = await reviewIn(await tempDir());
      await call(ws, 'reviews.open', { reviewId });
      const reviewFile = ws.library.fileFor(reviewId);
      const before = await reviewTextOnDisk(reviewFile);
      const error = await importBytes(ws, reviewId, fileName, files.get(fileName)!).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringMatching(message) });
      expect((error as Error).message).toContain(fileName);
      expect(await reviewTextOnDisk(reviewFile)).toEqual(before);
      expect(await readdir(sourcesFolderFor(reviewFile)).catch(() => [])).toEqual([]);
      const { version } = await importFile(ws, reviewId, `${RIVERTON}/v1.md`);
      expect(version.blocks.length).toBeGreaterThan(40);
      await ws.close();
    },
    120_000,
  );

  it('stops the parsing process at its memory budget when a stream gets past the stream check', async () => {
    // pdf.js unpacks the stream slowly on a busy machine: the time limit is raised so the memory budget is what stops it.
    const limits = {
      ...DEFAULT_IMPORT_LIMITS,
      timeoutMs: 200_000,
      pdf: { ...DEFAULT_IMPORT_LIMITS.pdf, maxStreamBytes: Number.POSITIVE_INFINITY },
    };
    const { ws, reviewId } = await reviewIn(await tempDir(), { importLimits: limits });
    const error = await importBytes(ws, reviewId, 'flate-bomb.pdf', files.get('flate-bomb.pdf')!).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining(
        `Reading “flate-bomb.pdf” needed more than ${limits.maxProcessMemoryMb} MB of memory, so it was stopped.`,
      ),
    });
    const { version } = await importFile(ws, reviewId, `${RIVERTON}/v1.md`);
    expect(version.blocks.length).toBeGreaterThan(40);
    await ws.close();
  }, 240_000);
});
