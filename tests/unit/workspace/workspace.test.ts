import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CRITERIA } from '../../../shared/checklist';
import { ChecklistTemplate } from '../../../shared/checklist/template';
import { useTempDirs } from '../support/temp-dir';
import {
  call,
  comment,
  failure,
  PRIVACY,
  rangeOf,
  reviewWithVersion,
  textSource,
  workstationOn,
} from '../annotations/support-review';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();

describe('drafts of what a person is typing', () => {
  it('keeps drafts durably across a restart, and clears one with null', async () => {
    const dataDir = await tempDir();
    const { ws, reviewId } = await reviewWithVersion(dataDir);
    await call(ws, 'drafts.set', { reviewId, key: 'annotation:new', value: 'Half a thought' });
    await call(ws, 'drafts.set', { reviewId, key: `rationale:${reviewId}:privacy.consent`, value: 'Because' });
    expect(JSON.parse(await readFile(join(dataDir, 'drafts', `${reviewId}.json`), 'utf8'))).toMatchObject({
      reviewId,
      drafts: { 'annotation:new': 'Half a thought' },
    });
    await ws.close();

    const restarted = await workstationOn(dataDir);
    expect(await call(restarted, 'drafts.get', { reviewId })).toEqual({
      'annotation:new': 'Half a thought',
      [`rationale:${reviewId}:privacy.consent`]: 'Because',
    });
    await call(restarted, 'drafts.set', { reviewId, key: 'annotation:new', value: null });
    expect(await call(restarted, 'drafts.get', { reviewId })).toEqual({
      [`rationale:${reviewId}:privacy.consent`]: 'Because',
    });
  });

  it('keeps the last of many quick saves, written one at a time', async () => {
    const { ws, reviewId } = await reviewWithVersion(await tempDir());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(ws, 'drafts.set', { reviewId, key: 'reply:a', value: `typed ${i}` })),
    );
    expect(await call(ws, 'drafts.get', { reviewId })).toEqual({ 'reply:a': 'typed 19' });
  });

  it('removes the drafts file when the last draft is cleared', async () => {
    const dataDir = await tempDir();
    const { ws, reviewId } = await reviewWithVersion(dataDir);
    await call(ws, 'drafts.set', { reviewId, key: 'annotation:new', value: 'x' });
    await call(ws, 'drafts.set', { reviewId, key: 'annotation:new', value: null });
    expect(await readdir(join(dataDir, 'drafts'))).toEqual([]);
  });

  it('moves a deleted review’s drafts to the trash with it', async () => {
    const dataDir = await tempDir();
    const { ws, reviewId } = await reviewWithVersion(dataDir);
    await call(ws, 'drafts.set', { reviewId, key: 'annotation:new', value: 'unsent' });
    const { movedTo } = await call(ws, 'reviews.delete', { reviewId });
    expect(await readdir(join(dataDir, 'drafts'))).toEqual([]);
    expect(JSON.parse(await readFile(join(movedTo, `${reviewId}.drafts.json`), 'utf8'))).toMatchObject({
      drafts: { 'annotation:new': 'unsent' },
    });
  });

  it('puts a damaged drafts file aside instead of overwriting it', async () => {
    const dataDir = await tempDir();
    const { ws, reviewId } = await reviewWithVersion(dataDir);
    await call(ws, 'drafts.set', { reviewId, key: 'annotation:new', value: 'x' });
    await writeFile(join(dataDir, 'drafts', `${reviewId}.json`), '{"reviewId": "trunc');
    expect(await call(ws, 'drafts.get', { reviewId })).toEqual({});
    expect((await readdir(join(dataDir, 'drafts'))).some((name) => name.startsWith(`${reviewId}.json.damaged-`))).toBe(
      true,
    );
  });
});

describe('the audit log', () => {
  it('lists entries newest first, as many as asked for', async () => {
    const { ws, reviewId } = await reviewWithVersion(await tempDir());
    await call(ws, 'reviews.rename', { reviewId, title: 'Renamed' });
    const all = await call(ws, 'audit.list', { reviewId });
    expect(all.map((e) => e.action)).toEqual(['reviews.rename', 'versions.import', 'reviews.create']);
    expect(await call(ws, 'audit.list', { reviewId, limit: 1 })).toEqual([all[0]]);
  });
});

describe('the order of the checklist', () => {
  it('puts the criteria in the order given and keeps it', async () => {
    const dataDir = await tempDir();
    const { ws, reviewId } = await reviewWithVersion(dataDir);
    const ids = BUILTIN_CRITERIA.map((c) => c.id).reverse();
    const reordered = await call(ws, 'checklist.reorder', { reviewId, criterionIds: ids });
    expect(reordered.map((c) => c.id)).toEqual(ids);
    await ws.close();
    const restarted = await workstationOn(dataDir);
    expect((await call(restarted, 'checklist.get', { reviewId })).criteria.map((c) => c.id)).toEqual(ids);
    expect((await call(restarted, 'audit.list', { reviewId, limit: 1 }))[0]).toMatchObject({
      action: 'checklist.reorder',
      actor: { name: 'Ada Chair' },
    });
  });

  it.each([
    ['one left out', (ids: string[]) => ids.slice(1)],
    ['one twice', (ids: string[]) => [...ids.slice(1), ids[1]!]],
    ['an unknown one', (ids: string[]) => [...ids.slice(1), 'privacy.unknown']],
  ])('refuses an order with %s', async (_what, change) => {
    const { ws, reviewId } = await reviewWithVersion(await tempDir());
    const error = await failure(ws, 'checklist.reorder', {
      reviewId,
      criterionIds: change(BUILTIN_CRITERIA.map((c) => c.id)),
    });
    expect(error).toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('every criterion of the checklist exactly once'),
    });
  });
});

