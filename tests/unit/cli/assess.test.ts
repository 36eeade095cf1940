import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { POLICY_TXT } from '../annotations/support-review';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

async function reviewWithVersion(): Promise<{ dataDir: string; reviewId: string; versionId: string }> {
  const dataDir = await tempDir();
  const reviewId = (
    JSON.parse((await runCli(['new', '--title', 'CLI verdicts', '--json', '--data-dir', dataDir])).stdout) as {
      id: string;
    }
  ).id;
  const file = join(dataDir, 'policy.txt');
  await writeFile(file, POLICY_TXT);
  const imported = await runCli(['import', reviewId, file, '--label', 'Policy 2024', '--json', '--data-dir', dataDir]);
  return { dataDir, reviewId, versionId: (JSON.parse(imported.stdout) as { versionId: string }).versionId };
}

describe('policy-review assess', () => {
  it('records a verdict with its rationale on a version named by the start of its id', async () => {
    const { dataDir, reviewId, versionId } = await reviewWithVersion();
    const run = await runCli([
      'assess',
      reviewId,
      '--version',
      versionId.slice(0, 8),
      '--criterion',
      'privacy.consent',
      '--verdict',
      'not-met',
      '--rationale',
      'No consent at all.',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ versionId, criterionId: 'privacy.consent', verdict: 'not-met' });
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.assessments).toEqual([
      expect.objectContaining({
        versionId,
        criterionId: 'privacy.consent',
        verdict: 'not-met',
        rationale: 'No consent at all.',
      }),
    ]);
  });

  it('changes the verdict in place and keeps the rationale when none is given', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    await runCli([
      'assess',
      reviewId,
      '--version',
      'Policy 2024',
      '--criterion',
      'privacy.consent',
      '--verdict',
      'partial',
      '--rationale',
      'Some.',
      '--data-dir',
      dataDir,
    ]);
    const run = await runCli([
      'assess',
      reviewId,
      '--version',
      'Policy 2024',
      '--criterion',
      'privacy.consent',
      '--verdict',
      'met',
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(0);
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    expect(review.assessments.map((a) => [a.verdict, a.rationale])).toEqual([['met', 'Some.']]);
  });

  it('exits 1 listing the verdicts when the verdict is not one of them', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    const run = await runCli([
      'assess',
      reviewId,
      '--version',
      'Policy 2024',
      '--criterion',
      'privacy.consent',
      '--verdict',
      'fine',
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('met, partial, not-met, not-applicable');
  });

  it('exits 1 naming a version that the review does not have', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    const run = await runCli([
      'assess',
      reviewId,
      '--version',
      'Policy 1999',
      '--criterion',
      'privacy.consent',
      '--verdict',
      'met',
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No version .* matches “Policy 1999”.*Policy 2024/);
  });
});
