import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { locateTarget } from '../../../shared/anchoring';
import { useTempDirs } from '../support/temp-dir';
import {
  call,
  comment,
  commentWithLink,
  CONDUCT,
  failure,
  PRIVACY,
  rangeOf,
  reviewWithVersion,
  workstationOn,
} from './support-review';

const tempDir = useTempDirs();

async function setUp() {
  return reviewWithVersion(await tempDir());
}

describe('annotating a passage', () => {
  it('re-finds exactly the same text after the app is restarted', async () => {
    const { ws, dataDir, reviewId, version } = await setUp();
    const range = rangeOf(version, 'must not post political endorsements');
    const added = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range,
      criterionIds: [CONDUCT],
      severity: 'major',
      body: comment('Too vague.'),
    });
    await ws.close();

    const restarted = await workstationOn(dataDir);
    const [found] = await call(restarted, 'annotations.list', { reviewId, versionId: version.id });
    const text = (await call(restarted, 'versions.get', { reviewId, versionId: version.id })).text;
    expect(found).toMatchObject({
      id: added.id,
      criterionIds: [CONDUCT],
      severity: 'major',
      status: 'open',
      anchorState: 'anchored',
      author: { name: 'Ada Chair' },
    });
    const located = locateTarget(text, found!.target);
    expect(located).toEqual({ start: range.start, end: range.end });
    expect(text.slice(located!.start, located!.end)).toBe('must not post political endorsements');
  });

  it('stores the selection as W3C quote and position selectors with the text around it', async () => {
    const { ws, reviewId, version } = await setUp();
    const range = rangeOf(version, 'Staff must not', 1);
    const added = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range,
      criterionIds: [CONDUCT],
      severity: 'info',
      body: comment('x'),
    });
    const [quote, position] = added.target.selector;
    expect(added.target.source).toBe(version.id);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Staff must not',
      prefix: version.text.slice(range.start - 32, range.start),
      suffix: version.text.slice(range.end, range.end + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start: range.start, end: range.end });
  });

  it('keeps overlapping annotations apart, each on its own words', async () => {
    const { ws, reviewId, version } = await setUp();
    const outer = rangeOf(version, 'share personal data of residents');
    const inner = rangeOf(version, 'personal data');
    const a = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: outer,
      criterionIds: [PRIVACY],
      severity: 'critical',
      body: comment('Outer'),
    });
    const b = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: inner,
      criterionIds: [PRIVACY, CONDUCT],
      severity: 'minor',
      body: comment('Inner'),
    });
    const listed = await call(ws, 'annotations.list', { reviewId, versionId: version.id });
    expect(listed.map((x) => x.id)).toEqual([a.id, b.id]);
    expect(listed.map((x) => locateTarget(version.text, x.target))).toEqual([
      { start: outer.start, end: outer.end },
      { start: inner.start, end: inner.end },
    ]);
  });

  it('refuses a selection whose text no longer matches the version, saving nothing', async () => {
    const { ws, reviewId, version } = await setUp();
    const file = ws.library.fileFor(reviewId);
    const before = await readFile(file);
    const range = { ...rangeOf(version, 'personal data'), exact: 'personal date' };
    const error = await failure(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range,
      criterionIds: [PRIVACY],
      severity: 'minor',
      body: comment('x'),
    });
    expect(error).toMatchObject({ code: 'E_INVALID_INPUT', message: expect.stringMatching(/selected text changed/) });
    expect(await readFile(file)).toEqual(before);
  });

  it('refuses a selection that runs past the end of the version', async () => {
    const { ws, reviewId, version } = await setUp();
    const range = {
      start: version.text.length - 3,
      end: version.text.length + 5,
      exact: `${version.text.slice(-3)}abcde`,
    };
    const error = await failure(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range,
      criterionIds: [PRIVACY],
      severity: 'minor',
      body: comment('x'),
    });
    expect(error).toMatchObject({ code: 'E_INVALID_INPUT', message: expect.stringMatching(/selected text changed/) });
  });

  it('refuses a criterion that is not in the checklist, naming it', async () => {
    const { ws, reviewId, version } = await setUp();
    const error = await failure(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY, 'privacy.no-such-thing'],
      severity: 'minor',
      body: comment('x'),
    });
    expect(error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('privacy.no-such-thing') });
    expect(await call(ws, 'annotations.list', { reviewId })).toEqual([]);
  });

  it('refuses a criterion that was removed from the checklist', async () => {
    const { ws, reviewId, version } = await setUp();
    await call(ws, 'checklist.removeCriterion', { reviewId, criterionId: PRIVACY });
    const error = await failure(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'minor',
      body: comment('x'),
    });
    expect(error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining(PRIVACY) });
  });
});