describe('checklist templates', () => {
  async function customised() {
    const setup = await reviewWithVersion(await tempDir());
    const { ws, reviewId } = setup;
    await call(ws, 'checklist.addCriterion', {
      reviewId,
      criterion: {
        category: 'records',
        title: 'Archive of DMs',
        question: 'Are direct messages archived?',
        guidance: 'Look for DMs.',
        reference: 'Records Act s. 4',
      },
    });
    await call(ws, 'checklist.removeCriterion', { reviewId, criterionId: PRIVACY });
    return setup;
  }

  it('saves a checklist as a template and starts a new review with the same criteria from it', async () => {
    const { ws, reviewId } = await customised();
    const exported = await call(ws, 'checklist.exportTemplate', { reviewId, destination: { kind: 'return' } });
    expect(exported).toMatchObject({ fileName: 'Workspace test.checklist.json', saved: false });
    const template = ChecklistTemplate.parse(JSON.parse(exported.content!));
    expect(template).toMatchObject({ format: 'policy-review-checklist', formatVersion: 1, name: 'Workspace test' });

    const created = await call(ws, 'reviews.createFromTemplate', {
      title: 'From template',
      source: textSource(exported.fileName, exported.content!),
    });
    const original = (await call(ws, 'checklist.get', { reviewId })).criteria;
    const copy = (await call(ws, 'checklist.get', { reviewId: created.id })).criteria;
    const asked = (c: (typeof original)[number]) => ({
      id: c.id,
      category: c.category,
      title: c.title,
      question: c.question,
      guidance: c.guidance,
      reference: c.reference,
    });
    expect(copy.map(asked)).toEqual(original.map(asked));
    expect(copy.every((c) => c.origin === 'template')).toBe(true);
    expect(copy.some((c) => c.id === PRIVACY)).toBe(false);
    const { review } = await call(ws, 'reviews.open', { reviewId: created.id });
    expect(review.checklist.basedOn).toBe('template:Workspace test');
    expect(review.audit.map((e) => [e.action, e.actor.name])).toEqual([['reviews.createFromTemplate', 'Ada Chair']]);
  });

  it('writes the template where the native save dialog chose, and reads it back through the open dialog', async () => {
    const dir = await tempDir();
    const path = join(dir, 'our checklist.json');
    const { ws, reviewId } = await reviewWithVersion(await tempDir(), {
      chooseSaveFile: async () => path,
      chooseFiles: async () => [path],
    });
    const chosen = await call(ws, 'files.chooseSave', {
      purpose: 'checklist-template',
      suggestedName: 'x.checklist.json',
    });
    expect(
      await call(ws, 'checklist.exportTemplate', { reviewId, destination: { kind: 'chosen', token: chosen!.token } }),
    ).toEqual({ fileName: 'our checklist.json', saved: true });
    expect(ChecklistTemplate.safeParse(JSON.parse(await readFile(path, 'utf8'))).success).toBe(true);
    // A save token is good for one file only.
    expect(
      await failure(ws, 'checklist.exportTemplate', {
        reviewId,
        destination: { kind: 'chosen', token: chosen!.token },
      }),
    ).toMatchObject({ code: 'E_NOT_FOUND' });

    const [opened] = await call(ws, 'files.choose', { purpose: 'checklist-template' });
    const created = await call(ws, 'reviews.createFromTemplate', {
      title: 'Chosen',
      source: { kind: 'chosen', token: opened!.token },
    });
    expect(created.criteria).toBe(BUILTIN_CRITERIA.length);
  });

  it('answers a cancelled save dialog with null, and a host without one with E_UNSUPPORTED', async () => {
    const cancelled = await workstationOn(await tempDir(), { chooseSaveFile: async () => undefined });
    expect(await call(cancelled, 'files.chooseSave', { purpose: 'report', suggestedName: 'report.pdf' })).toBeNull();
    const browser = await workstationOn(await tempDir());
    expect(
      await failure(browser, 'files.chooseSave', { purpose: 'report', suggestedName: 'report.pdf' }),
    ).toMatchObject({ code: 'E_UNSUPPORTED' });
  });

  const valid = () => ({
    format: 'policy-review-checklist',
    formatVersion: 1,
    name: 'Ours',
    exportedAt: '2026-01-02T03:04:05.000Z',
    criteria: [
      { id: 'privacy.consent', category: 'privacy', title: 'Consent', question: 'Is consent asked?', guidance: '' },
    ],
  });
  it.each([
    [
      'a file that is not JSON',
      'notes.json',
      'Criteria:\n- consent\n',
      /“notes\.json” is not a checklist template.*it is not JSON/,
    ],
    [
      'JSON of another kind',
      'package.json',
      JSON.stringify({ name: 'x', version: '1.0.0' }),
      /“package\.json”.*“format” is missing, not “policy-review-checklist”/,
    ],
    [
      'a template of a newer format',
      'new.json',
      JSON.stringify({ ...valid(), formatVersion: 2 }),
      /“new\.json”.*newer version of the app/,
    ],
    [
      'a template with a broken criterion',
      'broken.json',
      JSON.stringify({ ...valid(), criteria: [{ ...valid().criteria[0], category: 'astrology' }] }),
      /“broken\.json”.*criteria\[0\]\.category/,
    ],
    [
      'a template with an id used twice',
      'twice.json',
      JSON.stringify({ ...valid(), criteria: [valid().criteria[0], valid().criteria[0]] }),
      /“twice\.json”.*criteria\[1\]\.id: the id “privacy\.consent” is used twice/,
    ],
    [
      'a template without criteria',
      'empty.json',
      JSON.stringify({ ...valid(), criteria: [] }),
      /“empty\.json”.*at least one criterion/,
    ],
    [
      'a binary file',
      'image.json',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      /“image\.json”.*not a text file/,
    ],
  ])(
    'refuses %s, naming the file and what is wrong, and creates nothing',
    async (_what, fileName, content, message) => {
      const ws = await workstationOn(await tempDir());
      const error = await failure(ws, 'reviews.createFromTemplate', {
        title: 'Should not exist',
        source: textSource(fileName, content),
      });
      expect(error.code).toBe('E_INVALID_INPUT');
      expect(error.message).toMatch(message);
      expect(await call(ws, 'reviews.list', {})).toEqual([]);
    },
  );

  it('refuses a template file over 2 MB before parsing it', async () => {
    const ws = await workstationOn(await tempDir());
    const error = await failure(ws, 'reviews.createFromTemplate', {
      title: 'Big',
      source: textSource('big.json', ' '.repeat(2 * 1024 * 1024 + 1)),
    });
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringContaining('“big.json”') });
  });
});

