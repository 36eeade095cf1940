import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../support/temp-dir';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const runtimeInstalled =
  existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
const tempDir = useTempDirs();

describe('npm start without the Electron runtime', () => {
  it.skipIf(runtimeInstalled)(
    'explains in plain words and points to start:browser, without a stack trace',
    async () => {
      // A download mirror on a closed port stands for a computer that cannot reach GitHub.
      const run = spawnSync(process.execPath, [join(repo, 'electron/launch/start.mjs')], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: await tempDir() },
      });
      expect(run.status).toBe(1);
      const output = `${run.stdout}\n${run.stderr}`;
      expect(output).toContain('npm run start:browser');
      expect(output).toMatch(/Electron runtime could not be\s+downloaded/);
      expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    },
  );
});
