import { describe, expect, it } from 'vitest';
import { call, failure, PRIVACY, CONDUCT, reviewWithVersion } from '../annotations/support-review';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

const BEA = { name: 'Bea Legal', role: 'legal' as const, email: 'bea@example.org' };
const ADA = { name: 'Ada Chair', role: 'chair' as const, email: 'ada@example.org' };

async function setUp() {
  const setup = await reviewWithVersion(await tempDir());
  const { ws, reviewId } = setup;
  const [ada] = await call(ws, 'reviews.read', { reviewId }).then((r) => r.review.committee);
  await call(ws, 'committee.set', {
    reviewId,
    members: [{ id: ada!.id, ...ADA }, BEA, { name: 'Oz Observer', role: 'observer' }],
  });
  const as = (user: { name: string; role: 'chair' | 'legal' | 'observer'; email?: string }) =>
    call(ws, 'settings.set', { user: { email: '', ...user } });
  return { ...setup, as };
}

describe('votes through the contract', () => {
  it('records each member’s vote and lists them per criterion with the committee’s verdict and the agreement', async () => {
    const { ws, reviewId, version, as } = await setUp();
    const target = { reviewId, versionId: version.id };
    await call(ws, 'votes.record', { ...target, criterionId: PRIVACY, verdict: 'partial', rationale: 'Half.' });
    await call(ws, 'votes.record', { ...target, criterionId: CONDUCT, verdict: 'met' });
    await call(ws, 'assessments.set', {
      ...target,
      criterionId: PRIVACY,
      verdict: 'partial',
      rationale: '',
      annotationIds: [],
    });
    await as(BEA);
    await call(ws, 'votes.record', { ...target, criterionId: PRIVACY, verdict: 'not-met', rationale: 'No basis.' });
    await call(ws, 'votes.record', { ...target, criterionId: CONDUCT, verdict: 'met' });

    const listed = await call(ws, 'votes.list', target);
    const privacy = listed.criteria.find((c) => c.criterionId === PRIVACY)!;
    expect(privacy).toMatchObject({
      committeeVerdict: 'partial',
      voters: 2,
      share: 1 / 2,
      mostVoted: ['partial', 'not-met'],
    });
    expect(privacy.votes.map((v) => [v.voterName, v.voterRole, v.verdict, v.rationale, v.dissents])).toEqual([
      ['Ada Chair', 'chair', 'partial', 'Half.', false],
      ['Bea Legal', 'legal', 'not-met', 'No basis.', true],
    ]);
    const conduct = listed.criteria.find((c) => c.criterionId === CONDUCT)!;
    expect(conduct).toMatchObject({ committeeVerdict: 'unreviewed', share: 1 });
    expect(conduct.votes.every((v) => !v.dissents)).toBe(true);
    // Two criteria, two voters: P̄ = (0 + 1)/2; verdicts partial 1, not-met 1, met 2 of 4, P_e = 6/16; κ = 1/5.
    expect(listed.overall.criteriaCompared).toBe(2);
    expect(listed.overall.kappa).toBeCloseTo(1 / 5, 12);
    expect(listed.criteria.filter((c) => c.voters === 0).every((c) => c.share === undefined)).toBe(true);
  });

  it('keeps the rationale when a vote is changed without one, and withdraws a vote', async () => {
    const { ws, reviewId, version } = await setUp();
    const target = { reviewId, versionId: version.id, criterionId: PRIVACY };
    await call(ws, 'votes.record', { ...target, verdict: 'partial', rationale: 'Half.' });
    const changed = await call(ws, 'votes.record', { ...target, verdict: 'met' });
    expect(changed).toMatchObject({ verdict: 'met', rationale: 'Half.' });
    const withdrawn = await call(ws, 'votes.withdraw', target);
    expect(withdrawn.deletedAt).toBeDefined();
    expect((await call(ws, 'votes.list', { reviewId, versionId: version.id })).overall.criteriaCompared).toBe(0);
  });

  it.each([
    ['“unreviewed” as a vote', { verdict: 'unreviewed' }],
    ['an unknown field', { verdict: 'met', weight: 2 }],
    ['a rationale over 10,000 characters', { verdict: 'met', rationale: 'x'.repeat(10_001) }],
  ])('refuses %s at the boundary', async (_, extra) => {
    const { ws, reviewId, version } = await setUp();
    const error = await failure(ws, 'votes.record', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      ...extra,
    } as never);
    expect(error.code).toBe('E_INVALID_INPUT');
  });

  it('refuses a vote from an observer, saving nothing', async () => {
    const { ws, reviewId, version, as } = await setUp();
    await as({ name: 'Oz Observer', role: 'observer' });
    const error = await failure(ws, 'votes.record', {
      reviewId,
      versionId: version.id,
      criterionId: PRIVACY,
      verdict: 'met',
    });
    expect(error).toMatchObject({ code: 'E_FORBIDDEN', message: expect.stringMatching(/observers do not vote/) });
    expect((await call(ws, 'reviews.read', { reviewId })).review.votes).toEqual([]);
  });
});
