// Prints one line per screen the e2e tests checked with axe-core (test-results/axe/<screen>.json): how many
// violations (elements) of each impact it has, how many checks axe left for a person to decide (incomplete),
// and which rules were violated. Run after the e2e tests: `node tests/e2e/support/axe-summary.mjs`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../../test-results/axe', import.meta.url));
const impacts = ['critical', 'serious', 'moderate', 'minor'];

const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.json')).sort();
if (!files.length) {
  console.error(`No axe results in ${dir}: run the e2e tests first.`);
  process.exit(1);
}
const rows = [];
for (const file of files) {
  const { screen, violations, incomplete } = JSON.parse(await readFile(join(dir, file), 'utf8'));
  const counts = Object.fromEntries(impacts.map((impact) => [impact, 0]));
  for (const v of violations) counts[v.impact] += v.nodes.length;
  const rules = violations.map((v) => `${v.id} (${v.impact})`).join(', ');
  const undecided = incomplete.reduce((sum, check) => sum + check.nodes.length, 0);
  rows.push([screen, ...impacts.map((impact) => String(counts[impact])), String(undecided), rules]);
}
const header = ['screen', ...impacts, 'to check', 'rules violated'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i < header.length - 1 ? r[i].length : 0))));
for (const row of [header, ...rows])
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
