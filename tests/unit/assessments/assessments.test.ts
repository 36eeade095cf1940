import { describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/assessments/action-plan';
import { useTempDirs } from '../support/temp-dir';
import {
  call,
  comment,
  CONDUCT,
  failure,
  POLICY_TXT,
  PRIVACY,
  rangeOf,
  reviewWithVersion,
  textSource,
} from '../annotations/support-review';

const tempDir = useTempDirs();

async function setUp() {
  const setup = await reviewWithVersion(await tempDir());
  const { ws, reviewId, version } = setup;
  const annotation = await call(ws, 'annotations.add', {
    reviewId,
    versionId: version.id,
    range: rangeOf(version, 'personal data'),
    criterionIds: [PRIVACY],
    severity: 'major',
    body: comment('No legal basis given.'),
  });
  const members = await call(ws, 'committee.set', {
    reviewId,
    members: [
      { name: 'Bea Legal', role: 'legal' },
      { name: 'Cem Privacy', role: 'privacy' },
    ],
  });
  return { ...setup, annotation, bea: members[0]!, cem: members[1]! };
}

describe('verdicts per criterion and version', () => {
  it('keeps one assessment per version and criterion, changing it in place', async () => {
    const { ws, reviewId, version, annotation } = await setUp();
    const first = await call(ws, 'assessments.set', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      verdict: 'partial',
      rationale: 'Consent is mentioned once.',
      annotationIds: [annotation.id],
    });
    expect(first).toMatchObject({
      verdict: 'partial',
      rationale: 'Consent is mentioned once.',
      annotationIds: [annotation.id],
      author: { name: 'Ada Chair' },
      actions: [],
    });
    const second = await call(ws, 'assessments.set', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      verdict: 'not-met',
      rationale: 'No legal basis at all.',
      annotationIds: [],
    });
    expect(second).toMatchObject({
      id: first.id,
      verdict: 'not-met',
      rationale: 'No legal basis at all.',
      annotationIds: [],
      createdAt: first.createdAt,
    });
    expect(second.updatedAt >= first.updatedAt).toBe(true);
    const listed = await call(ws, 'assessments.list', { reviewId, versionId: version.id });
    expect(listed.map((a) => [a.criterionId, a.verdict])).toEqual([[PRIVACY, 'not-met']]);
  });

  it('keeps verdicts of two versions apart', async () => {
    const { ws, reviewId, version } = await setUp();
    const other = (
      await call(ws, 'versions.import', {
        reviewId,
        source: textSource('policy-2025.txt', `${POLICY_TXT}\nNew rule.\n`),
        label: 'Policy 2025',
      })
    ).version;
    await call(ws, 'assessments.set', {
      reviewId,
      versionId: version.id,
      criterionId: CONDUCT,
      verdict: 'partial',
      rationale: '',
      annotationIds: [],
    });
    await call(ws, 'assessments.set', {
      reviewId,
      versionId: other.id,
      criterionId: CONDUCT,
      verdict: 'met',
      rationale: '',
      annotationIds: [],
    });
    expect((await call(ws, 'assessments.list', { reviewId, versionId: version.id })).map((a) => a.verdict)).toEqual([
      'partial',
    ]);
    expect((await call(ws, 'assessments.list', { reviewId, versionId: other.id })).map((a) => a.verdict)).toEqual([
      'met',
    ]);
  });

  it('accepts only live annotations of the same version in support of a verdict', async () => {
    const { ws, reviewId, version, annotation } = await setUp();
    const imported = (
      await call(ws, 'versions.import', {
        reviewId,
        source: textSource('policy-2025.txt', POLICY_TXT),
        label: 'Policy 2025',
      })
    ).version;
    const other = await call(ws, 'versions.get', { reviewId, versionId: imported.id });
    const elsewhere = await call(ws, 'annotations.add', {
      reviewId,
      versionId: other.id,
      range: rangeOf(other, 'personal data'),
      criterionIds: [PRIVACY],
      severity: 'info',
      body: comment('x'),
    });
    const wrongVersion = await failure(ws, 'assessments.set', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      verdict: 'partial',
      rationale: '',
      annotationIds: [elsewhere.id],
    });
    expect(wrongVersion).toMatchObject({ code: 'E_INVALID_INPUT', message: expect.stringContaining('Policy 2025') });
    await call(ws, 'annotations.delete', { reviewId, annotationId: annotation.id });
    const deleted = await failure(ws, 'assessments.set', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      verdict: 'partial',
      rationale: '',
      annotationIds: [annotation.id],
    });
    expect(deleted).toMatchObject({
      code: 'E_NOT_FOUND',
      message: expect.stringContaining('not in this review any more'),
    });
    expect(await call(ws, 'assessments.list', { reviewId, versionId: version.id })).toEqual([]);
  });

  it('refuses a verdict on a criterion that is not in the checklist', async () => {
    const { ws, reviewId, version } = await setUp();
    const error = await failure(ws, 'assessments.set', {
      reviewId,
      versionId: version.id,
      criterionId: 'legal.made-up',
      verdict: 'met',
      rationale: '',
      annotationIds: [],
    });
    expect(error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('legal.made-up') });
  });
});

