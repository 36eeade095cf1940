import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CRITERIA } from '../../../shared/checklist';
import { runCli } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

async function newReview(dataDir: string, title: string): Promise<{ id: string; file: string }> {
  const run = await runCli(['new', '--title', title, '--json', '--data-dir', dataDir]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { id: string; file: string };
}

describe('the policy-review command line', () => {
  it('creates a review and prints its id and file as JSON', async () => {
    const dataDir = await tempDir();
    const created = await newReview(dataDir, 'Social media policy');
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.file).toBe(`${dataDir}/reviews/${created.id}.review.json`);
    expect(existsSync(created.file)).toBe(true);
  });

  it('lists the reviews in the library named by POLICY_REVIEW_DATA_DIR', async () => {
    const dataDir = await tempDir();
    const a = await newReview(dataDir, 'First');
    const b = await newReview(dataDir, 'Second');
    const run = await runCli(['list', '--json'], { POLICY_REVIEW_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { id: string; title: string }[];
    expect(listed.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('shows a review found by title, with its versions and committee', async () => {
    const dataDir = await tempDir();
    const { id } = await newReview(dataDir, 'Code of Conduct 2026');
    const run = await runCli(['show', 'code of conduct 2026', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    const shown = JSON.parse(run.stdout) as { id: string; versions: unknown[]; committee: unknown[]; criteria: number };
    expect(shown).toMatchObject({ id, versions: [], criteria: BUILTIN_CRITERIA.length });
    expect(shown.committee).toHaveLength(1);
  });

  it('prints the checklist by category, and as JSON', async () => {
    const dataDir = await tempDir();
    const { id } = await newReview(dataDir, 'Checklist');
    const text = await runCli(['checklist', id.slice(0, 8), '--data-dir', dataDir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Privacy');
    const json = await runCli(['checklist', id, '--json', '--data-dir', dataDir]);
    const parsed = JSON.parse(json.stdout) as { criteria: { id: string }[] };
    expect(parsed.criteria.map((c) => c.id)).toEqual(BUILTIN_CRITERIA.map((c) => c.id));
  });

  it('exits 1 with one line naming the problem when the review does not exist', async () => {
    const dataDir = await tempDir();
    const run = await runCli(['show', 'nothing-like-this', '--data-dir', dataDir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('No review matches “nothing-like-this”');
  });

  it('shows a review named by the path of its file, and finds no review for an id no review has', async () => {
    const dataDir = await tempDir();
    const { id, file } = await newReview(dataDir, 'Data protection notice');
    const byPath = await runCli(['show', file, '--json', '--data-dir', dataDir]);
    expect(byPath.code).toBe(0);
    expect(JSON.parse(byPath.stdout)).toMatchObject({ id, title: 'Data protection notice', file });
    const unknownId = id.replace(/^[0-9a-f]{8}/, (start) => (start === '00000000' ? '11111111' : '00000000'));
    const missing = await runCli(['checklist', unknownId, '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain(`No review matches “${unknownId}”`);
  });

  it('exits 1 with one line for a missing title, an unknown option and an unknown command', async () => {
    const dataDir = await tempDir();
    for (const args of [['new', '--data-dir', dataDir], ['list', '--colour'], ['frobnicate']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
