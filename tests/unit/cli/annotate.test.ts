import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateTarget } from '../../../shared/anchoring';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { openWorkstation } from '../../../electron/services/workstation/workstation';
import { POLICY_TXT } from '../annotations/support-review';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** A review with one version (“Policy 2024”) of POLICY_TXT, made with the command line itself. */
async function reviewWithVersion(): Promise<{ dataDir: string; reviewId: string; versionId: string }> {
  const dataDir = await tempDir();
  const reviewId = (
    JSON.parse((await runCli(['new', '--title', 'CLI annotations', '--json', '--data-dir', dataDir])).stdout) as {
      id: string;
    }
  ).id;
  const file = join(dataDir, 'policy.txt');
  await writeFile(file, POLICY_TXT);
  const imported = await runCli(['import', reviewId, file, '--label', 'Policy 2024', '--json', '--data-dir', dataDir]);
  return { dataDir, reviewId, versionId: (JSON.parse(imported.stdout) as { versionId: string }).versionId };
}

const annotate = (dataDir: string, reviewId: string, ...args: string[]) =>
  runCli([
    'annotate',
    reviewId,
    '--version',
    'Policy 2024',
    '--criterion',
    'privacy.consent',
    '--severity',
    'major',
    '--comment',
    'No legal basis.',
    ...args,
    '--json',
    '--data-dir',
    dataDir,
  ]);

describe('policy-review annotate', () => {
  it('annotates a quote found once and prints the new annotation’s id', async () => {
    const { dataDir, reviewId, versionId } = await reviewWithVersion();
    const run = await annotate(
      dataDir,
      reviewId,
      '--quote',
      'share personal data of residents',
      '--criterion',
      'conduct.acceptable-use',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { annotationId } = JSON.parse(run.stdout) as { annotationId: string };
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    const annotation = review.annotations.find((a) => a.id === annotationId)!;
    const text = review.versions[0]!.text;
    const at = locateTarget(text, annotation.target)!;
    expect(text.slice(at.start, at.end)).toBe('share personal data of residents');
    expect(annotation).toMatchObject({
      versionId,
      criterionIds: ['privacy.consent', 'conduct.acceptable-use'],
      severity: 'major',
      status: 'open',
      anchorState: 'anchored',
    });
    expect(annotation.body.root.children).toHaveLength(1);
    expect(review.audit.at(-1)).toMatchObject({ action: 'annotations.add' });
  });

  it('exits 1 saying so when the quote is not in the version', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    const run = await annotate(dataDir, reviewId, '--quote', 'share private data');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not found in version “Policy 2024”/);
    expect((await new ReviewLibrary(dataDir).read(reviewId)).review.annotations).toEqual([]);
  });

  it('exits 1 asking for a prefix or suffix when the quote occurs several times', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    const run = await annotate(dataDir, reviewId, '--quote', 'Staff must not');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/occurs 2 times; add --prefix or --suffix/);
    expect((await new ReviewLibrary(dataDir).read(reviewId)).review.annotations).toEqual([]);
  });

  it('takes the occurrence that the suffix singles out', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    const run = await annotate(dataDir, reviewId, '--quote', 'Staff must not', '--suffix', ' post');
    expect(run.code).toBe(0);
    const { review } = await new ReviewLibrary(dataDir).read(reviewId);
    const position = review.annotations[0]!.target.selector[1];
    expect(position.start).toBe(review.versions[0]!.text.lastIndexOf('Staff must not'));
  });

  it('refuses a review that is open in the app, with the reason, and changes nothing', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    const app = await openWorkstation({ dataDir, host: 'browser' });
    try {
      expect(await app.invoke('reviews.open', { reviewId })).toMatchObject({ ok: true, value: { readOnly: false } });
      const run = await annotate(dataDir, reviewId, '--quote', 'share personal data of residents');
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/open in another window or process/);
      expect((await app.library.read(reviewId)).review.annotations).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('exits 1 naming a criterion that is not in the checklist', async () => {
    const { dataDir, reviewId } = await reviewWithVersion();
    const run = await annotate(
      dataDir,
      reviewId,
      '--quote',
      'share personal data of residents',
      '--criterion',
      'privacy.no-such-thing',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('privacy.no-such-thing');
  });
});
