// Runs Electronegativity over the built app and fails on any finding that .ci/electronegativity-allowlist.json
// does not justify. Usage: node .ci/electronegativity.mjs PATH_TO_ELECTRONEGATIVITY_BIN
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [bin] = process.argv.slice(2);
const allowlist = JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8'));
const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.sarif');
const run = spawnSync(bin, ['--input', 'out', '--relative', '--verbose', 'false', '--output', report], {
  encoding: 'utf8',
});
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const results = JSON.parse(readFileSync(report, 'utf8')).runs[0].results;
const unexplained = results.filter((r) => !(r.ruleId in allowlist));
for (const r of results) {
  const where = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  console.log(`${r.ruleId in allowlist ? 'justified ' : 'FINDING   '} ${r.ruleId} (${where}): ${r.message.text}`);
}
const stale = Object.keys(allowlist).filter((id) => !id.startsWith('$') && !results.some((r) => r.ruleId === id));
if (stale.length) console.log(`No longer found (remove from the allowlist): ${stale.join(', ')}`);
console.log(`Electronegativity: ${results.length} findings, ${unexplained.length} not justified.`);
process.exit(unexplained.length ? 1 : 0);
