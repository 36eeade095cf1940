// Checks the import fixtures themselves (fixtures/, made by fixtures/make-fixtures.ts) with tools independent of
// our importers: zip structure with yauzl, PDF structure with pdf-lib, and poppler / qpdf where installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import type { Heading } from 'mdast';
import yauzl, { type Entry } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { ZIP_BOMB_PADDING } from '../../../fixtures/generator/hostile-files';
import { inlineText, parsePolicy } from '../../../fixtures/generator/policy-markdown';
import { policyToDocx } from '../../../fixtures/generator/to-docx';
import { policyToHtml } from '../../../fixtures/generator/to-html';
import { policyToText } from '../../../fixtures/generator/to-text';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const policyDir = join(repo, 'fixtures/policies/riverton-social-media');
const hostileDir = join(repo, 'fixtures/hostile');
const VERSIONS = [1, 2, 3] as const;
/** For test names that name several files of one version (`$md`, `$txt`, ...). */
const EACH_VERSION = VERSIONS.map((n) => ({
  n,
  md: `v${n}.md`,
  txt: `v${n}.txt`,
  html: `v${n}.html`,
  docx: `v${n}.docx`,
}));
const STOCK_PHRASE = 'in accordance with the Records Retention Schedule';

const policy = (name: string): string => join(policyDir, name);
const hostile = (name: string): string => join(hostileDir, name);
const markdown = (n: number): string => readFileSync(policy(`v${n}.md`), 'utf8');

/** Whether a command-line tool is installed (on Debian: poppler-utils, qpdf). */
function installed(tool: string): boolean {
  return spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
}
const missing = (tool: string): string =>
  installed(tool)
    ? ''
    : ` [skipped: ${tool} is not installed; apt-get install ${tool === 'qpdf' ? 'qpdf' : 'poppler-utils'}]`;

function run(tool: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The central directory of a zip, read without inflating anything. */
async function zipEntries(path: string): Promise<Entry[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: true });
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function headingsOf(source: string): string[] {
  const { tree, footnoteNumbers } = parsePolicy(source);
  return tree.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((node) => inlineText(node.children, footnoteNumbers));
}

describe('the committed fixtures', () => {
  const committed = [
    ...VERSIONS.flatMap((n) => ['md', 'txt', 'html', 'docx', 'pdf'].map((ext) => policy(`v${n}.${ext}`))),
    ...[
      'zip-bomb.docx',
      'many-entries.docx',
      'javascript.pdf',
      'hostile.html',
      'truncated.docx',
      'truncated.pdf',
      'empty.txt',
      'garbage.bin',
      'not-really.pdf',
      'not-really.docx',
      'image-only.pdf',
      'encrypted.pdf',
    ].map(hostile),
  ];

  it('has every source, derived and hostile file', () => {
    expect(committed.filter((path) => !existsSync(path))).toEqual([]);
  });

  it('keeps the hostile byte-level files to their stated shape', () => {
    expect(statSync(hostile('empty.txt')).size).toBe(0);
    expect(statSync(hostile('garbage.bin')).size).toBe(4096);
    expect(readFileSync(hostile('not-really.pdf')).equals(readFileSync(policy('v1.docx')))).toBe(true);
    expect(readFileSync(hostile('not-really.docx')).equals(readFileSync(policy('v1.txt')))).toBe(true);
    for (const ext of ['docx', 'pdf']) {
      const whole = readFileSync(policy(`v1.${ext}`));
      const cut = readFileSync(hostile(`truncated.${ext}`));
      expect(cut.length).toBe(Math.floor(whole.length * 0.6));
      expect(whole.subarray(0, cut.length).equals(cut)).toBe(true);
    }
  });
});

