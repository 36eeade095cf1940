import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DiffMatchPatch from 'diff-match-patch';
import { prepareCarry } from '../../shared/anchoring';
import { BUILTIN_CRITERIA } from '../../shared/checklist';
import { compareVersions } from '../../shared/compare';
import { editPolicyBlocks, generateAnnotations, generatePolicyBlocks, versionFromBlocks } from './generate-policy';

const RUNS = 9;
const ANNOTATIONS = 1000;

/** The median time of `runs` calls of `work`, after warm-up calls (so the JIT has compiled what it will). */
function medianMs(work: () => unknown, runs = RUNS, warmUps = 5): number {
  for (let i = 0; i < warmUps; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

/**
 * Comparing two generated versions of a 100-page and of a 200-page policy with scattered edits, and carrying
 * 1,000 annotations across, beside two reference points on the same pair in the same run: diff-match-patch
 * (`diff_main` + `diff_cleanupSemantic`, character diff of the whole text) and `git diff --no-index
 * --word-diff=porcelain` (a separate process, so its time includes starting it).
 */
export async function benchCompare(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  const dir = await mkdtemp(join(tmpdir(), 'policy-review-bench-compare-'));
  try {
    for (const pages of [100, 200]) {
      const older = versionFromBlocks(generatePolicyBlocks(pages, 11), 'v1');
      const { blocks, edits } = editPolicyBlocks(older.blocks, 12);
      const newer = versionFromBlocks(blocks, 'v2');
      const comparison = compareVersions(older, newer);
      const targets = generateAnnotations(
        older,
        ANNOTATIONS,
        BUILTIN_CRITERIA.map((c) => c.id),
      ).map((a) => a.target);

      const coldStarted = performance.now();
      compareVersions(older, newer);
      const compareFirstCallMs = round(performance.now() - coldStarted);
      const compareMs = medianMs(() => compareVersions(older, newer));
      const carryMs = medianMs(() => {
        const carry = prepareCarry(older, newer, comparison);
        for (const target of targets) carry(target);
      });
      const carry = prepareCarry(older, newer, comparison);
      const states = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
      for (const target of targets) states[carry(target).anchorState]++;

      const dmp = new DiffMatchPatch();
      const dmpMs = medianMs(() => {
        const diffs = dmp.diff_main(older.text, newer.text);
        dmp.diff_cleanupSemantic(diffs);
      });

      const a = join(dir, `v1-${pages}.txt`);
      const b = join(dir, `v2-${pages}.txt`);
      await writeFile(a, older.text);
      await writeFile(b, newer.text);
      const gitMs = medianMs(
        () => {
          const run = spawnSync('git', ['diff', '--no-index', '--word-diff=porcelain', a, b], {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          });
          if (run.status !== 0 && run.status !== 1) throw new Error(`git diff failed: ${run.stderr}`);
        },
        5,
        1,
      );

      figures[`${pages}Pages`] = {
        blocks: [older.blocks.length, newer.blocks.length],
        words: older.text.split(/\s+/).length,
        edits,
        counts: comparison.counts,
        compareMs,
        compareFirstCallMs,
        carry1000Ms: carryMs,
        compareAndCarry1000Ms: round(compareMs + carryMs),
        carriedStates: states,
        dmpMs,
        gitWordDiffMs: gitMs,
        compareToDmp: round(compareMs / dmpMs),
        compareToGit: round(compareMs / gitMs),
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const at100 = figures['100Pages'] as { compareMs: number; dmpMs: number; carry1000Ms: number };
  const at200 = figures['200Pages'] as { compareMs: number; dmpMs: number; carry1000Ms: number };
  figures.growth200over100 = {
    compare: round(at200.compareMs / at100.compareMs),
    carry1000: round(at200.carry1000Ms / at100.carry1000Ms),
    dmp: round(at200.dmpMs / at100.dmpMs),
  };
  figures.targets = { compareToDmp: '≤ 1.5', carry1000Ms: '< 150', growth: '≈ 2 (linear)' };
  return figures;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
