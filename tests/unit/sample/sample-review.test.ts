import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult, AppEvent, MethodArgs, MethodName, MethodResult } from '../../../shared/api';
import { recordsWhoActs } from '../../../shared/contract/authorship';
import { actionPlan } from '../../../shared/domain/assessments/action-plan';
import { versionVotes } from '../../../shared/domain/votes/version-votes';
import { richTextToPlainText } from '../../../shared/rich-text';
import type { Workstation, WorkstationOptions } from '../../../electron/services/workstation/workstation';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/types';
import { fixedClock } from '../support/fixed-clock';
import { useTempDirs } from '../support/temp-dir';
import { RIVERTON } from '../report/support-review';
import { openTestWorkstation } from '../../support/test-workstation';

const tempDir = useTempDirs();
const clock = () => fixedClock('2026-03-02T09:00:00.000Z');

async function workstation(options: Partial<WorkstationOptions> = {}): Promise<Workstation> {
  return openTestWorkstation({
    dataDir: await tempDir(),
    logError: () => undefined,
    samplePolicyDir: RIVERTON,
    clock: clock(),
    ...options,
  });
}

async function call<M extends MethodName>(ws: Workstation, method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
  const result = (await ws.invoke(method, args)) as ApiResult<MethodResult<M>>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('a sample review', () => {
  it('is built from the sample policy through the real import, step by step, and left closed in the library', async () => {
    const ws = await workstation();
    await call(ws, 'settings.set', { user: { name: 'Ingrid Solberg', role: 'secretary', email: '' } });
    const steps: AppEvent[] = [];
    ws.onEvent((event) => steps.push(event));
    const requestId = '3f0c9a52-8a5e-4c55-9a1b-6f1d0c2b7e11';
    const summary = await call(ws, 'reviews.createSample', { requestId });

    expect(steps.map((e) => e.type === 'sample.progress' && [e.step, e.steps])).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(summary).toMatchObject({ title: 'Sample: City of Riverton social media policy', versions: 2, members: 4 });
    expect(await call(ws, 'reviews.list', {})).toEqual([expect.objectContaining({ id: summary.id, state: 'ok' })]);
    expect((await call(ws, 'reviews.list', {}))[0]?.lockedBy).toBeUndefined();

    const { review } = await call(ws, 'reviews.read', { reviewId: summary.id });
    const [older, newer] = review.versions;
    expect([older?.label, newer?.label]).toEqual(['v1 (2021)', 'v2 (2023)']);
    for (const [version, file] of [
      [older, 'v1.md'],
      [newer, 'v2.md'],
    ] as const) {
      const bytes = await readFile(join(RIVERTON, file));
      expect(version?.source).toMatchObject({
        fileName: file,
        mediaType: 'text/markdown',
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(version?.effectiveDate).toBe(file === 'v1.md' ? '2021-03-01' : '2023-06-15');
    }
    // Its records are the made-up committee's, not the work of whoever asked for it (so no name is asked for).
    expect(recordsWhoActs('reviews.createSample')).toBe(false);
    expect(JSON.stringify(review)).not.toContain('Ingrid Solberg');
  });

  it('holds the committee’s work: annotations on real passages, carried forward, verdicts, votes and actions', async () => {
    const ws = await workstation();
    const { id } = await call(ws, 'reviews.createSample', {});
    const { review } = await call(ws, 'reviews.read', { reviewId: id });
    const [older, newer] = review.versions;

    expect(review.committee.map((m) => [m.name, m.role])).toEqual([
      ['Amira Haddad', 'chair'],
      ['Jonas Berg', 'legal'],
      ['Lea Novak', 'privacy'],
      ['Tomás Reyes', 'stakeholder'],
    ]);
    // Each annotation's selectors point at its own words in its version's text.
    for (const annotation of review.annotations) {
      const version = review.versions.find((v) => v.id === annotation.versionId)!;
      const [quote, position] = annotation.target.selector;
      if (annotation.anchorState === 'anchored')
        expect(version.text.slice(position?.start, position?.end)).toBe(quote.exact);
    }
    const onOlder = review.annotations.filter((a) => a.versionId === older?.id);
    const onNewer = review.annotations.filter((a) => a.versionId === newer?.id);
    expect(onOlder.map((a) => a.author.name)).toEqual(['Jonas Berg', 'Lea Novak', 'Tomás Reyes']);
    expect(onNewer).toHaveLength(6);
    expect(onNewer.filter((a) => a.carriedFrom).map((a) => a.carriedFrom)).toEqual(onOlder.map((a) => a.id));
    // The sentence on a second factor was rewritten in v2, so its annotation cannot be carried as it stood.
    const secondFactor = onNewer.find((a) => a.criterionIds.includes('security.credentials-mfa'))!;
    expect(secondFactor.anchorState).not.toBe('anchored');
    const replies = review.annotations.flatMap((a) =>
      a.replies.map((r) => [r.author.name, richTextToPlainText(r.body)]),
    );
    expect(replies).toContainEqual(['Amira Haddad', expect.stringContaining('password manager')]);

    const verdicts = review.assessments.filter((a) => a.versionId === newer?.id);
    expect(verdicts.map((a) => [a.criterionId, a.verdict])).toEqual([
      ['security.credentials-mfa', 'met'],
      ['accounts.official-vs-personal', 'met'],
      ['content.ai-generated', 'partial'],
      ['stakeholder.feedback-channels', 'not-met'],
    ]);
    const newerIds = new Set(onNewer.map((a) => a.id));
    expect(verdicts.every((a) => a.annotationIds.length > 0 && a.annotationIds.every((i) => newerIds.has(i)))).toBe(
      true,
    );

    const plan = actionPlan(review, clock());
    expect(plan.map((e) => [e.criterionId, e.ownerName, e.overdue])).toEqual([
      ['stakeholder.feedback-channels', 'Tomás Reyes', true],
      ['content.ai-generated', 'Jonas Berg', false],
    ]);

    const votes = versionVotes(review, newer!.id);
    const aiVotes = votes.criteria.find((c) => c.criterionId === 'content.ai-generated');
    expect(aiVotes).toMatchObject({ voters: 4, mostVoted: ['partial'], share: 0.75 });
    expect(review.audit.map((entry) => entry.actor.name)).toEqual(
      expect.arrayContaining(['Amira Haddad', 'Jonas Berg', 'Lea Novak', 'Tomás Reyes']),
    );
  });

  it('says what to do when the sample policy is missing, and adds nothing to the library', async () => {
    const ws = await workstation({ samplePolicyDir: join(await tempDir(), 'nowhere') });
    const result = await ws.invoke('reviews.createSample', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_NOT_FOUND', message: expect.stringMatching(/missing from this installation.*Reinstall/) },
    });
    expect(await call(ws, 'reviews.list', {})).toEqual([]);
  });

  it('keeps nothing of a sample whose import fails part way', async () => {
    const ws = await workstation({ importLimits: { ...DEFAULT_IMPORT_LIMITS, maxInputBytes: 10_000 } });
    const result = await ws.invoke('reviews.createSample', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_TOO_LARGE', message: expect.stringContaining('nothing of it was kept') },
    });
    expect(await call(ws, 'reviews.list', {})).toEqual([]);
  });
});
