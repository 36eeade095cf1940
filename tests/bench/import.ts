import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const generated = `${repo}/fixtures/generated`;

interface Measurement {
  ms: number;
  peakRssMb: number;
  units: number;
}

function measure(mode: 'app' | 'raw', file: string): Measurement {
  const run = spawnSync(process.execPath, [`${repo}/tests/bench/import-one.mjs`, mode, file], { cwd: repo, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`import-one ${mode} ${file} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

/** How many times each import is measured; this machine's timings vary by about ±5% from run to run. */
const RUNS = 7;

interface Summary {
  msMedian: number;
  msMin: number;
  msMax: number;
  peakRssMbMedian: number;
  peakRssMbMax: number;
  units: number;
}

function summarize(runs: readonly Measurement[]): Summary {
  const ms = runs.map((run) => run.ms);
  const rss = runs.map((run) => run.peakRssMb);
  return { msMedian: percentile(ms, 50), msMin: Math.min(...ms), msMax: Math.max(...ms), peakRssMbMedian: percentile(rss, 50), peakRssMbMax: Math.max(...rss), units: runs[0]?.units ?? 0 };
}

/**
 * Importing a generated ~100-page policy as DOCX and as PDF, each run in a fresh process: the app's whole import
 * as built (time, and peak memory of the process with its workers) beside the parser library alone on the same
 * file. Each is measured RUNS times, the app and the library in turn, and summarized by the median.
 */
export async function benchImport(): Promise<Record<string, unknown>> {
  const build = spawnSync(process.execPath, [`${repo}/node_modules/electron-vite/bin/electron-vite.js`, 'build'], { cwd: repo, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed: ${build.stderr}`);
  if (!existsSync(`${generated}/large-100-pages.docx`) || !existsSync(`${generated}/large-100-pages.pdf`)) {
    const made = spawnSync(process.execPath, ['--import', 'tsx', `${repo}/fixtures/make-fixtures.ts`, '--large'], { cwd: repo, stdio: 'inherit' });
    if (made.status !== 0) throw new Error('could not generate the 100-page documents (npm run fixtures -- --large)');
  }
  const figures: Record<string, unknown> = {};
  for (const format of ['docx', 'pdf'] as const) {
    const file = `${generated}/large-100-pages.${format}`;
    const rawRuns: Measurement[] = [];
    const appRuns: Measurement[] = [];
    for (let run = 0; run < RUNS; run++) {
      rawRuns.push(measure('raw', file));
      appRuns.push(measure('app', file));
    }
    const app = summarize(appRuns);
    const raw = summarize(rawRuns);
    figures[format] = { runs: RUNS, app, raw, timeRatio: Math.round((app.msMedian / raw.msMedian) * 100) / 100 };
  }
  return figures;
}
