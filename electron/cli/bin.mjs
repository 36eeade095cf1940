#!/usr/bin/env node
// The `policy-review` command. It runs the CLI as built with the app (`npm run build`), so it uses exactly
// the services the app uses.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error(
    'policy-review: the command line is not built yet. Run `npm run build` in the app folder, then try again.',
  );
  process.exit(1);
}
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// Node 22 and later keep the CLI's compiled code between runs, so a command does not compile its modules each
// time it starts (on older Node the function is missing and nothing changes).
module.enableCompileCache?.();
// A command holds a whole review, and a merge one more as it arrives: V8 keeps its heap compact rather than growing
// it ahead, which at 10,000 annotations keeps a merge's process about 100 MB smaller for a few percent more time.
setFlagsFromString('--optimize-for-size');
const { runCli } = await import(pathToFileURL(built).href);
process.exitCode = await runCli(process.argv.slice(2));
