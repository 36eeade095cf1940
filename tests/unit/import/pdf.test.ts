import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parsePdf } from '../../../electron/services/import/parsers/pdf';
import { DEFAULT_IMPORT_LIMITS, type BlockDraft, type ParsedDocument } from '../../../electron/services/import/types';
import { useTempDirs } from '../support/temp-dir';
import { chromiumMissing, POLICY, POLICY_HEADINGS, policyHtml, printPdf, RUNNING_HEAD } from './support-pdf-chromium';
import {
  CODE,
  CODE_HEAD,
  drawnCodePdf,
  imageOnlyPdf,
  scannedPicture,
  scriptedPdf,
  sectionPerPagePdf,
} from './support-pdf-drawn';

const tempDir = useTempDirs();
const context = (fileName: string) => ({ fileName, limits: DEFAULT_IMPORT_LIMITS });
const has = (tool: string) => {
  try {
    execFileSync('which', [tool]);
    return true;
  } catch {
    return false;
  }
};

function texts(blocks: readonly BlockDraft[], type?: BlockDraft['type']): string[] {
  return blocks
    .filter((block) => type === undefined || block.type === type)
    .map((block) => block.text.replace(/\s+/g, ' ').trim());
}

function blockWith(blocks: readonly BlockDraft[], text: string): BlockDraft | undefined {
  return blocks.find((block) => block.text.replace(/\s+/g, ' ').trim() === text);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}@_]+/u)
    .filter(Boolean);
}

