// `npm start`: build the app, then run it in Electron. The Electron runtime is a separate download that
// `npm install` does not fetch; where it cannot be had (no internet), say so plainly instead of crashing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronRuntime() {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : undefined;
  return { packageDir, executable: executable && existsSync(executable) ? executable : undefined };
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

let runtime = electronRuntime();
if (!runtime.executable) {
  console.log('The Electron runtime is not installed yet; downloading it once (about 100 MB)…');
  const download = spawnSync(process.execPath, [join(runtime.packageDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  runtime = electronRuntime();
  if (download.status !== 0 || !runtime.executable) {
    // The downloader prints a stack trace; a person needs only its first line.
    const reason = (download.stderr || '').split('\n').find((line) => line.trim()) ?? 'the download did not finish';
    console.error(`
Policy Review Workstation cannot start as a desktop app here: the Electron runtime could not be
downloaded (${reason.trim()}). It is fetched from GitHub on first start, and this computer could not reach it.

You can use the same app, with the same data, in a local Chromium window instead:

    npm run start:browser

Or, once this computer is online, run \`npm start\` again to finish the download.
`);
    process.exit(1);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
process.exit(run(npx, ['electron-vite', 'preview']));
