import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/types';
import { sourcesFolderFor } from '../../../electron/services/storage/source-files';
import type { Workstation, WorkstationOptions } from '../../../electron/services/workstation/workstation';
import { useTempDirs } from '../support/temp-dir';
import { call, reviewIn } from '../import/support-import';

const tempDir = useTempDirs();

const POLICY_TXT = `Social Media Policy
===================

Purpose
-------

This policy sets out how the city uses social media.
It applies to all staff.

- Official accounts need approval.
  - The communications office keeps the list.
- Personal accounts are personal.
`;

/** A workstation over a fresh folder with one empty review in it, as the import tests make one. */
async function setUp(options: Partial<WorkstationOptions> = {}): Promise<{ ws: Workstation; reviewId: string }> {
  return reviewIn(await tempDir(), options);
}

function fileSource(fileName: string, content: string | Uint8Array) {
  return { kind: 'file' as const, fileName, dataBase64: Buffer.from(content).toString('base64') };
}

describe('importing a policy version', () => {
  it('imports a text file into blocks and canonical text, keeping its source bytes by sha256', async () => {
    const { ws, reviewId } = await setUp();
    const { version, warnings } = await call(ws, 'versions.import', {
      reviewId,
      source: fileSource('policy-2021.txt', POLICY_TXT),
    });
    expect(warnings).toEqual([]);
    expect(version).toMatchObject({
      label: 'policy-2021',
      source: { fileName: 'policy-2021.txt', mediaType: 'text/plain', bytes: Buffer.byteLength(POLICY_TXT) },
    });
    const full = await call(ws, 'versions.get', { reviewId, versionId: version.id });
    expect(full.blocks.map((b) => [b.type, b.text])).toEqual([
      ['heading', 'Social Media Policy'],
      ['heading', 'Purpose'],
      ['paragraph', 'This policy sets out how the city uses social media. It applies to all staff.'],
      ['list-item', 'Official accounts need approval.'],
      ['list-item', 'The communications office keeps the list.'],
      ['list-item', 'Personal accounts are personal.'],
    ]);
    expect(full.blocks.filter((b) => b.type === 'list-item').map((b) => b.type === 'list-item' && b.depth)).toEqual([
      0, 1, 0,
    ]);
    expect(full.text).toBe(full.blocks.map((b) => b.text).join('\n\n'));
    const sha = createHash('sha256').update(POLICY_TXT).digest('hex');
    expect(full.source.sha256).toBe(sha);
    const kept = await readFile(`${sourcesFolderFor(ws.library.fileFor(reviewId))}/${sha}`, 'utf8');
    expect(kept).toBe(POLICY_TXT);
  });

  it('reports progress by stage for a call that asks for it', async () => {
    const { ws, reviewId } = await setUp();
    const stages: string[] = [];
    ws.onEvent((event) => event.type === 'import.progress' && stages.push(event.stage));
    await call(ws, 'versions.import', {
      reviewId,
      source: fileSource('p.txt', POLICY_TXT),
      requestId: '7d7c6a1e-9d36-4f7b-8a37-0c6d2a7f1a11',
    });
    expect(stages[0]).toBe('reading');
    expect(stages).toContain('parsing');
    expect(stages.at(-1)).toBe('saving');
  });

  it('reports the pages read by the parsing process as they come', async () => {
    const { ws, reviewId } = await setUp();
    const pages: [number | undefined, number | undefined][] = [];
    ws.onEvent(
      (event) =>
        event.type === 'import.progress' &&
        event.stage === 'parsing' &&
        event.total !== undefined &&
        pages.push([event.done, event.total]),
    );
    const pdf = await readFile(new URL('../../../fixtures/policies/riverton-social-media/v3.pdf', import.meta.url));
    await call(ws, 'versions.import', {
      reviewId,
      source: fileSource('v3.pdf', pdf),
      requestId: '0b1f3c5e-2a4d-4e6f-8a0b-1c2d3e4f5a6b',
    });
    expect(pages).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
  }, 60_000);

  it('imports through the native dialog path with a token, never a path from the renderer', async () => {
    const dir = await tempDir();
    const path = `${dir}/chosen.txt`;
    await (await import('node:fs/promises')).writeFile(path, POLICY_TXT);
    const { ws, reviewId } = await setUp({ chooseFiles: async () => [path] });
    const [chosen] = await call(ws, 'files.choose', { purpose: 'import-version' });
    expect(chosen).toMatchObject({ fileName: 'chosen.txt', bytes: Buffer.byteLength(POLICY_TXT) });
    const { version } = await call(ws, 'versions.import', {
      reviewId,
      source: { kind: 'chosen', token: chosen!.token },
    });
    expect(version.source.fileName).toBe('chosen.txt');
    // A token is good for one import only.
    await expect(
      call(ws, 'versions.import', { reviewId, source: { kind: 'chosen', token: chosen!.token } }),
    ).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('says plainly that a host without a native dialog cannot open one', async () => {
    const { ws } = await setUp();
    await expect(call(ws, 'files.choose', { purpose: 'import-version' })).rejects.toMatchObject({
      code: 'E_UNSUPPORTED',
    });
  });
});

describe('a failed import leaves the review exactly as it was', () => {
  const cases: [string, string, string | Uint8Array, string, RegExp][] = [
    ['an empty file', 'empty.txt', '', 'E_INVALID_INPUT', /empty/],
    [
      'binary garbage',
      'garbage.txt',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
      'E_UNSUPPORTED',
      /binary/,
    ],
    [
      'text named .pdf',
      'lies.pdf',
      POLICY_TXT,
      'E_INVALID_INPUT',
      /named like a PDF but its content is a plain-text file/,
    ],
    ['a PDF named .docx', 'lies.docx', '%PDF-1.7\n%…', 'E_INVALID_INPUT', /named like a Word document/],
    ['a file of blank lines', 'blank.txt', '   \n\n  \n', 'E_INVALID_INPUT', /no text to review/],
  ];
  it.each(cases)('refuses %s with a message that names the file', async (_what, fileName, content, code, message) => {
    const { ws, reviewId } = await setUp();
    const file = ws.library.fileFor(reviewId);
    await call(ws, 'reviews.open', { reviewId });
    const before = await readFile(file);
    const error = await call(ws, 'versions.import', { reviewId, source: fileSource(fileName, content) }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((error as Error).message).toContain(fileName);
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(sourcesFolderFor(file)).catch(() => [])).toEqual([]);
  });

  it('refuses a file over the size limit before reading it, saying how large it is', async () => {
    const { ws, reviewId } = await setUp({ importLimits: { ...DEFAULT_IMPORT_LIMITS, maxInputBytes: 1000 } });
    const error = await call(ws, 'versions.import', {
      reviewId,
      source: fileSource('big.txt', 'x '.repeat(2000)),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining('“big.txt” is 4 KB; the most this app imports is 1000 bytes'),
    });
  });

  it('stops a parser that runs past its time limit', async () => {
    const { ws, reviewId } = await setUp({ importLimits: { ...DEFAULT_IMPORT_LIMITS, timeoutMs: 1 } });
    const error = await call(ws, 'versions.import', {
      reviewId,
      source: fileSource('slow.txt', POLICY_TXT.repeat(2000)),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringContaining('took longer than') });
  });

  it('refuses output beyond the text limit', async () => {
    const { ws, reviewId } = await setUp({ importLimits: { ...DEFAULT_IMPORT_LIMITS, maxOutputChars: 100 } });
    const error = await call(ws, 'versions.import', { reviewId, source: fileSource('long.txt', POLICY_TXT) }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'E_TOO_LARGE',
      message: expect.stringContaining('“long.txt” holds more than 100 characters'),
    });
  });
});

describe('managing versions', () => {
  async function twoVersions() {
    const setup = await setUp();
    const { ws, reviewId } = setup;
    const a = (
      await call(ws, 'versions.import', { reviewId, source: fileSource('2021.txt', POLICY_TXT), label: 'Policy 2021' })
    ).version;
    const b = (
      await call(ws, 'versions.import', {
        reviewId,
        source: fileSource('2023.txt', `${POLICY_TXT}\nNew paragraph.\n`),
        label: 'Policy 2023',
      })
    ).version;
    return { ...setup, a, b };
  }

  it('lists versions in order, renames one and sets its effective date', async () => {
    const { ws, reviewId, a, b } = await twoVersions();
    expect((await call(ws, 'versions.list', { reviewId })).map((v) => v.label)).toEqual(['Policy 2021', 'Policy 2023']);
    const updated = await call(ws, 'versions.update', {
      reviewId,
      versionId: a.id,
      label: 'Adopted 2021',
      effectiveDate: '2021-03-01',
    });
    expect(updated).toMatchObject({ label: 'Adopted 2021', effectiveDate: '2021-03-01' });
    const cleared = await call(ws, 'versions.update', { reviewId, versionId: a.id, effectiveDate: null });
    expect(cleared.effectiveDate).toBeUndefined();
    expect(b.label).toBe('Policy 2023');
  });

  it('reorders versions, refusing an order that leaves one out', async () => {
    const { ws, reviewId, a, b } = await twoVersions();
    expect((await call(ws, 'versions.reorder', { reviewId, versionIds: [b.id, a.id] })).map((v) => v.id)).toEqual([
      b.id,
      a.id,
    ]);
    await expect(call(ws, 'versions.reorder', { reviewId, versionIds: [a.id] })).rejects.toMatchObject({
      code: 'E_INVALID_INPUT',
    });
  });

  it('deletes a version with a tombstone, and its annotations with it', async () => {
    const { ws, reviewId, a, b } = await twoVersions();
    const store = await ws.library.openReview(reviewId);
    await store.mutate((review) => {
      const now = new Date().toISOString();
      review.annotations.push({
        id: '0b8f4a52-8d1a-4a49-9d4c-2b1f8c9d1e01',
        versionId: a.id,
        target: {
          source: a.id,
          selector: [
            { type: 'TextQuoteSelector', exact: 'Purpose', prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 21, end: 28 },
          ],
        },
        criterionIds: ['governance.purpose-scope'],
        severity: 'minor',
        status: 'open',
        body: { root: { type: 'root', children: [] } },
        author: { name: 'T' },
        createdAt: now,
        updatedAt: now,
        replies: [],
        anchorState: 'anchored',
      });
    });
    expect(await call(ws, 'versions.delete', { reviewId, versionId: a.id })).toEqual({
      deleted: true,
      annotationsRemoved: 1,
    });
    expect((await call(ws, 'versions.list', { reviewId })).map((v) => v.id)).toEqual([b.id]);
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.versions.find((v) => v.id === a.id)?.deletedAt).toBeDefined();
    expect(review.annotations[0]?.deletedAt).toBeDefined();
    await expect(call(ws, 'versions.get', { reviewId, versionId: a.id })).rejects.toMatchObject({
      code: 'E_NOT_FOUND',
    });
  });
});
