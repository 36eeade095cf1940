import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkServiceProcess } from '../../electron/services/processes/fork-service-process';
import type { StartServiceProcess } from '../../electron/services/processes/service-process';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the app (`electron-vite build`, into ./out) as a benchmark measures it: what runs is what ships. */
export function buildApp(): void {
  const build = spawnSync(process.execPath, [join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`electron-vite build failed: ${build.stderr}`);
}

/**
 * Starts a service process (a merge's engine, a parsing process) from the build, as the app does, where the
 * services themselves run from source in a benchmark's process: from source, the process would start through tsx,
 * whose loader adds its own time and memory to the process measured. Needs `buildApp()` first.
 */
export const startBuiltServiceProcess: StartServiceProcess = (modulePath, args, name, v8Flags) => {
  // From source, the entry is start-from-source.mjs, given the TypeScript entry's URL before the process's own arguments.
  if (basename(modulePath) !== 'start-from-source.mjs' || !args[0])
    return forkServiceProcess(modulePath, args, name, v8Flags);
  const built = join(repo, 'out/main', basename(fileURLToPath(args[0])).replace(/\.ts$/, '.js'));
  if (!existsSync(built)) throw new Error(`${built} is missing: build the app first (npm run build).`);
  return forkServiceProcess(built, args.slice(1), name, v8Flags);
};
