import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { annotate } from '../compare/support-review';
import { RIVERTON } from '../import/support-import';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** Riverton v1 (“2021”) and v2 (“2023”), with three annotations on v1: unchanged, lightly edited, deleted. */
async function annotatedReview(): Promise<{ dataDir: string; id: string }> {
  const dataDir = await tempDir();
  const { id } = JSON.parse((await runCli(['new', '--title', 'Riverton', '--json', '--data-dir', dataDir])).stdout) as {
    id: string;
  };
  for (const [file, label] of [
    ['v1.md', '2021'],
    ['v2.md', '2023'],
  ] as const) {
    expect((await runCli(['import', id, `${RIVERTON}/${file}`, '--label', label, '--data-dir', dataDir])).code).toBe(0);
  }
  const library = new ReviewLibrary(dataDir);
  const store = await library.openReview(id);
  const v1 = store.review.versions.find((v) => v.label === '2021')!;
  await annotate(store, v1, [
    {
      exact: 'Accounts opened without approval will be closed or transferred to the Communications Office.',
      criterionId: 'accounts.inventory-approval',
    },
    { exact: 'for answering questions within the agreed response times', criterionId: 'accounts.inventory-approval' },
    { exact: 'to invite comment on City services', criterionId: 'governance.purpose-scope' },
  ]);
  await library.closeAll();
  return { dataDir, id };
}

interface Printed {
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  alreadyCarried: number;
  carried: { annotationId: string; carriedFrom: string; anchorState: string }[];
}

describe('policy-review carry', () => {
  it('prints the counts by anchor state and each carried annotation’s new id and state, and adds nothing the second time', async () => {
    const { dataDir, id } = await annotatedReview();
    const run = await runCli(['carry', id, '--from', '2021', '--to', '2023', '--json', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Printed;
    expect(printed).toMatchObject({ anchored: 1, moved: 0, fuzzy: 1, orphaned: 1, alreadyCarried: 0 });
    expect(printed.carried.map((c) => c.anchorState)).toEqual(['anchored', 'fuzzy', 'orphaned']);
    expect(
      printed.carried.every((c) => /^[0-9a-f-]{36}$/.test(c.annotationId) && c.annotationId !== c.carriedFrom),
    ).toBe(true);

    const again = JSON.parse(
      (await runCli(['carry', id, '--from', '2021', '--to', '2023', '--json', '--data-dir', dataDir])).stdout,
    ) as Printed;
    expect(again).toEqual({ anchored: 0, moved: 0, fuzzy: 0, orphaned: 0, alreadyCarried: 3, carried: [] });
    const { review } = await new ReviewLibrary(dataDir).read(id);
    expect(
      review.annotations
        .filter((a) => a.carriedFrom)
        .map((a) => a.id)
        .sort(),
    ).toEqual(printed.carried.map((c) => c.annotationId).sort());
  });

  it('prints a readable summary', async () => {
    const { dataDir, id } = await annotatedReview();
    const run = await runCli(['carry', id, '--from', '2021', '--to', '2023', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Carried 3 annotations from “2021” to “2023”: 1 in place, 0 moved, 1 text changed, 1 orphaned.',
    );
    expect(run.stdout).toMatch(/Orphaned\s+“to invite comment on City services”/);
  });

  it('exits 1 with the reason when the review is open for editing in another process, and changes nothing', async () => {
    const { dataDir, id } = await annotatedReview();
    const library = new ReviewLibrary(dataDir);
    await library.openReview(id);
    try {
      const run = await runCli(['carry', id, '--from', '2021', '--to', '2023', '--json', '--data-dir', dataDir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('open in another window or process');
    } finally {
      await library.closeAll();
    }
    const { review } = await new ReviewLibrary(dataDir).read(id);
    expect(review.annotations.filter((a) => a.carriedFrom)).toEqual([]);
  });

  it('exits 1 when a version is not named', async () => {
    const { dataDir, id } = await annotatedReview();
    const run = await runCli(['carry', id, '--from', '2021', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--from and --to');
  });
});