describe('links in comments', () => {
  it.each([
    'http://example.org/guidance',
    'https://example.org/a?b=c#d',
    'mailto:dpo@example.org',
    '  HTTPS://EXAMPLE.ORG  ',
  ])('accepts a link to %s', async (url) => {
    const { ws, reviewId, version } = await setUp();
    const added = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'info',
      body: commentWithLink(url),
    });
    expect(JSON.stringify(added.body)).toContain(JSON.stringify(url));
  });

  it.each([
    ['javascript:alert(1)', /“javascript:”/],
    ['JAVASCRIPT:alert(1)', /“javascript:”/],
    ['data:text/html,<script>alert(1)</script>', /“data:”/],
    ['/relative/path', /not a full address/],
    ['java\tscript:alert(1)', /control characters/],
  ])('refuses a link to %s, saying which addresses are allowed', async (url, reason) => {
    const { ws, reviewId, version } = await setUp();
    const error = await failure(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'info',
      body: commentWithLink(url),
    });
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('Links may only point to http, https or mailto addresses.');
  });

  it('refuses a javascript: link in a reply and in an edited comment too', async () => {
    const { ws, reviewId, version } = await setUp();
    const added = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'info',
      body: comment('ok'),
    });
    const reply = await failure(ws, 'annotations.reply', {
      reviewId,
      annotationId: added.id,
      body: commentWithLink('javascript:void(0)'),
    });
    const edit = await failure(ws, 'annotations.update', {
      reviewId,
      annotationId: added.id,
      body: commentWithLink('javascript:void(0)'),
    });
    expect([reply.code, edit.code]).toEqual(['E_INVALID_INPUT', 'E_INVALID_INPUT']);
  });

  it('refuses an element the comment editor does not make', async () => {
    const { ws, reviewId, version } = await setUp();
    const body = {
      root: {
        type: 'root' as const,
        children: [{ type: 'paragraph', children: [{ type: 'html', html: '<img src=x onerror=alert(1)>' }] }],
      },
    };
    const error = await failure(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'info',
      body,
    });
    expect(error).toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('cannot hold a “html” element'),
    });
  });
});