describe('the Markdown sources', () => {
  it.each(VERSIONS)('v%i.md has front matter, three heading levels and every construct the importers handle', (n) => {
    const source = markdown(n);
    const { meta, tree } = parsePolicy(source);
    expect(meta).toMatchObject({ title: 'City of Riverton — Social Media Policy', version: n });
    expect(meta.effectiveDate).toMatch(/^20(21|23|25)-\d\d-\d\d$/);
    expect(Buffer.byteLength(source)).toBeLessThan(12.5 * 1024);
    const types = new Set(tree.children.map((node) => (node.type === 'heading' ? `h${node.depth}` : node.type)));
    for (const type of ['yaml', 'h1', 'h2', 'h3', 'paragraph', 'list', 'table', 'blockquote', 'footnoteDefinition'])
      expect(types).toContain(type);
    expect(source).toMatch(/^ {2}- /m); // a nested bullet
    expect(source).toMatch(/^1\. /m); // a numbered list
    expect(source).toContain('{% contact "comms-office" %}');
  });

  it('changes between versions the way the fixtures README says', () => {
    const [v1, v2, v3] = VERSIONS.map(markdown) as [string, string, string];
    expect(v1).not.toContain('Use of generative AI');
    expect(v2).toContain('## 5. Use of generative AI');
    expect(v1).toContain('A printed copy of this policy');
    expect(v2).not.toContain('A printed copy of this policy');
    expect(v2).toContain('| X (formerly Twitter) | @RivertonCityHall |');
    const personal = (source: string): string => /### 3\.2 Personal accounts\n\n([\s\S]*?)\n\n/.exec(source)?.[1] ?? '';
    expect(personal(v2)).not.toBe(personal(v1));
    expect(collapse(personal(v2))).toBe(collapse(personal(v1)));
    expect(v3.split(STOCK_PHRASE).length - 1).toBeGreaterThanOrEqual(4);
    expect(v2).toContain('- not endorse commercial products, services or businesses;');
    expect(v3).not.toContain('- not endorse commercial products, services or businesses;');
    expect(v3).toContain('### 11.1 Multi-factor authentication');
    expect(parsePolicy(v3).meta.owner).not.toBe(parsePolicy(v2).meta.owner);
  });
});