describe.skipIf(chromiumMissing)('reading a policy that Chromium printed to PDF (tagged, with an outline)', () => {
  let folder: string;
  let file: string;
  let bytes: Uint8Array;
  let parsed: ParsedDocument;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'policy-review-pdf-'));
    bytes = await printPdf(policyHtml());
    file = join(folder, 'policy.pdf');
    await writeFile(file, bytes);
    parsed = await parsePdf(bytes, {
      ...context('policy.pdf'),
      progress: (done, total) => progress.push([done, total]),
    });
  }, 60_000);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('takes the headings and their levels from the outline', () => {
    const headings = parsed.blocks.flatMap((block) =>
      block.type === 'heading' ? [[block.level, block.text] as const] : [],
    );
    expect(headings).toEqual(POLICY_HEADINGS);
  });

  it('leaves the running head and the "Page N of M" feet out of every block', () => {
    const all = texts(parsed.blocks).join('\n');
    expect(all).not.toContain(RUNNING_HEAD);
    expect(all).not.toMatch(/Page \d+ of \d+/);
  });

  it('gives every block the page it starts on', () => {
    expect(parsed.blocks.every((block) => Number.isInteger(block.page) && block.page! >= 1)).toBe(true);
    expect(blockWith(parsed.blocks, POLICY.intro)?.page).toBe(1);
    expect(blockWith(parsed.blocks, POLICY.scope)?.page).toBe(2);
    expect(blockWith(parsed.blocks, '3. Records')?.page).toBe(3);
    expect(blockWith(parsed.blocks, POLICY.review)?.page).toBe(4);
  });

  it('reads each wrapped paragraph as one block with the printed text', () => {
    expect(texts(parsed.blocks, 'paragraph')).toEqual(
      expect.arrayContaining([POLICY.intro, POLICY.purpose, POLICY.scope, POLICY.exceptions, POLICY.review]),
    );
  });

  it('joins a word hyphenated at a line end', () => {
    expect(texts(parsed.blocks, 'paragraph')).toContain(POLICY.hyphenated);
  });

  it('keeps a paragraph cut by a page break as one block, on the page it starts on', () => {
    expect(blockWith(parsed.blocks, POLICY.acrossPages)).toMatchObject({ type: 'paragraph', page: 3 });
  });

  it('reads list items with their depth and kind, without bullets or numbers', () => {
    const items = parsed.blocks.flatMap((block) =>
      block.type === 'list-item' ? [[block.depth, block.ordered, block.text]] : [],
    );
    expect(items).toEqual([
      [0, false, POLICY.bullets[0]],
      [1, false, POLICY.nestedBullet],
      [0, false, POLICY.bullets[1]],
      [0, true, POLICY.steps[0]],
      [0, true, POLICY.steps[1]],
    ]);
  });

  it('reads the table as cells with their row, column and header row', () => {
    const cells = parsed.blocks.flatMap((block) =>
      block.type === 'table-cell' ? [[block.row, block.column, block.header, block.text]] : [],
    );
    expect(cells).toEqual(POLICY.table.flatMap((row, r) => row.map((text, c) => [r, c, r === 0, text])));
  });

  it.skipIf(!has('pdftotext'))('finds the words that poppler’s pdftotext finds', () => {
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => !line.includes(RUNNING_HEAD) && !/^\s*Page \d+ of \d+\s*$/.test(line))
      .join(' ');
    const ours = new Map<string, number>();
    for (const word of words(texts(parsed.blocks).join(' '))) ours.set(word, (ours.get(word) ?? 0) + 1);
    const theirs = words(poppler);
    const found = theirs.filter((word) => {
      const left = ours.get(word) ?? 0;
      if (left > 0) ours.set(word, left - 1);
      return left > 0;
    });
    expect(theirs.length).toBeGreaterThan(300);
    expect(found.length / theirs.length).toBeGreaterThanOrEqual(0.98);
  });

  it('reports its progress page by page', () => {
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it('takes the title from the document properties and warns of nothing', () => {
    expect(parsed.metadata.title).toBe('Social Media Policy');
    expect(parsed.warnings).toEqual([]);
  });

  it('leaves the bytes it was given intact', async () => {
    const copy = new Uint8Array(bytes);
    await parsePdf(copy, context('policy.pdf'));
    expect(copy.length).toBe(bytes.length);
    expect(Buffer.compare(copy, bytes)).toBe(0);
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const error = await failure(
      parsePdf(bytes, {
        fileName: 'policy.pdf',
        limits: { ...DEFAULT_IMPORT_LIMITS, pdf: { ...DEFAULT_IMPORT_LIMITS.pdf, maxPages: 3 } },
      }),
    );
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain('“policy.pdf” has 4 pages');
  });

  it.skipIf(!has('qpdf'))('refuses a PDF that needs a password, saying to remove it', async () => {
    const dir = await tempDir();
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', file, join(dir, 'locked.pdf')]);
    const error = await failure(
      parsePdf(new Uint8Array(await readFile(join(dir, 'locked.pdf'))), context('locked.pdf')),
    );
    expect(error.code).toBe('E_UNSUPPORTED');
    expect(error.message).toMatch(/“locked\.pdf”.*password.*remove the password/);
  });

  it.skipIf(!has('qpdf'))('reads a PDF that is encrypted but opens without a password', async () => {
    const dir = await tempDir();
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', file, join(dir, 'restricted.pdf')]);
    const restricted = await parsePdf(
      new Uint8Array(await readFile(join(dir, 'restricted.pdf'))),
      context('restricted.pdf'),
    );
    expect(texts(restricted.blocks)).toEqual(texts(parsed.blocks));
  });

  it('refuses a truncated PDF as damaged, naming the file', async () => {
    const error = await failure(parsePdf(bytes.slice(0, Math.floor(bytes.length / 2)), context('half.pdf')));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toContain('“half.pdf”');
  });
});

describe.skipIf(chromiumMissing)('reading a PDF without tags or an outline', () => {
  it('takes the headings and their levels from the type size', async () => {
    const parsed = await parsePdf(await printPdf(policyHtml(), { tagged: false }), context('untagged.pdf'));
    const headings = parsed.blocks.flatMap((block) =>
      block.type === 'heading' ? [[block.level, block.text] as const] : [],
    );
    expect(headings).toEqual(POLICY_HEADINGS);
    expect(texts(parsed.blocks, 'paragraph')).toEqual(
      expect.arrayContaining([POLICY.intro, POLICY.hyphenated, POLICY.acrossPages]),
    );
  }, 30_000);
});

