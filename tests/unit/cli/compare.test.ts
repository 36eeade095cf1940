import { describe, expect, it } from 'vitest';
import { ReviewLibrary } from '../../../electron/services/library/review-library';
import { RIVERTON } from '../import/support-import';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

/** A review with Riverton v1 and v2 imported by the command line, labelled “2021” and “2023”. */
async function reviewWithTwoVersions(): Promise<{
  dataDir: string;
  id: string;
  versions: { id: string; label: string }[];
}> {
  const dataDir = await tempDir();
  const { id } = JSON.parse((await runCli(['new', '--title', 'Riverton', '--json', '--data-dir', dataDir])).stdout) as {
    id: string;
  };
  for (const [file, label] of [
    ['v1.md', '2021'],
    ['v2.md', '2023'],
  ] as const) {
    const run = await runCli(['import', id, `${RIVERTON}/${file}`, '--label', label, '--json', '--data-dir', dataDir]);
    expect(run.code, run.stderr).toBe(0);
  }
  const shown = JSON.parse((await runCli(['show', id, '--json', '--data-dir', dataDir])).stdout) as {
    versions: { id: string; label: string }[];
  };
  return { dataDir, id, versions: shown.versions };
}

describe('policy-review compare', () => {
  it('prints the counts and the blocks as JSON, versions named by label', async () => {
    const { dataDir, id } = await reviewWithTwoVersions();
    const run = await runCli(['compare', id, '2021', '2023', '--json', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown> & {
      blocks: { kind: string; from?: object; to?: object; parts?: unknown[]; text?: string }[];
    };
    expect(Object.keys(printed)).toEqual(['unchanged', 'changed', 'added', 'removed', 'moved', 'blocks']);
    const counts = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 } as Record<string, number>;
    for (const block of printed.blocks) counts[block.kind]!++;
    expect(counts).toEqual({
      unchanged: printed.unchanged,
      changed: printed.changed,
      added: printed.added,
      removed: printed.removed,
      moved: printed.moved,
    });
    expect(printed.changed).toBeGreaterThan(3);
    expect(printed.blocks.filter((b) => b.kind === 'changed').every((b) => b.parts && b.from && b.to)).toBe(true);
    expect(
      printed.blocks.filter((b) => b.kind === 'added').every((b) => typeof b.text === 'string' && b.to && !b.from),
    ).toBe(true);
  });

  it('prints a readable summary and word diffs, versions named by the start of their id', async () => {
    const { dataDir, id, versions } = await reviewWithTwoVersions();
    const run = await runCli([
      'compare',
      id,
      versions[0]!.id.slice(0, 8),
      versions[1]!.id.slice(0, 8),
      '--data-dir',
      dataDir,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(
      /^“2021” → “2023”: \d+ unchanged, \d+ changed, \d+ added, \d+ removed, \d+ moved\.$/,
    );
    expect(run.stdout).toContain('[-agreed -]');
  });

  it('reads a review another process holds open for editing', async () => {
    const { dataDir, id } = await reviewWithTwoVersions();
    const library = new ReviewLibrary(dataDir);
    await library.openReview(id);
    try {
      const run = await runCli(['compare', id, '2021', '2023', '--json', '--data-dir', dataDir]);
      expect(run.code).toBe(0);
    } finally {
      await library.closeAll();
    }
  });

  it('exits 1 with one line naming the version it cannot find', async () => {
    const { dataDir, id } = await reviewWithTwoVersions();
    const run = await runCli(['compare', id, '2021', '2099', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('“2099”');
  });
});
