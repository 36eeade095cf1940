import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** Newest modification time of any file below `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Some unit tests run the real `policy-review` command, which runs the built CLI: build it first when the
 * build is missing or older than the sources, so a test never runs yesterday's code.
 */
export default function setup(): void {
  let built = 0;
  try {
    built = statSync(join(repo, 'out/main/cli.js')).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newest(join(repo, 'electron')), newest(join(repo, 'shared')));
  if (built >= sources) return;
  const result = spawnSync('npx', ['--no', 'electron-vite', 'build'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('electron-vite build failed; the CLI tests need the built CLI.');
}
