import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each';
import type { Annotation, Version } from '../../../shared/model';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { call, importFile, reviewIn, RIVERTON } from '../import/support-import';
import { useTempDirs } from '../support/temp-dir';
import { annotate, assess } from './support-review';

const tempDir = useTempDirs();
const opened = closedAfterEach<Workstation>();

const PURPOSE = 'governance.purpose-scope';
const PRIVACY = 'privacy.consent';
const ACCOUNTS = 'accounts.inventory-approval';

/** Passages of v1: one unchanged in v2, one lightly edited, one re-wrapped, one in a paragraph v2 rewrote. */
const QUOTES = {
  unchanged: 'Accounts opened without approval will be closed or transferred to the Communications Office.',
  edited:
    'The account manager is responsible for the content of the account, for answering ' +
    'questions within the agreed response times and for reporting incidents to the ' +
    'Communications Office.',
  rewrapped: 'Employees must not use a City email address to register personal accounts',
  gone: 'to invite comment on City services',
};

async function riverton(): Promise<{ ws: Workstation; reviewId: string; v1: Version; v2: Version; v3: Version }> {
  const { ws, reviewId } = await reviewIn(await tempDir());
  opened.push(ws);
  const versions: Version[] = [];
  for (const name of ['v1', 'v2', 'v3'])
    versions.push((await importFile(ws, reviewId, `${RIVERTON}/${name}.md`)).version);
  return { ws, reviewId, v1: versions[0]!, v2: versions[1]!, v3: versions[2]! };
}

function liveOn(annotations: Annotation[], versionId: string): Annotation[] {
  return annotations.filter((a) => a.versionId === versionId && !a.deletedAt);
}

