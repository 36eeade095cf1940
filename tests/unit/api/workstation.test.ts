import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult, MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import { BUILTIN_CRITERIA } from '../../../shared/checklist';
import { decodeReviewText } from '../../../shared/model';
import { createApiInvoker } from '../../../electron/services/api/dispatch';
import { FileLock } from '../../../electron/services/storage/file-lock';
import { openWorkstation, type Workstation } from '../../../electron/services/workstation/workstation';
import { counterId, fixedClock } from '../support/fixed-clock';
import { useTempDirs } from '../support/temp-dir';
import { reviewTextOnDisk } from '../support/review-on-disk';

const tempDir = useTempDirs();

async function workstation(): Promise<Workstation> {
  return openWorkstation({ dataDir: await tempDir(), host: 'browser', checkResults: true, logError: () => undefined });
}

async function call<M extends MethodName>(ws: Workstation, method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const result = (await ws.invoke(method, args)) as ApiResult<MethodResult<M>>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('the contract served by the real services', () => {
  it('lets a call in flight finish before closing, closes the review it opened, and refuses calls after', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'A window going away' });
    // A window's last call, on its way to the review as the window goes: it opens the review and takes its lock.
    const inFlight = ws.invoke('annotations.list', { reviewId: id });
    await ws.close();

    expect(await inFlight).toMatchObject({ ok: true, value: [] });
    expect(existsSync(FileLock.lockFileFor(join(ws.dataDir, 'reviews', `${id}.review.json`)))).toBe(false);
    expect(await ws.invoke('annotations.list', { reviewId: id })).toEqual({
      ok: false,
      error: { code: 'E_NOT_FOUND', message: 'The app is closing, so this was not done.' },
    });
  });

  it('refuses a method that is not in the contract', async () => {
    const ws = await workstation();
    expect(await ws.invoke('fs.readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'E_UNKNOWN_METHOD', message: expect.stringContaining('not something this app can do') },
    });
  });

  it('refuses arguments that fail the schema, saying which field is wrong', async () => {
    const ws = await workstation();
    const result = await ws.invoke('reviews.create', { title: '   ' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT', message: expect.stringContaining('title') },
    });
    expect(await ws.invoke('reviews.open', { reviewId: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT' },
    });
  });

  it('reports an unexpected failure as E_INTERNAL without its details', async () => {
    const logged: unknown[] = [];
    const invoke = createApiInvoker(
      { 'app.info': () => Promise.reject(new Error('secret stack detail at /home/x')) } as never,
      { logError: (_m, e) => logged.push(e) },
    );
    const result = await invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('records the clock it was given, through the door, on every change', async () => {
    const clock = fixedClock('2026-03-02T09:00:00.000Z');
    const ws = await openWorkstation({
      dataDir: await tempDir(),
      host: 'browser',
      checkResults: true,
      logError: () => undefined,
      clock,
    });
    const summary = await call(ws, 'reviews.create', { title: 'Clocked review' });
    clock.setTo('2026-03-02T10:00:00.000Z');
    await call(ws, 'reviews.rename', { reviewId: summary.id, title: 'Clocked review, renamed' });
    const { review } = await call(ws, 'reviews.open', { reviewId: summary.id });
    expect([review.id, review.createdAt, review.committee[0]?.id]).toEqual([
      counterId(2),
      '2026-03-02T09:00:00.000Z',
      counterId(1),
    ]);
    expect(review.audit.map((a) => [a.id, a.at, a.action])).toEqual([
      [counterId(3), '2026-03-02T09:00:00.000Z', 'reviews.create'],
      [counterId(4), '2026-03-02T10:00:00.000Z', 'reviews.rename'],
    ]);
  });

  it('creates a review from the built-in checklist with its creator on the committee', async () => {
    const ws = await workstation();
    await call(ws, 'settings.set', { user: { name: 'Ada Chair', role: 'chair', email: 'ada@example.org' } });
    const summary = await call(ws, 'reviews.create', { title: 'Social media policy 2026' });
    expect(summary).toMatchObject({
      title: 'Social media policy 2026',
      criteria: BUILTIN_CRITERIA.length,
      members: 1,
      state: 'ok',
    });
    const { review, readOnly } = await call(ws, 'reviews.open', { reviewId: summary.id });
    expect(readOnly).toBe(false);
    expect(review.committee[0]).toMatchObject({ name: 'Ada Chair', role: 'chair', email: 'ada@example.org' });
    expect(review.audit.map((a) => a.action)).toEqual(['reviews.create']);
    expect((await call(ws, 'reviews.list', {})).map((r) => r.id)).toEqual([summary.id]);
  });

  it('renames a review, records who did it, and keeps it on disk', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Draft' });
    await call(ws, 'reviews.rename', { reviewId: id, title: 'Code of conduct review' });
    const onDisk = decodeReviewText(await reviewTextOnDisk(ws.library.fileFor(id)));
    expect(onDisk.kind === 'current' && onDisk.review.title).toBe('Code of conduct review');
    expect(onDisk.kind === 'current' && onDisk.review.audit.at(-1)).toMatchObject({
      action: 'reviews.rename',
      summary: expect.stringContaining('Draft'),
    });
  });

  it('sets the committee, keeping ids of members it updates and tombstoning those it drops', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Committee test' });
    const first = await call(ws, 'committee.set', {
      reviewId: id,
      members: [
        { name: 'Bea Legal', role: 'legal' },
        { name: 'Cem Privacy', role: 'privacy', email: 'cem@example.org' },
      ],
    });
    expect(first.map((m) => m.name)).toEqual(['Bea Legal', 'Cem Privacy']);
    const bea = first[0]!;
    const second = await call(ws, 'committee.set', {
      reviewId: id,
      members: [{ id: bea.id, name: 'Bea Legal-Advisor', role: 'legal' }],
    });
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ id: bea.id, name: 'Bea Legal-Advisor' });
    const { review } = await call(ws, 'reviews.open', { reviewId: id });
    const dropped = review.committee.filter((m) => m.deletedAt).map((m) => m.name);
    expect(dropped).toEqual(expect.arrayContaining(['Cem Privacy']));
  });

  it('refuses an invalid member email with a message a person can act on', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Emails' });
    const result = await ws.invoke('committee.set', {
      reviewId: id,
      members: [{ name: 'X', role: 'member', email: 'not-an-email' }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT', message: expect.stringContaining('valid email') },
    });
  });

  it('adds, edits and removes a review’s own criteria', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Checklist test' });
    const added = await call(ws, 'checklist.addCriterion', {
      reviewId: id,
      criterion: {
        category: 'records',
        title: 'Archive of direct messages',
        question: 'Does the policy say how direct messages are archived?',
        guidance: 'Look for DMs.',
      },
    });
    expect(added).toMatchObject({ id: 'records.custom-archive-of-direct-messages', origin: 'custom' });
    await call(ws, 'checklist.updateCriterion', {
      reviewId: id,
      criterionId: added.id,
      criterion: { category: 'records', title: 'Archive of DMs', question: 'Are DMs archived?', guidance: '' },
    });
    let checklist = await call(ws, 'checklist.get', { reviewId: id });
    expect(checklist.criteria.find((c) => c.id === added.id)?.title).toBe('Archive of DMs');
    expect(checklist.categories.map((c) => c.id)).toContain('records');
    await call(ws, 'checklist.removeCriterion', { reviewId: id, criterionId: added.id });
    checklist = await call(ws, 'checklist.get', { reviewId: id });
    expect(checklist.criteria.some((c) => c.id === added.id)).toBe(false);
    expect(checklist.criteria).toHaveLength(BUILTIN_CRITERIA.length);
  });

  it('deletes a review by moving its files to the trash, never erasing them', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'To delete' });
    await call(ws, 'reviews.open', { reviewId: id });
    await call(ws, 'versions.import', {
      reviewId: id,
      source: { kind: 'file', fileName: 'p.txt', dataBase64: Buffer.from('A policy.').toString('base64') },
    });
    await call(ws, 'report.export', { reviewId: id, format: 'md', destination: { kind: 'return' } });
    const { movedTo } = await call(ws, 'reviews.delete', { reviewId: id });
    expect((await readdir(movedTo)).sort()).toEqual(
      [`${id}.review.backups`, `${id}.review.json`, `${id}.reports`, `${id}.sources`].sort(),
    );
    expect((await readdir(ws.library.reviewsDir)).filter((name) => name.startsWith(id))).toEqual([]);
    expect(await call(ws, 'reviews.list', {})).toEqual([]);
    expect(await ws.invoke('reviews.open', { reviewId: id })).toMatchObject({
      ok: false,
      error: { code: 'E_NOT_FOUND' },
    });
  });

  it('keeps settings across restarts', async () => {
    const dataDir = await tempDir();
    const first = await openWorkstation({ dataDir, host: 'browser' });
    await call(first, 'settings.set', { user: { name: 'Dee Secretary', role: 'secretary', email: '' } });
    const second = await openWorkstation({ dataDir, host: 'browser' });
    expect(await call(second, 'settings.get', {})).toEqual({
      user: { name: 'Dee Secretary', role: 'secretary', email: '' },
    });
  });
});

