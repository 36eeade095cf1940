import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { flateBombPdf } from '../../../fixtures/generator/memory-bombs';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { HOSTILE, RIVERTON } from '../import/support-import';

const tempDir = useTempDirs();

async function newReview(dataDir: string): Promise<string> {
  const run = await runCli(['new', '--title', 'Riverton', '--json', '--data-dir', dataDir]);
  return (JSON.parse(run.stdout) as { id: string }).id;
}

describe('policy-review import', () => {
  it('imports a file and prints the new version as JSON', async () => {
    const dataDir = await tempDir();
    const id = await newReview(dataDir);
    const run = await runCli([
      'import',
      id,
      `${RIVERTON}/v1.md`,
      '--label',
      'Policy 2021',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { versionId: string; blocks: number; chars: number; warnings: string[] };
    expect(printed.versionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(printed.blocks).toBeGreaterThan(40);
    expect(printed.chars).toBeGreaterThan(5000);
    expect(Array.isArray(printed.warnings)).toBe(true);

    const shown = JSON.parse((await runCli(['show', id, '--json', '--data-dir', dataDir])).stdout) as {
      versions: { id: string; label: string; effectiveDate?: string; source: { mediaType: string } }[];
    };
    expect(shown.versions).toEqual([
      expect.objectContaining({
        id: printed.versionId,
        label: 'Policy 2021',
        effectiveDate: '2021-03-01',
        source: expect.objectContaining({ mediaType: 'text/markdown' }),
      }),
    ]);
  }, 60_000);

  it('exits 1 with one line naming the file when it cannot be imported', async () => {
    const dataDir = await tempDir();
    const id = await newReview(dataDir);
    const run = await runCli(['import', id, `${HOSTILE}/not-really.pdf`, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('not-really.pdf');
    const shown = JSON.parse((await runCli(['show', id, '--json', '--data-dir', dataDir])).stdout) as {
      versions: unknown[];
    };
    expect(shown.versions).toEqual([]);
  }, 60_000);

  it('exits 1 naming the file when a PDF stream inflates to gigabytes, and leaves the review as it was', async () => {
    const dataDir = await tempDir();
    const id = await newReview(dataDir);
    const bomb = `${dataDir}/flate-bomb.pdf`;
    await writeFile(bomb, (await flateBombPdf()).pdf);
    const run = await runCli(['import', id, bomb, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^policy-review import: “flate-bomb\.pdf” holds a compressed part .* that unpacks to more than 64 MB/,
    );
    const shown = JSON.parse((await runCli(['show', id, '--json', '--data-dir', dataDir])).stdout) as {
      versions: unknown[];
    };
    expect(shown.versions).toEqual([]);
  }, 120_000);

  it('exits 1 when the file does not exist', async () => {
    const dataDir = await tempDir();
    const id = await newReview(dataDir);
    const run = await runCli(['import', id, `${dataDir}/nope.docx`, '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no file');
  });
});
