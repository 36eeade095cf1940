import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the app (`electron-vite build`, into ./out) as a benchmark measures it: what runs is what ships. */
export function buildApp(): void {
  const build = spawnSync(process.execPath, [join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`electron-vite build failed: ${build.stderr}`);
}