describe('text a person types', () => {
  it('refuses a title with a line break or a terminal escape', async () => {
    const ws = await workstation();
    for (const title of ['Two\nlines', 'Clear \u001b[2J screen']) {
      expect(await ws.invoke('reviews.create', { title })).toMatchObject({
        ok: false,
        error: { code: 'E_INVALID_INPUT', message: expect.stringContaining('single line') },
      });
    }
  });
});

describe('argument problems in words', () => {
  it('names the field and the limit when a value is too long', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Limits' });
    const result = await ws.invoke('checklist.addCriterion', {
      reviewId: id,
      criterion: { category: 'records', title: 'T', question: 'Q?', guidance: '', reference: 'x'.repeat(501) },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: 'The reference is too long: at most 500 characters.' },
    });
  });

  it('says what an email address looks like', async () => {
    const ws = await workstation();
    const result = await ws.invoke('settings.set', { user: { name: 'A', role: 'member', email: 'nope' } });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('like name@example.org') } });
  });

  it('lists the allowed values of a choice', async () => {
    const ws = await workstation();
    const result = await ws.invoke('settings.set', { user: { name: 'A', role: 'king', email: '' } });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('chair, secretary, member') },
    });
  });
});

describe('two windows on one review', () => {
  it('lets the first window edit and shows the second a read-only view that says why, until the first closes it', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Shared' });
    const first = { windowId: 'w1' };
    const second = { windowId: 'w2' };
    expect(await ws.invoke('reviews.open', { reviewId: id }, first)).toMatchObject({
      ok: true,
      value: { readOnly: false },
    });
    expect(await ws.invoke('reviews.open', { reviewId: id }, second)).toMatchObject({
      ok: true,
      value: { readOnly: true, readOnlyReason: expect.stringContaining('another window') },
    });
    expect(await ws.invoke('reviews.rename', { reviewId: id, title: 'From w2' }, second)).toMatchObject({
      ok: false,
      error: { code: 'E_LOCKED' },
    });
    expect(await ws.invoke('reviews.delete', { reviewId: id }, second)).toMatchObject({
      ok: false,
      error: { code: 'E_LOCKED' },
    });
    expect(await ws.invoke('reviews.rename', { reviewId: id, title: 'From w1' }, first)).toMatchObject({ ok: true });
    await ws.invoke('reviews.close', { reviewId: id }, first);
    expect(await ws.invoke('reviews.open', { reviewId: id }, second)).toMatchObject({
      ok: true,
      value: { readOnly: false, review: { title: 'From w1' } },
    });
  });

  it('releases the reviews of a window that closes without saying so', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Crashed window' });
    await ws.invoke('reviews.open', { reviewId: id }, { windowId: 'gone' });
    await ws.windowClosed('gone');
    expect(await ws.invoke('reviews.open', { reviewId: id }, { windowId: 'next' })).toMatchObject({
      ok: true,
      value: { readOnly: false },
    });
  });
});

describe('the audit log', () => {
  it('shortens a summary that would be longer than the log allows, so the review stays valid', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.create', { title: 'Audit' });
    const members = Array.from({ length: 60 }, (_, i) => ({
      name: `Member with a rather long name number ${i}`,
      role: 'member' as const,
    }));
    await call(ws, 'committee.set', { reviewId: id, members });
    const { review } = await call(ws, 'reviews.open', { reviewId: id });
    const entry = review.audit.at(-1)!;
    expect(entry.action).toBe('committee.set');
    expect(entry.summary.length).toBe(1000);
    expect(entry.summary.endsWith('…')).toBe(true);
  });
});
