import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkServiceProcess } from '../../electron/services/processes/fork-service-process';
import type { StartServiceProcess } from '../../electron/services/processes/service-process';

const builtFolder = fileURLToPath(new URL('../../out/main', import.meta.url));

/**
 * Starts a service process (a merge's engine, a parsing process) from the build, as the app does, where the
 * services themselves run from source in a test's or a benchmark's process. From source, each process would start
 * through tsx, whose loader doubles its start (about 1.1 s rather than 0.5 s here: a package's export, opening and
 * merge each start an engine) and adds its own memory to a process a benchmark measures. The build must be the
 * sources' own: the unit tests' global set-up builds when the sources are newer, `npm test` builds before the e2e
 * tests, and a benchmark builds first.
 */
export const startBuiltServiceProcess: StartServiceProcess = (modulePath, args, name, tuning) => {
  // From source, the entry is start-from-source.mjs, given the TypeScript entry's URL before the process's own arguments.
  if (basename(modulePath) !== 'start-from-source.mjs' || !args[0])
    return forkServiceProcess(modulePath, args, name, tuning);
  const built = join(builtFolder, basename(fileURLToPath(args[0])).replace(/\.ts$/, '.js'));
  if (!existsSync(built)) throw new Error(`${built} is missing: build the app first (npm run build).`);
  return forkServiceProcess(built, args.slice(1), name, tuning);
};
