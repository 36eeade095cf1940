import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, CONDUCT, PRIVACY, reviewWithVersion } from '../annotations/support-review';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** A review with a version and a committee of Ada Chair and Bea Legal; the settings are Ada's. */
async function committeeReview() {
  const { ws, dataDir, reviewId, version } = await reviewWithVersion(await tempDir());
  const [ada] = (await call(ws, 'reviews.read', { reviewId })).review.committee;
  await call(ws, 'committee.set', {
    reviewId,
    members: [
      { id: ada!.id, name: 'Ada Chair', role: 'chair', email: 'ada@example.org' },
      { name: 'Bea Legal', role: 'legal' },
    ],
  });
  await ws.close();
  return { dataDir, reviewId, versionId: version.id };
}

const settingsOf = (dataDir: string, name: string, role: string) =>
  writeFile(join(dataDir, 'settings.json'), JSON.stringify({ user: { name, role, email: '' } }));

describe('policy-review vote', () => {
  it('records the settings user’s vote, and replaces it when they vote again', async () => {
    const { dataDir, reviewId, versionId } = await committeeReview();
    const vote = (verdict: string, ...rest: string[]) =>
      runCli([
        'vote',
        reviewId,
        '--version',
        'Policy 2024',
        '--criterion',
        PRIVACY,
        '--verdict',
        verdict,
        ...rest,
        '--json',
        '--data-dir',
        dataDir,
      ]);
    const first = await vote('partial', '--rationale', 'Consent is mentioned once.');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const recorded = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(recorded).toMatchObject({
      voterName: 'Ada Chair',
      versionId,
      criterionId: PRIVACY,
      verdict: 'partial',
      rationale: 'Consent is mentioned once.',
    });
    const again = JSON.parse((await vote('met')).stdout) as Record<string, unknown>;
    expect(again).toMatchObject({ voteId: recorded.voteId, verdict: 'met', rationale: 'Consent is mentioned once.' });
  });

  it('says in words whose vote it recorded', async () => {
    const { dataDir, reviewId } = await committeeReview();
    await settingsOf(dataDir, 'Bea Legal', 'legal');
    const run = await runCli([
      'vote',
      reviewId,
      '--version',
      'Policy 2024',
      '--criterion',
      PRIVACY,
      '--verdict',
      'not-met',
      '--data-dir',
      dataDir,
    ]);
    expect(run.stdout.trim()).toBe(`Recorded Bea Legal’s vote “Not met” for ${PRIVACY}.`);
  });

  it.each([
    [
      'a verdict that is not a vote',
      ['--criterion', PRIVACY, '--verdict', 'unreviewed'],
      /^policy-review vote: --verdict must be one of: met, partial, not-met, not-applicable\./,
    ],
    ['no criterion', ['--verdict', 'met'], /^policy-review vote: --criterion is required/],
    [
      'a criterion not in the checklist',
      ['--criterion', 'privacy.nothing', '--verdict', 'met'],
      /^policy-review vote: The criterion “privacy.nothing” is not in this review’s checklist\./,
    ],
  ])('exits 1 with one line for %s', async (_, args, message) => {
    const { dataDir, reviewId } = await committeeReview();
    const run = await runCli(['vote', reviewId, '--version', 'Policy 2024', ...args, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('exits 1 when the settings user is not on the committee', async () => {
    const { dataDir, reviewId } = await committeeReview();
    await settingsOf(dataDir, 'Someone Else', 'member');
    const run = await runCli([
      'vote',
      reviewId,
      '--version',
      'Policy 2024',
      '--criterion',
      PRIVACY,
      '--verdict',
      'met',
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^policy-review vote: “Someone Else” is not on this review’s committee, so has no vote\./,
    );
  });
});

describe('policy-review votes', () => {
  it('lists per criterion the votes, the committee’s verdict and the agreement', async () => {
    const { dataDir, reviewId, versionId } = await committeeReview();
    const vote = (criterion: string, verdict: string, ...rest: string[]) =>
      runCli([
        'vote',
        reviewId,
        '--version',
        versionId,
        '--criterion',
        criterion,
        '--verdict',
        verdict,
        ...rest,
        '--data-dir',
        dataDir,
      ]);
    await vote(PRIVACY, 'partial', '--rationale', 'Half said.');
    await vote(CONDUCT, 'met');
    await runCli([
      'assess',
      reviewId,
      '--version',
      versionId,
      '--criterion',
      PRIVACY,
      '--verdict',
      'partial',
      '--data-dir',
      dataDir,
    ]);
    await settingsOf(dataDir, 'Bea Legal', 'legal');
    await vote(PRIVACY, 'not-met', '--rationale', 'No legal basis.');
    await vote(CONDUCT, 'met');

    const json = await runCli(['votes', reviewId, '--version', 'Policy 2024', '--json', '--data-dir', dataDir]);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as {
      criteria: {
        criterionId: string;
        votes: { voterName: string; verdict: string; dissents: boolean }[];
        share?: number;
      }[];
      overall: { criteriaCompared: number; kappa?: number };
    };
    const privacy = listed.criteria.find((c) => c.criterionId === PRIVACY)!;
    expect(privacy.votes.map((v) => [v.voterName, v.verdict, v.dissents])).toEqual([
      ['Ada Chair', 'partial', false],
      ['Bea Legal', 'not-met', true],
    ]);
    expect(privacy.share).toBe(0.5);
    expect(listed.overall.criteriaCompared).toBe(2);
    expect(listed.overall.kappa).toBeCloseTo(0.2, 12);

    const text = await runCli(['votes', reviewId, '--version', 'Policy 2024', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Votes on version “Policy 2024”: 2 of ');
    expect(text.stdout).toContain('kappa overall 0.20 over 2 criteria with two votes or more.');
    expect(text.stdout).toContain('Committee: Partly met. 1 of 2 agree (50 %).');
    expect(text.stdout).toContain('  - Bea Legal (Legal advisor): Not met [dissents]: No legal basis.');
    expect(text.stdout).toContain('  - Ada Chair (Chair): Partly met: Half said.');
  });

  it('shows a dash, never NaN, when no kappa can be computed', async () => {
    const { dataDir, reviewId } = await committeeReview();
    const text = await runCli(['votes', reviewId, '--version', 'Policy 2024', '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('0 of ');
    expect(text.stdout).toContain('kappa overall — over 0 criteria');
    expect(text.stdout).not.toContain('NaN');
  });

  it('exits 1 with one line when the version is not named', async () => {
    const { dataDir, reviewId } = await committeeReview();
    const run = await runCli(['votes', reviewId, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^policy-review votes: Name the version with --version/);
  });
});
