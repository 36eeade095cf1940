import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { parseDocx } from '../../../electron/services/import/parsers/docx';
import { checkDocxArchive } from '../../../electron/services/import/parsers/docx-zip';
import {
  DEFAULT_IMPORT_LIMITS,
  type BlockDraft,
  type ImportLimits,
  type ParsedDocument,
} from '../../../electron/services/import/types';
import { DOCX, pictureDocx, policyDocx, repack, misstateEntrySize, zipBombDocx } from './support-docx-build';

const context = (fileName: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS) => ({ fileName, limits });

function withDocxLimits(docx: Partial<ImportLimits['docx']>): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, docx: { ...DEFAULT_IMPORT_LIMITS.docx, ...docx } };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function blockWith(blocks: readonly BlockDraft[], text: string): BlockDraft | undefined {
  return blocks.find((block) => block.text === text);
}

describe('reading a Word document', () => {
  let docx: Uint8Array;
  let parsed: ParsedDocument;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    docx = await policyDocx();
    parsed = await parseDocx(docx, {
      ...context('policy.docx'),
      progress: (done, total) => progress.push([done, total]),
    });
  });

  it('reads the Title style and Heading 1-3 as headings with their levels', () => {
    const headings = parsed.blocks.flatMap((block) => (block.type === 'heading' ? [[block.level, block.text]] : []));
    expect(headings).toEqual([
      [1, DOCX.title],
      [1, '1. Purpose'],
      [2, '1.1 Accounts'],
      [3, '1.1.1 Steps'],
    ]);
  });

  it('reads bulleted and numbered lists with the depth of their Word list level', () => {
    const items = parsed.blocks.flatMap((block) =>
      block.type === 'list-item' ? [[block.depth, block.ordered, block.text]] : [],
    );
    expect(items).toEqual([
      [0, false, DOCX.bullets[0]],
      [1, false, DOCX.nestedBullet],
      [0, false, DOCX.bullets[1]],
      [0, true, DOCX.steps[0]],
      [1, true, DOCX.nestedStep],
      [0, true, DOCX.steps[1]],
    ]);
  });

  it('reads the table as cells with their row, column and header row', () => {
    const cells = parsed.blocks.flatMap((block) =>
      block.type === 'table-cell' ? [[block.table, block.row, block.column, block.header, block.text]] : [],
    );
    expect(cells).toEqual(DOCX.table.flatMap((row, r) => row.map((text, c) => [0, r, c, r === 0, text])));
  });

  it('keeps the footnote as a note labelled 1, and its [1] marker in the paragraph', () => {
    expect(blockWith(parsed.blocks, `${DOCX.footnoted}[1]`)).toMatchObject({ type: 'paragraph' });
    expect(parsed.blocks.filter((block) => block.type === 'note')).toEqual([
      { type: 'note', label: '1', text: DOCX.footnote },
    ]);
  });

  it('reads the Quote style as a quote', () => {
    expect(blockWith(parsed.blocks, DOCX.quote)).toEqual({ type: 'quote', text: DOCX.quote });
  });

  it('keeps only the text of a javascript: link', () => {
    expect(blockWith(parsed.blocks, `${DOCX.linkBefore}${DOCX.linkText}${DOCX.linkAfter}`)).toMatchObject({
      type: 'paragraph',
    });
    expect(JSON.stringify(parsed)).not.toMatch(/javascript|alert/i);
  });

  it('takes the title from the document properties', () => {
    expect(parsed.metadata.title).toBe(DOCX.title);
    expect(parsed.metadata.created).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('sums up the styles it does not know in one warning', () => {
    expect(parsed.warnings).toEqual([
      expect.stringContaining('“policy.docx” uses paragraph styles this app does not know (“Policy Clause”)'),
    ]);
    expect(blockWith(parsed.blocks, DOCX.clause)).toMatchObject({ type: 'paragraph' });
  });

  it('reports its progress', () => {
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('reads the same document from the parts the parsing process checked and unpacked, without the archive', async () => {
    const docxArchive = await checkDocxArchive(docx, 'policy.docx', DEFAULT_IMPORT_LIMITS.docx);
    const fromParts = await parseDocx(new Uint8Array(), { ...context('policy.docx'), docxArchive });
    expect(fromParts).toEqual(parsed);
  });
});

describe('Word files that are not safe or not whole', () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = await policyDocx();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses a zip bomb before the converter sees it, naming the file', async () => {
    const bomb = await zipBombDocx(docx, 20);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    const error = await failure(parseDocx(bomb, context('bomb.docx')));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toMatch(/“bomb\.docx” expands to far more than a Word document.*zip bomb/);
    expect(convert).not.toHaveBeenCalled();
  });

  it('refuses a zip bomb whose directory understates how large it unpacks', async () => {
    const liar = misstateEntrySize(await zipBombDocx(docx, 20), 'word/document.xml', 4_000);
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    const error = await failure(parseDocx(liar, context('liar.docx')));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain('“liar.docx”');
    expect(convert).not.toHaveBeenCalled();
  });

  it('refuses an archive whose directory overstates what an entry unpacks to as damaged', async () => {
    const zip = await JSZip.loadAsync(docx);
    const real = (await zip.file('word/document.xml')!.async('uint8array')).length;
    const short = misstateEntrySize(docx, 'word/document.xml', real + 1);
    const error = await failure(parseDocx(short, context('short.docx')));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toMatch(/“short\.docx”.*damaged or incomplete/);
  });

  it('refuses an archive that unpacks to more than the limit in all', async () => {
    const error = await failure(
      parseDocx(docx, context('policy.docx', withDocxLimits({ maxUncompressedBytes: 10_000 }))),
    );
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain('“policy.docx”');
  });

  it('refuses an archive with more entries than the limit', async () => {
    const crowded = await repack(docx, (zip) => {
      for (let i = 0; i < DEFAULT_IMPORT_LIMITS.docx.maxEntries; i++) zip.file(`customXml/item${i}.xml`, '<a/>');
    });
    const error = await failure(parseDocx(crowded, context('crowded.docx')));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toMatch(/“crowded\.docx” holds 2,0\d\d files inside/);
  });

  it('refuses a truncated file as damaged, suggesting to save it again from Word', async () => {
    const error = await failure(parseDocx(docx.slice(0, Math.floor(docx.length / 2)), context('half.docx')));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toMatch(/“half\.docx”.*damaged or incomplete.*save it again/);
  });

  it('refuses a document whose Word XML is broken as damaged, naming the file', async () => {
    const broken = await repack(docx, (zip) =>
      zip.file(
        'word/document.xml',
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>',
      ),
    );
    const error = await failure(parseDocx(broken, context('broken.docx')));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toMatch(/“broken\.docx” could not be read as a Word document.*save it again/);
  });

  it('refuses a zip archive without word/document.xml as not a Word document', async () => {
    const hollow = await repack(docx, (zip) => zip.remove('word/document.xml'));
    const error = await failure(parseDocx(hollow, context('hollow.docx')));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toMatch(/“hollow\.docx” is a zip archive but not a Word document/);
  });
});

describe('Word documents with pictures', () => {
  it('keeps the text around a picture and its description, though only XML parts reach the converter', async () => {
    const docx = await pictureDocx('Map of the city districts');
    expect(Object.keys((await JSZip.loadAsync(docx)).files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(
      true,
    );
    const parsed = await parseDocx(docx, context('picture.docx'));
    expect(parsed.blocks.map((block) => block.text)).toEqual([
      'Before the picture.',
      '[Image: Map of the city districts]',
      'After the picture.',
    ]);
  });
});
