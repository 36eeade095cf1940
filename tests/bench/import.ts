import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

/**
 * Importing a generated ~100-page policy as DOCX and as PDF, each in a fresh process: the app's whole import as
 * built (time, and peak memory of the process with its worker) beside the parser library alone on the same file.
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
    const raw = measure('raw', file);
    const app = measure('app', file);
    figures[format] = { app, raw, timeRatio: Math.round((app.ms / raw.ms) * 100) / 100 };
  }
  return figures;
}