describe('a second window on a review being edited', () => {
  it('gets E_LOCKED on every change it tries, and the review is unchanged', async () => {
    const { ws, reviewId, version } = await reviewWithVersion(await tempDir());
    const annotation = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'minor',
      body: comment('x'),
    });
    const second = { windowId: 'second' };
    expect(await call(ws, 'reviews.open', { reviewId }, second)).toMatchObject({ readOnly: true });
    const before = await reviewTextOnDisk(ws.library.fileFor(reviewId));
    const attempts = [
      failure(
        ws,
        'annotations.add',
        {
          reviewId,
          versionId: version.id,
          range: rangeOf(version, 'personal data'),
          criterionIds: [PRIVACY],
          severity: 'minor',
          body: comment('y'),
        },
        second,
      ),
      failure(ws, 'annotations.setStatus', { reviewId, annotationId: annotation.id, status: 'resolved' }, second),
      failure(ws, 'annotations.reply', { reviewId, annotationId: annotation.id, body: comment('y') }, second),
      failure(ws, 'annotations.delete', { reviewId, annotationId: annotation.id }, second),
      failure(
        ws,
        'assessments.set',
        { reviewId, versionId: version.id, criterionId: PRIVACY, verdict: 'met', rationale: '', annotationIds: [] },
        second,
      ),
      failure(ws, 'checklist.reorder', { reviewId, criterionIds: BUILTIN_CRITERIA.map((c) => c.id) }, second),
      failure(ws, 'drafts.set', { reviewId, key: 'annotation:new', value: 'y' }, second),
    ];
    for (const error of await Promise.all(attempts))
      expect(error).toMatchObject({ code: 'E_LOCKED', message: expect.stringContaining('another window') });
    expect(await reviewTextOnDisk(ws.library.fileFor(reviewId))).toEqual(before);
    // Reading is still fine.
    expect(await call(ws, 'annotations.list', { reviewId }, second)).toHaveLength(1);
  });

  it('is refused in a second app instance too, drafts included, with who holds the review', async () => {
    const dataDir = await tempDir();
    const { ws, reviewId, version } = await reviewWithVersion(dataDir);
    const other = await workstationOn(dataDir);
    try {
      expect(await call(other, 'reviews.open', { reviewId })).toMatchObject({ readOnly: true });
      const draft = await failure(other, 'drafts.set', { reviewId, key: 'annotation:new', value: 'y' });
      const add = await failure(other, 'annotations.add', {
        reviewId,
        versionId: version.id,
        range: rangeOf(version, 'personal data'),
        criterionIds: [PRIVACY],
        severity: 'minor',
        body: comment('y'),
      });
      for (const error of [draft, add])
        expect(error).toMatchObject({
          code: 'E_LOCKED',
          message: expect.stringContaining('open in another window or process'),
        });
      expect(await call(ws, 'drafts.get', { reviewId })).toEqual({});
    } finally {
      await other.close();
    }
  });
});