describe('the derived files', () => {
  it.each(EACH_VERSION)('$txt and $html are what the generator makes from $md, byte for byte', ({ n }) => {
    expect(policyToText(markdown(n))).toBe(readFileSync(policy(`v${n}.txt`), 'utf8'));
    expect(policyToHtml(markdown(n))).toBe(readFileSync(policy(`v${n}.html`), 'utf8'));
  });

  it.each(EACH_VERSION)('$docx is what the generator makes from $md, byte for byte', async ({ n }) => {
    const rebuilt = await policyToDocx(markdown(n));
    expect(rebuilt.equals(readFileSync(policy(`v${n}.docx`)))).toBe(true);
  });

  it.each(VERSIONS)('v%i.docx is a zip with a document, footnotes and list numbering', async (n) => {
    const names = (await zipEntries(policy(`v${n}.docx`))).map((entry) => entry.fileName);
    expect(names).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'word/document.xml',
        'word/footnotes.xml',
        'word/numbering.xml',
        'word/styles.xml',
      ]),
    );
  });

  it.each(VERSIONS)('v%i.pdf is tagged and has an outline', async (n) => {
    const pdf = await PDFDocument.load(readFileSync(policy(`v${n}.pdf`)), { updateMetadata: false });
    expect(pdf.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(pdf.catalog.get(PDFName.of('Outlines'))).toBeDefined();
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getTitle()).toBe('City of Riverton — Social Media Policy');
  });

  it.skipIf(!installed('pdftotext')).each(VERSIONS)(
    `v%i.pdf has every heading and the running header in its text layer${missing('pdftotext')}`,
    (n) => {
      const text = collapse(run('pdftotext', ['-enc', 'UTF-8', policy(`v${n}.pdf`), '-']).stdout);
      expect(text).toContain(`City of Riverton — Social Media Policy (v${n})`);
      expect(text).toMatch(/Page 1 of \d/);
      for (const heading of headingsOf(markdown(n))) expect(text).toContain(collapse(heading));
    },
  );

  it.skipIf(!installed('qpdf')).each(VERSIONS)(`v%i.pdf passes qpdf --check${missing('qpdf')}`, (n) => {
    const check = run('qpdf', ['--check', policy(`v${n}.pdf`)]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('the hostile corpus', () => {
  it('zip-bomb.docx declares more than 200 MB in a file under 1 MB, at over 1000:1 for word/document.xml', async () => {
    const entries = await zipEntries(hostile('zip-bomb.docx'));
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    expect(declared).toBeGreaterThan(200 * 1000 * 1000);
    expect(statSync(hostile('zip-bomb.docx')).size).toBeLessThan(1024 * 1024);
    const document = entries.find((entry) => entry.fileName === 'word/document.xml');
    expect(document?.uncompressedSize).toBeGreaterThan(ZIP_BOMB_PADDING);
    expect((document?.uncompressedSize ?? 0) / (document?.compressedSize ?? 1)).toBeGreaterThan(1000);
    expect(entries.map((entry) => entry.fileName)).toEqual(
      expect.arrayContaining(['word/footnotes.xml', 'word/numbering.xml']),
    );
  });

  it('many-entries.docx is a docx with more than 5,000 entries', async () => {
    const names = (await zipEntries(hostile('many-entries.docx'))).map((entry) => entry.fileName);
    expect(names.length).toBeGreaterThan(5000);
    expect(names).toContain('word/document.xml');
  });

  it('javascript.pdf opens with a JavaScript action and has a link annotation that runs JavaScript', async () => {
    const pdf = await PDFDocument.load(readFileSync(hostile('javascript.pdf')), { updateMetadata: false });
    const openAction = pdf.context.lookup(pdf.catalog.get(PDFName.of('OpenAction')), PDFDict);
    expect(openAction.get(PDFName.of('S'))).toBe(PDFName.of('JavaScript'));
    const annots = pdf.getPage(0).node.Annots()?.asArray() ?? [];
    const actions = annots.map((ref) => pdf.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict));
    expect(actions.some((action) => action?.get(PDFName.of('S')) === PDFName.of('JavaScript'))).toBe(true);
  });

  it.skipIf(!installed('pdftotext'))(`javascript.pdf has a real text layer${missing('pdftotext')}`, () => {
    expect(run('pdftotext', [hostile('javascript.pdf'), '-']).stdout).toContain('Confirm your subscription');
  });

  it.skipIf(!installed('pdftotext'))(`image-only.pdf yields no text${missing('pdftotext')}`, () => {
    const result = run('pdftotext', [hostile('image-only.pdf'), '-']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('');
  });

  it.skipIf(!installed('qpdf'))(`encrypted.pdf needs a password to open${missing('qpdf')}`, () => {
    // qpdf --requires-password exits 0 when a password is required, 2 when the file is not encrypted.
    expect(run('qpdf', ['--requires-password', hostile('encrypted.pdf')]).status).toBe(0);
  });

  it('hostile.html carries each kind of active content', () => {
    const html = readFileSync(hostile('hostile.html'), 'utf8');
    const kinds = [
      /<script[\s>]/,
      /<img src=x onerror=alert\(1\)>/,
      /<a href="javascript:/,
      /<a href="data:text\/html,/,
      /<iframe src="https:\/\/evil\.example/,
      /<svg [^>]*onload=/,
      /<object /,
      /<style>/,
      /<meta http-equiv="refresh"/,
      /style="[^"]*url\(https:\/\/evil\.example/,
      /<form [^>]*>[\s\S]*<input [^>]*value="HOSTILE-secret"/,
    ];
    expect(kinds.filter((kind) => !kind.test(html)).map(String)).toEqual([]);
    expect(html).toContain('Official accounts that allow comments are limited public forums.');
  });
});