describe('compare.versions', () => {
  it('compares two imported versions block by block, every block once on each side', async () => {
    const { ws, reviewId, v1, v2 } = await riverton();
    const comparison = await call(ws, 'compare.versions', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    const { counts } = comparison;
    expect(comparison).toMatchObject({ fromVersionId: v1.id, toVersionId: v2.id });
    expect(counts.unchanged + counts.changed + counts.removed + counts.moved).toBe(v1.blocks.length);
    expect(counts.unchanged + counts.changed + counts.added + counts.moved).toBe(v2.blocks.length);
    expect(counts.changed).toBeGreaterThan(3);
    expect(counts.added).toBeGreaterThan(3);
    const edited = comparison.blocks.find(
      (b) =>
        b.kind === 'changed' &&
        v1.text.slice(b.from!.start, b.from!.end).includes('The account manager is responsible'),
    )!;
    expect(edited.parts?.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toContain('agreed');
    // The paragraph v2 only re-wrapped is the same paragraph.
    const rewrapped = comparison.blocks.find(
      (b) => b.from && v1.text.slice(b.from.start, b.from.end).includes(QUOTES.rewrapped),
    )!;
    expect(rewrapped.kind).toBe('unchanged');
  });

  it('refuses a version that is not in the review', async () => {
    const { ws, reviewId, v1 } = await riverton();
    const result = await ws.invoke('compare.versions', {
      reviewId,
      fromVersionId: v1.id,
      toVersionId: '5d8c1f0e-8f3a-4c59-9a42-6f0a8f2a1b7c',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });
});

describe('annotations.carry', () => {
  it('makes a carried copy of every annotation on the newer version, with carriedFrom and its anchor state', async () => {
    const { ws, reviewId, v1, v2 } = await riverton();
    const sources = await annotate(await ws.library.openReview(reviewId), v1, [
      { exact: QUOTES.unchanged, criterionId: ACCOUNTS },
      { exact: QUOTES.edited, criterionId: ACCOUNTS },
      { exact: QUOTES.rewrapped, criterionId: PRIVACY },
      { exact: QUOTES.gone, criterionId: PURPOSE },
    ]);
    const outcome = await call(ws, 'annotations.carry', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    expect(outcome.counts).toEqual({ anchored: 2, moved: 0, fuzzy: 1, orphaned: 1 });
    expect(outcome.alreadyCarried).toBe(0);
    expect(outcome.carried.map((c) => [c.carriedFrom, c.anchorState])).toEqual([
      [sources[0]!.id, 'anchored'],
      [sources[1]!.id, 'fuzzy'],
      [sources[2]!.id, 'anchored'],
      [sources[3]!.id, 'orphaned'],
    ]);

    const { review } = await call(ws, 'reviews.open', { reviewId });
    const carried = liveOn(review.annotations, v2.id);
    expect(carried.map((a) => a.id)).toEqual(outcome.carried.map((c) => c.annotationId));
    const [same, fuzzy, rewrapped, orphan] = carried;
    expect(v2.text.slice(same!.target.selector[1].start, same!.target.selector[1].end)).toBe(QUOTES.unchanged);
    expect(rewrapped!.target.selector[0].exact).toBe(QUOTES.rewrapped);
    expect(fuzzy!.target.selector[0].exact).toBe(
      'The account manager is responsible for the content of the account, for answering ' +
        'questions within the response times published on the account and for reporting incidents ' +
        'to the Communications Office without delay.',
    );
    // An orphan keeps the words it was about, at a one-character place where they stood.
    expect(orphan!.target.selector[0]).toMatchObject({
      exact: QUOTES.gone,
      prefix: sources[3]!.target.selector[0].prefix,
    });
    expect(orphan!.target.selector[1].end - orphan!.target.selector[1].start).toBe(1);
    expect(orphan!.target.source).toBe(v2.id);
    // Everything else comes along: criteria, severity, comment, author, replies (as new records).
    expect(same).toMatchObject({
      criterionIds: [ACCOUNTS],
      severity: 'minor',
      status: 'open',
      author: { name: 'Lena Legal' },
      body: sources[0]!.body,
      carriedFrom: sources[0]!.id,
    });
    expect(same!.replies).toHaveLength(1);
    expect(same!.replies[0]!.id).not.toBe(sources[0]!.replies[0]!.id);
    expect(review.audit.filter((e) => e.action === 'annotations.carry')).toEqual([
      expect.objectContaining({
        subjectId: v2.id,
        summary: expect.stringContaining('2 anchored, 0 moved, 1 fuzzy, 1 orphaned'),
      }),
    ]);
  });

  it('does not duplicate anything when carried again, nor bring back a carried annotation that was deleted', async () => {
    const { ws, reviewId, v1, v2 } = await riverton();
    await annotate(await ws.library.openReview(reviewId), v1, [
      { exact: QUOTES.unchanged, criterionId: ACCOUNTS },
      { exact: QUOTES.gone, criterionId: PURPOSE },
    ]);
    const first = await call(ws, 'annotations.carry', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    const store = await ws.library.openReview(reviewId);
    await store.mutate((review) => {
      review.annotations.find((a) => a.id === first.carried[0]!.annotationId)!.deletedAt = new Date().toISOString();
    });
    const again = await call(ws, 'annotations.carry', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    expect(again).toEqual({ counts: { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 }, carried: [], alreadyCarried: 2 });
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.annotations.filter((a) => a.versionId === v2.id)).toHaveLength(2);
    expect(review.audit.filter((e) => e.action === 'annotations.carry')).toHaveLength(1);
  });

  it('does not carry a comment twice to the same version along two paths (v1→v2→v3, then v1→v3)', async () => {
    const { ws, reviewId, v1, v2, v3 } = await riverton();
    await annotate(await ws.library.openReview(reviewId), v1, [{ exact: QUOTES.unchanged, criterionId: ACCOUNTS }]);
    await call(ws, 'annotations.carry', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    await call(ws, 'annotations.carry', { reviewId, fromVersionId: v2.id, toVersionId: v3.id });
    const direct = await call(ws, 'annotations.carry', { reviewId, fromVersionId: v1.id, toVersionId: v3.id });
    expect(direct).toMatchObject({ carried: [], alreadyCarried: 1 });
  });

  it('refuses to carry a version onto itself, and a carry from a window that is not the review’s editor', async () => {
    const { ws, reviewId, v1, v2 } = await riverton();
    expect(await ws.invoke('annotations.carry', { reviewId, fromVersionId: v1.id, toVersionId: v1.id })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT' },
    });
    await ws.invoke('reviews.open', { reviewId }, { windowId: 'first' });
    await ws.invoke('reviews.close', { reviewId }, { windowId: 'main' });
    await ws.invoke('reviews.open', { reviewId }, { windowId: 'first' });
    expect(
      await ws.invoke(
        'annotations.carry',
        { reviewId, fromVersionId: v1.id, toVersionId: v2.id },
        { windowId: 'second' },
      ),
    ).toMatchObject({ ok: false, error: { code: 'E_LOCKED' } });
  });
});

describe('deciding on carried anchors', () => {
  async function carried() {
    const setup = await riverton();
    const { ws, reviewId, v1, v2 } = setup;
    await annotate(await ws.library.openReview(reviewId), v1, [
      { exact: QUOTES.edited, criterionId: ACCOUNTS },
      { exact: QUOTES.gone, criterionId: PURPOSE },
      { exact: QUOTES.unchanged, criterionId: ACCOUNTS },
    ]);
    const outcome = await call(ws, 'annotations.carry', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    const [fuzzy, orphan, anchored] = outcome.carried.map((c) => c.annotationId);
    return { ...setup, fuzzy: fuzzy!, orphan: orphan!, anchored: anchored! };
  }

  it('confirms a fuzzy anchor as anchored and logs the confirmation', async () => {
    const { ws, reviewId, fuzzy } = await carried();
    const confirmed = await call(ws, 'annotations.confirmAnchor', { reviewId, annotationId: fuzzy });
    expect(confirmed.anchorState).toBe('anchored');
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.audit.at(-1)).toMatchObject({
      action: 'annotations.confirmAnchor',
      subjectId: fuzzy,
      summary: expect.stringContaining('Confirmed the fuzzy anchor'),
    });
  });

  it('refuses to confirm an orphan, which has no anchor to confirm', async () => {
    const { ws, reviewId, orphan } = await carried();
    expect(await ws.invoke('annotations.confirmAnchor', { reviewId, annotationId: orphan })).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT' },
    });
  });

  it('re-attaches an orphan to text a person selected, and refuses a stale selection', async () => {
    const { ws, reviewId, orphan, v2 } = await carried();
    const exact = 'to listen to their views on City services';
    const start = v2.text.indexOf(exact);
    expect(
      await ws.invoke('annotations.reattach', {
        reviewId,
        annotationId: orphan,
        range: { start, end: start + exact.length, exact: 'something else' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT' },
    });
    const attached = await call(ws, 'annotations.reattach', {
      reviewId,
      annotationId: orphan,
      range: { start, end: start + exact.length, exact },
    });
    expect(attached).toMatchObject({
      anchorState: 'anchored',
      target: { source: v2.id, selector: [{ exact }, { start, end: start + exact.length }] },
    });
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.audit.at(-1)).toMatchObject({ action: 'annotations.reattach', subjectId: orphan });
  });

  it('marks an annotation orphaned when a person judges its text gone', async () => {
    const { ws, reviewId, anchored } = await carried();
    const marked = await call(ws, 'annotations.markOrphaned', { reviewId, annotationId: anchored });
    expect(marked.anchorState).toBe('orphaned');
    expect(marked.target.selector[0].exact).toBe(QUOTES.unchanged);
    const { review } = await call(ws, 'reviews.open', { reviewId });
    expect(review.audit.at(-1)).toMatchObject({ action: 'annotations.markOrphaned', subjectId: anchored });
  });
});

describe('compare.impact', () => {
  it('lists the criteria whose annotations sit in changed or removed text, with the verdict given on the older version', async () => {
    const { ws, reviewId, v1, v2 } = await riverton();
    const [unchanged, edited, , gone] = await annotate(await ws.library.openReview(reviewId), v1, [
      { exact: QUOTES.unchanged, criterionId: 'security.access-offboarding' },
      { exact: QUOTES.edited, criterionId: ACCOUNTS },
      { exact: QUOTES.rewrapped, criterionId: PRIVACY },
      { exact: QUOTES.gone, criterionId: PURPOSE },
    ]);
    await assess(await ws.library.openReview(reviewId), v1.id, ACCOUNTS, 'partial', 'Response times are not stated.');
    const impact = await call(ws, 'compare.impact', { reviewId, fromVersionId: v1.id, toVersionId: v2.id });
    expect(impact.criteria.map((c) => c.criterionId).sort()).toEqual([ACCOUNTS, PURPOSE].sort());
    expect(impact.criteria.find((c) => c.criterionId === ACCOUNTS)).toMatchObject({
      verdict: 'partial',
      rationale: 'Response times are not stated.',
      annotationIds: [edited!.id],
      changes: ['changed'],
    });
    expect(impact.criteria.find((c) => c.criterionId === PURPOSE)).toMatchObject({
      verdict: 'unreviewed',
      annotationIds: [gone!.id],
    });
    expect(impact.criteria.flatMap((c) => c.annotationIds)).not.toContain(unchanged!.id);
  });
});