describe('a thread: replies, edits, status, delete and undo', () => {
  async function annotated() {
    const setup = await setUp();
    const { ws, reviewId, version } = setup;
    const annotation = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'within one business day'),
      criterionIds: [CONDUCT],
      severity: 'minor',
      body: comment('Is one day realistic?'),
    });
    return { ...setup, annotation };
  }

  it('adds, edits and deletes a reply, leaving a tombstone that the thread no longer shows', async () => {
    const { ws, reviewId, annotation } = await annotated();
    const reply = await call(ws, 'annotations.reply', {
      reviewId,
      annotationId: annotation.id,
      body: comment('Two days is common.'),
    });
    expect(reply).toMatchObject({ author: { name: 'Ada Chair', role: 'chair' } });
    const edited = await call(ws, 'annotations.editReply', {
      reviewId,
      annotationId: annotation.id,
      replyId: reply.id,
      body: comment('Three days is common.'),
    });
    expect(edited.body).toEqual(comment('Three days is common.'));
    expect((await call(ws, 'annotations.list', { reviewId }))[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
    await call(ws, 'annotations.deleteReply', { reviewId, annotationId: annotation.id, replyId: reply.id });
    expect((await call(ws, 'annotations.list', { reviewId }))[0]!.replies).toEqual([]);
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.annotations[0]!.replies[0]).toMatchObject({ id: reply.id, deletedAt: expect.any(String) });
  });

  it('refuses an empty reply', async () => {
    const { ws, reviewId, annotation } = await annotated();
    expect(
      await failure(ws, 'annotations.reply', { reviewId, annotationId: annotation.id, body: comment('   ') }),
    ).toMatchObject({ code: 'E_INVALID_INPUT', message: 'A reply needs some text.' });
  });

  it('edits an annotation’s criteria, severity and comment', async () => {
    const { ws, reviewId, annotation } = await annotated();
    const updated = await call(ws, 'annotations.update', {
      reviewId,
      annotationId: annotation.id,
      criterionIds: [CONDUCT, PRIVACY],
      severity: 'critical',
      body: comment('One day is not realistic.'),
    });
    expect(updated).toMatchObject({
      criterionIds: [CONDUCT, PRIVACY],
      severity: 'critical',
      body: comment('One day is not realistic.'),
    });
    expect(updated.updatedAt >= annotation.updatedAt).toBe(true);
    expect(updated.target).toEqual(annotation.target);
  });

  it('resolves and reopens an annotation', async () => {
    const { ws, reviewId, annotation } = await annotated();
    expect(
      (await call(ws, 'annotations.setStatus', { reviewId, annotationId: annotation.id, status: 'resolved' })).status,
    ).toBe('resolved');
    expect(
      (await call(ws, 'annotations.setStatus', { reviewId, annotationId: annotation.id, status: 'open' })).status,
    ).toBe('open');
    expect(
      (await call(ws, 'annotations.setStatus', { reviewId, annotationId: annotation.id, status: 'wontfix' })).status,
    ).toBe('wontfix');
  });

  it('deletes an annotation as a tombstone and restores it with undo', async () => {
    const { ws, reviewId, annotation } = await annotated();
    await call(ws, 'annotations.delete', { reviewId, annotationId: annotation.id });
    expect(await call(ws, 'annotations.list', { reviewId })).toEqual([]);
    expect((await call(ws, 'reviews.open', { reviewId })).review.annotations[0]).toMatchObject({
      id: annotation.id,
      deletedAt: expect.any(String),
    });
    expect(
      await failure(ws, 'annotations.reply', { reviewId, annotationId: annotation.id, body: comment('late') }),
    ).toMatchObject({ code: 'E_NOT_FOUND' });
    const restored = await call(ws, 'annotations.restore', { reviewId, annotationId: annotation.id });
    expect(restored.deletedAt).toBeUndefined();
    expect((await call(ws, 'annotations.list', { reviewId })).map((a) => a.id)).toEqual([annotation.id]);
  });

  it('cannot bring back an annotation whose version was deleted', async () => {
    const { ws, reviewId, version, annotation } = await annotated();
    await call(ws, 'versions.delete', { reviewId, versionId: version.id });
    expect(await failure(ws, 'annotations.restore', { reviewId, annotationId: annotation.id })).toMatchObject({
      code: 'E_INVALID_INPUT',
      message: expect.stringContaining('was deleted'),
    });
    expect(
      await failure(ws, 'annotations.setStatus', { reviewId, annotationId: annotation.id, status: 'resolved' }),
    ).toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('the audit log of annotation changes', () => {
  it('records every change with who did it, what and when, in a sentence', async () => {
    const { ws, reviewId, version } = await setUp();
    const started = new Date().toISOString();
    const a = await call(ws, 'annotations.add', {
      reviewId,
      versionId: version.id,
      range: rangeOf(version, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'major',
      body: comment('x'),
    });
    await call(ws, 'annotations.update', { reviewId, annotationId: a.id, severity: 'critical' });
    await call(ws, 'annotations.setStatus', { reviewId, annotationId: a.id, status: 'resolved' });
    const reply = await call(ws, 'annotations.reply', { reviewId, annotationId: a.id, body: comment('agreed') });
    await call(ws, 'annotations.editReply', {
      reviewId,
      annotationId: a.id,
      replyId: reply.id,
      body: comment('agreed!'),
    });
    await call(ws, 'annotations.deleteReply', { reviewId, annotationId: a.id, replyId: reply.id });
    await call(ws, 'annotations.delete', { reviewId, annotationId: a.id });
    await call(ws, 'annotations.restore', { reviewId, annotationId: a.id });
    const entries = (await call(ws, 'audit.list', { reviewId }))
      .filter((e) => e.action.startsWith('annotations.'))
      .reverse();
    expect(entries.map((e) => e.action)).toEqual([
      'annotations.add',
      'annotations.update',
      'annotations.setStatus',
      'annotations.reply',
      'annotations.editReply',
      'annotations.deleteReply',
      'annotations.delete',
      'annotations.restore',
    ]);
    for (const entry of entries) {
      expect(entry.actor.name).toBe('Ada Chair');
      expect(entry.at >= started).toBe(true);
      expect(entry.summary).toMatch(/^[A-Z].*“personal data”.*\.$/);
    }
    expect(entries[1]!.summary).toContain('severity Major → Critical');
  });
});
