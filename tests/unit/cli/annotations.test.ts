import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_TXT } from '../annotations/support-review';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

async function importVersion(dataDir: string, reviewId: string, label: string, content: string): Promise<string> {
  const file = join(dataDir, `${label}.txt`);
  await writeFile(file, content);
  const imported = await runCli(['import', reviewId, file, '--label', label, '--json', '--data-dir', dataDir]);
  return (JSON.parse(imported.stdout) as { versionId: string }).versionId;
}

describe('policy-review annotations', () => {
  it('lists each annotation with its quote, context, criteria, plain-text comment and reply count, by version', async () => {
    const dataDir = await tempDir();
    const reviewId = (
      JSON.parse((await runCli(['new', '--title', 'Listing', '--json', '--data-dir', dataDir])).stdout) as {
        id: string;
      }
    ).id;
    const first = await importVersion(dataDir, reviewId, 'Policy 2024', POLICY_TXT);
    const second = await importVersion(
      dataDir,
      reviewId,
      'Policy 2025',
      POLICY_TXT.replace('one business day', 'two business days'),
    );
    for (const [label, quote] of [
      ['Policy 2024', 'personal data'],
      ['Policy 2025', 'two business days'],
    ] as const) {
      const run = await runCli([
        'annotate',
        reviewId,
        '--version',
        label,
        '--quote',
        quote,
        '--criterion',
        'privacy.consent',
        '--severity',
        'minor',
        '--comment',
        `About ${quote}\nsecond line`,
        '--data-dir',
        dataDir,
      ]);
      expect(run.code).toBe(0);
    }

    const all = JSON.parse((await runCli(['annotations', reviewId, '--json', '--data-dir', dataDir])).stdout) as Record<
      string,
      unknown
    >[];
    expect(all.map((a) => a.versionId)).toEqual([first, second]);
    const only = await runCli(['annotations', reviewId, '--version', 'Policy 2024', '--json', '--data-dir', dataDir]);
    expect(only.code).toBe(0);
    const [listed] = JSON.parse(only.stdout) as Record<string, unknown>[];
    expect(Object.keys(listed!).sort()).toEqual(
      [
        'anchorState',
        'author',
        'comment',
        'createdAt',
        'criterionIds',
        'end',
        'id',
        'prefix',
        'quote',
        'replies',
        'severity',
        'start',
        'status',
        'suffix',
        'versionId',
      ].sort(),
    );
    expect(listed).toMatchObject({
      versionId: first,
      quote: 'personal data',
      criterionIds: ['privacy.consent'],
      severity: 'minor',
      status: 'open',
      comment: 'About personal data\nsecond line',
      replies: 0,
      anchorState: 'anchored',
    });
    expect(listed!.prefix).toMatch(/share $/);
    expect(listed!.suffix).toMatch(/^ of residents/);
    expect((listed!.end as number) - (listed!.start as number)).toBe('personal data'.length);
  });
});
