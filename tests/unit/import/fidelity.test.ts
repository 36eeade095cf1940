import { diffChars } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Version } from '../../../shared/model';
import { useTempDirs } from '../support/temp-dir';
import { importFile, reviewIn, RIVERTON } from './support-import';

const tempDir = useTempDirs();
const FORMATS = ['md', 'txt', 'html', 'docx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** Characters the two texts share, over the longer one: 1 means identical. */
function similarity(a: string, b: string): number {
  const shared = diffChars(a, b).reduce((sum, part) => sum + (part.added || part.removed ? 0 : part.value.length), 0);
  return shared / Math.max(a.length, b.length);
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const headings = (v: Version) =>
  v.blocks.filter((b) => b.type === 'heading').map((b) => `${b.type === 'heading' ? b.level : 0} ${b.text}`);
const listItems = (v: Version) =>
  v.blocks.flatMap((b) => (b.type === 'list-item' ? [`${b.depth}${b.ordered ? '#' : '-'} ${b.text}`] : []));
const tableCells = (v: Version) =>
  v.blocks.flatMap((b: Block) =>
    b.type === 'table-cell' ? [`${b.table}:${b.row}:${b.column}${b.header ? 'h' : ''} ${b.text}`] : [],
  );

describe.each(['v1', 'v2', 'v3'])('the Riverton policy %s imported from every format', (name) => {
  const versions = {} as Record<Format, Version>;

  beforeAll(async () => {
    const { ws, reviewId } = await reviewIn(await tempDir());
    for (const format of FORMATS)
      versions[format] = (await importFile(ws, reviewId, `${RIVERTON}/${name}.${format}`)).version;
    await ws.close();
  }, 120_000);

  it.each(FORMATS.filter((f) => f !== 'md'))('gives the same headings from %s as from Markdown', (format) => {
    expect(headings(versions[format])).toEqual(headings(versions.md));
  });

  it.each(FORMATS.filter((f) => f !== 'md'))(
    'gives at least 99%% the same canonical text from %s as from Markdown',
    (format) => {
      const score = similarity(squeeze(versions.md.text), squeeze(versions[format].text));
      expect(score, `${format} is ${(score * 100).toFixed(2)}% similar`).toBeGreaterThanOrEqual(0.99);
    },
  );

  it.each(['docx', 'html'] as const)('keeps list nesting and table cells from %s', (format) => {
    expect(listItems(versions[format])).toEqual(listItems(versions.md));
    expect(tableCells(versions[format])).toEqual(tableCells(versions.md));
    expect(listItems(versions.md).some((item) => item.startsWith('1'))).toBe(true);
    expect(tableCells(versions.md).length).toBeGreaterThan(8);
  });
});
