#!/usr/bin/env node
// `npm test`: typecheck (both sides), lint (formatting, and the layering rules), build, unit tests (Vitest), e2e tests
// (Playwright, real renderer and real services). Every step runs even when an earlier one fails, so one run
// shows everything that is wrong; the last line is `N passed, N failed` and the exit code is non-zero on any
// failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(`${results}/unit.json`, { force: true });
rmSync(`${results}/e2e.json`, { force: true });
mkdirSync(results, { recursive: true });

// The project's own tools, called directly: npx would read options such as --max-warnings as its own.
const bin = (name) => `node_modules/.bin/${name}${process.platform === 'win32' ? '.cmd' : ''}`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, command, args, countTests) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const run = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  const counted = countTests?.();
  if (counted) {
    tally.passed += counted.passed;
    tally.failed += counted.failed;
    tally.skipped += counted.skipped;
    // A runner that crashed before reporting still fails the run.
    if (!ok && counted.failed === 0) {
      tally.failed += 1;
      failures.push(`${name} (exited ${run.status ?? run.signal})`);
    } else if (counted.failed) failures.push(`${name} (${counted.failed} failed)`);
  } else {
    tally[ok ? 'passed' : 'failed'] += 1;
    if (!ok) failures.push(name);
  }
  console.log(`── ${name}: ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function vitestCounts() {
  const report = readJson(`${results}/unit.json`);
  if (!report) return { passed: 0, failed: 0, skipped: 0 };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts() {
  const report = readJson(`${results}/e2e.json`);
  if (!report) return { passed: 0, failed: 0, skipped: 0 };
  const s = report.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

step('typecheck (shared, node, web)', npm, ['run', '-s', 'typecheck']);
step('lint (Prettier, ESLint, layering)', npm, ['run', '-s', 'lint']);
step('build (electron-vite)', bin('electron-vite'), ['build']);
step(
  'unit (Vitest)',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`],
  vitestCounts,
);
step('e2e (Playwright)', bin('playwright'), ['test'], playwrightCounts);

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
if (tally.skipped) console.log(`${tally.skipped} skipped (each says why above).`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed ? 1 : 0);