describe('the action plan', () => {
  async function withVerdict(verdict: 'partial' | 'not-met' | 'met') {
    const setup = await setUp();
    await call(setup.ws, 'assessments.set', {
      reviewId: setup.reviewId,
      versionId: setup.version.id,
      criterionId: PRIVACY,
      verdict,
      rationale: '',
      annotationIds: [],
    });
    return setup;
  }

  it.each(['partial', 'not-met'] as const)('adds an action to a verdict of %s', async (verdict) => {
    const { ws, reviewId, version, bea } = await withVerdict(verdict);
    const action = await call(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: ' State the legal basis. ',
      ownerId: bea.id,
      dueDate: '2030-01-31',
    });
    expect(action).toMatchObject({
      description: 'State the legal basis.',
      ownerId: bea.id,
      dueDate: '2030-01-31',
      status: 'open',
    });
    expect(
      (await call(ws, 'assessments.list', { reviewId, versionId: version.id }))[0]!.actions.map((a) => a.id),
    ).toEqual([action.id]);
  });

  it('refuses an action on a verdict that is met, or not given yet', async () => {
    const { ws, reviewId, version, bea } = await withVerdict('met');
    for (const criterionId of [PRIVACY, CONDUCT]) {
      const error = await failure(ws, 'actions.add', {
        reviewId,
        versionId: version.id,
        criterionId,
        description: 'Do it.',
        ownerId: bea.id,
        dueDate: '2030-01-31',
      });
      expect(error).toMatchObject({
        code: 'E_INVALID_INPUT',
        message: expect.stringMatching(/^An action belongs to a verdict of partly met or not met/),
      });
    }
  });

  it('refuses an owner who is not on the committee', async () => {
    const { ws, reviewId, version, bea, cem } = await withVerdict('partial');
    await call(ws, 'committee.set', { reviewId, members: [{ id: bea.id, name: bea.name, role: bea.role }] });
    const error = await failure(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: 'Do it.',
      ownerId: cem.id,
      dueDate: '2030-01-31',
    });
    expect(error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('committee') });
  });

  it('lists every live action with its criterion, owner and whether it is overdue', async () => {
    const { ws, reviewId, version, bea, cem } = await withVerdict('not-met');
    const late = await call(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: 'Late one',
      ownerId: bea.id,
      dueDate: '2001-02-03',
    });
    const lateButDone = await call(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: 'Done one',
      ownerId: cem.id,
      dueDate: '2001-02-04',
    });
    await call(ws, 'actions.update', { reviewId, actionId: lateButDone.id, status: 'done' });
    const today = localDate(new Date());
    const dueToday = await call(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: 'Today',
      ownerId: cem.id,
      dueDate: today,
    });
    const removed = await call(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: 'Removed',
      ownerId: cem.id,
      dueDate: '2001-01-01',
    });
    await call(ws, 'actions.delete', { reviewId, actionId: removed.id });
    const plan = await call(ws, 'actions.plan', { reviewId });
    expect(plan.map((e) => [e.action.id, e.overdue])).toEqual([
      [late.id, true],
      [lateButDone.id, false],
      [dueToday.id, false],
    ]);
    expect(plan[0]).toMatchObject({
      versionId: version.id,
      criterionId: PRIVACY,
      criterionTitle: expect.any(String),
      category: 'privacy',
      ownerName: 'Bea Legal',
    });
  });

  it('edits an action while its verdict calls for one, and can still close it after the verdict turns to met', async () => {
    const { ws, reviewId, version, bea, cem } = await withVerdict('partial');
    const action = await call(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: 'Draft it',
      ownerId: bea.id,
      dueDate: '2030-01-31',
    });
    const edited = await call(ws, 'actions.update', {
      reviewId,
      actionId: action.id,
      description: 'Draft the consent text',
      ownerId: cem.id,
      dueDate: '2030-02-28',
    });
    expect(edited).toMatchObject({ description: 'Draft the consent text', ownerId: cem.id, dueDate: '2030-02-28' });
    await call(ws, 'assessments.set', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      verdict: 'met',
      rationale: 'Fixed.',
      annotationIds: [],
    });
    expect(await failure(ws, 'actions.update', { reviewId, actionId: action.id, dueDate: '2031-01-01' })).toMatchObject(
      {
        code: 'E_INVALID_INPUT',
        message: expect.stringMatching(/^An action belongs to a verdict of partly met or not met/),
      },
    );
    expect(await call(ws, 'actions.update', { reviewId, actionId: action.id, status: 'done' })).toMatchObject({
      status: 'done',
    });
  });

  it('records each verdict and action change in the audit log with the actor’s name', async () => {
    const { ws, reviewId, version, bea } = await withVerdict('partial');
    const action = await call(ws, 'actions.add', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      description: 'Draft it',
      ownerId: bea.id,
      dueDate: '2030-01-31',
    });
    await call(ws, 'actions.update', { reviewId, actionId: action.id, status: 'done' });
    await call(ws, 'actions.delete', { reviewId, actionId: action.id });
    const entries = (await call(ws, 'audit.list', { reviewId }))
      .filter((e) => /^(assessments|actions)\./.test(e.action))
      .reverse();
    expect(entries.map((e) => e.action)).toEqual([
      'assessments.set',
      'actions.add',
      'actions.update',
      'actions.delete',
    ]);
    expect(entries.every((e) => e.actor.name === 'Ada Chair')).toBe(true);
    expect(entries[0]!.summary).toMatch(/verdict to “Partly met” on “.+” for version “Policy 2024”/);
    expect(entries[1]!.summary).toContain('for Bea Legal, due 2030-01-31');
    expect(entries[2]!.summary).toContain('marked done');
  });
});

describe('the local date that decides what is overdue', () => {
  it('is the calendar date on this computer, not in UTC', () => {
    expect(localDate(new Date(2026, 0, 2, 23, 59))).toBe('2026-01-02');
    expect(localDate(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});
