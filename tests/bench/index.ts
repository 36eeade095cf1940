// `npm run bench [-- NAME ...]`: runs the named benchmarks (all when none is named) and prints their figures as
// JSON. Benchmarks measure; tests never assert time.
import { benchCliStartup } from './cli-startup';
import { benchCompare } from './compare';
import { benchExchange } from './exchange';
import { benchImport } from './import';
import { benchLargePolicy } from './large-policy';
import { machineFacts } from './machine';
import { benchMerge } from './merge';
import { benchReport } from './report';
import { benchStorage } from './storage';
import { benchWorkspace } from './workspace';

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  storage: benchStorage,
  import: benchImport,
  compare: benchCompare,
  report: benchReport,
  workspace: benchWorkspace,
  'cli-startup': benchCliStartup,
  merge: benchMerge,
  exchange: benchExchange,
  'large-policy': benchLargePolicy,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(1);
}
const figures: Record<string, unknown> = {
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  machine: machineFacts(),
};
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  figures[name] = await BENCHES[name]!();
}
console.log(JSON.stringify(figures, null, 2));