describe('reading a PDF drawn line by line (no tags, no outline)', () => {
  let parsed: ParsedDocument;
  beforeAll(async () => {
    const folder = await mkdtemp(join(tmpdir(), 'policy-review-pdf-'));
    try {
      parsed = await parsePdf(await drawnCodePdf(scannedPicture(folder)), context('code.pdf'));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('rejoins a word hyphenated at a line end, and keeps real hyphens', () => {
    expect(texts(parsed.blocks, 'paragraph')).toContain(CODE.hyphenated);
  });

  it('reads a footnote at the foot of a page as a note, and its raised mark as [1]', () => {
    expect(texts(parsed.blocks, 'paragraph')).toContain(CODE.hyphenated);
    expect(parsed.blocks.filter((block) => block.type === 'note')).toEqual([
      { type: 'note', label: '1', text: CODE.footnote, page: 1 },
    ]);
  });

  it('reads bullets and numbers as list items, with the depth their indent gives and without the markers', () => {
    const items = parsed.blocks.flatMap((block) =>
      block.type === 'list-item' ? [[block.depth, block.ordered, block.text]] : [],
    );
    expect(items).toEqual([
      [0, false, CODE.bullets[0]],
      [1, false, CODE.bullets[1]],
      [0, false, CODE.bullets[2]],
      [0, true, CODE.steps[0]],
      [1, true, CODE.steps[1]],
      [0, true, CODE.steps[2]],
    ]);
  });

  it('takes numbered headings in larger type as headings, not list items', () => {
    const headings = parsed.blocks.flatMap((block) => (block.type === 'heading' ? [[block.level, block.text]] : []));
    expect(headings).toEqual([
      [1, 'Code of Conduct'],
      [2, '1. Behaviour online'],
      [2, '2. Corrections'],
      [2, '3. Meetings'],
      [2, '4. Closing words'],
    ]);
  });

  it('reads a two-column page column by column', () => {
    const paragraphs = texts(parsed.blocks, 'paragraph');
    expect(paragraphs).toContain(CODE.left);
    expect(paragraphs).toContain(CODE.right);
    expect(paragraphs.indexOf(CODE.left)).toBe(paragraphs.indexOf(CODE.right) - 1);
  });

  it('joins a paragraph that runs on to the next page, past the footnote between its parts', () => {
    expect(blockWith(parsed.blocks, CODE.acrossPages)).toMatchObject({ type: 'paragraph', page: 1 });
  });

  it('leaves out the running head and the bare page numbers', () => {
    const all = texts(parsed.blocks);
    expect(all.join('\n')).not.toContain(CODE_HEAD);
    expect(all.filter((text) => /^\d+$/.test(text))).toEqual([]);
    expect(blockWith(parsed.blocks, CODE.closing)?.page).toBe(4);
  });

  it('leaves out a diagonal watermark', () => {
    expect(texts(parsed.blocks).join('\n')).not.toContain('DRAFT');
  });

  it('names the page that has little or no text', () => {
    expect(parsed.warnings).toEqual([expect.stringMatching(/^“code\.pdf”: page 3 has little or no text/)]);
  });
});

describe('running heads and headings', () => {
  it('keeps the headings that open every page, though they repeat at the top', async () => {
    const parsed = await parsePdf(await sectionPerPagePdf(), context('sections.pdf'));
    const headings = parsed.blocks.flatMap((block) => (block.type === 'heading' ? [[block.page, block.text]] : []));
    expect(headings).toEqual([
      [1, 'Section 1'],
      [2, 'Section 2'],
      [3, 'Section 3'],
    ]);
  });
});

describe('PDFs with no text, scripts or damage', () => {
  it('returns no blocks and says to run OCR when the PDF has no text layer', async () => {
    const parsed = await parsePdf(await imageOnlyPdf(scannedPicture(await tempDir())), context('x.pdf'));
    expect(parsed.blocks).toEqual([]);
    expect(parsed.warnings).toEqual([
      '“x.pdf” has no text layer (it looks like a scan), so there is no text to annotate. Run ' +
        'it through OCR (for example in Acrobat or with ocrmypdf) and import the result.',
    ]);
  });

  it('imports the text of a PDF with JavaScript, without its scripts, and says they were ignored', async () => {
    const parsed = await parsePdf(await scriptedPdf(), context('scripted.pdf'));
    expect(texts(parsed.blocks)).toEqual(['Scripted policy', 'Click here for the annex.']);
    expect(JSON.stringify(parsed.blocks)).not.toMatch(/app\.alert|javascript/i);
    expect(parsed.warnings).toEqual([
      '“scripted.pdf”: the PDF contains scripts; they were ignored (nothing in the file was run).',
    ]);
  });

  it('refuses a file that is not a PDF at all, naming it', async () => {
    const error = await failure(
      parsePdf(new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF\n'), context('fake.pdf')),
    );
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toContain('“fake.pdf”');
  });
});
