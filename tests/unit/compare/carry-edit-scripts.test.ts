import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carryTargets, type CarriedTarget, type CarryVersion } from '../../../shared/anchoring';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { importFile, reviewIn, RIVERTON } from '../import/support-import';
import { useTempDirs } from '../support/temp-dir';
import { editScript, type EditedPair, type Expected } from './support-edits';

const tempDir = useTempDirs();
const SEEDS = 25;

let ws: Workstation;
const fixtures: { name: string; version: CarryVersion }[] = [];

beforeAll(async () => {
  const dir = await tempDir();
  const opened = await reviewIn(dir);
  ws = opened.ws;
  for (const name of ['v1', 'v2', 'v3']) {
    const { version } = await importFile(ws, opened.reviewId, `${RIVERTON}/${name}.md`);
    fixtures.push({ name, version });
  }
}, 60_000);

afterAll(async () => {
  await ws?.close();
});

interface Tally {
  same: number;
  sameExact: number;
  sameState: number;
  edited: number;
  editedFuzzy: number;
  deleted: number;
  deletedOrphaned: number;
  failures: string[];
}

function judge(pair: EditedPair, results: CarriedTarget[], tally: Tally): void {
  pair.annotations.forEach(({ target, expected }, i) => {
    const result = results[i]!;
    const [quote, position] = result.target.selector;
    const describe = (e: Expected) =>
      `${e.kind} “${target.selector[0].exact}” → ${result.anchorState} “${quote.exact}” [${position.start}, ${position.end})`;
    expect(result.target.source).toBe(pair.newer.id);
    if (expected.kind === 'same') {
      tally.same++;
      const exact =
        (result.anchorState === 'anchored' || result.anchorState === 'moved') &&
        position.start === expected.start &&
        position.end === expected.end;
      if (exact) tally.sameExact++;
      else tally.failures.push(describe(expected));
      if (result.anchorState === (expected.moved ? 'moved' : 'anchored')) tally.sameState++;
    } else if (expected.kind === 'edited') {
      tally.edited++;
      if (result.anchorState === 'fuzzy' && quote.exact === expected.text && position.start === expected.start)
        tally.editedFuzzy++;
    } else {
      tally.deleted++;
      if (result.anchorState === 'orphaned') tally.deletedOrphaned++;
      else tally.failures.push(describe(expected));
    }
  });
}

describe('carrying annotations through seeded edit scripts over the Riverton fixtures', () => {
  it('re-anchors every surviving quote to exactly its text, orphans every deleted one, and finds edited ones as fuzzy', () => {
    const tally: Tally = {
      same: 0,
      sameExact: 0,
      sameState: 0,
      edited: 0,
      editedFuzzy: 0,
      deleted: 0,
      deletedOrphaned: 0,
      failures: [],
    };
    const edits: Record<string, number> = {};
    for (const { version } of fixtures) {
      for (let seed = 1; seed <= SEEDS; seed++) {
        const pair = editScript(version, seed);
        for (const [edit, n] of Object.entries(pair.edits)) edits[edit] = (edits[edit] ?? 0) + n;
        judge(
          pair,
          carryTargets(
            pair.older,
            pair.newer,
            pair.annotations.map((a) => a.target),
          ),
          tally,
        );
      }
    }
    const rate = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)} %)`;
    console.log(
      [
        `edit scripts: ${fixtures.length} fixtures × ${SEEDS} seeds; blocks edited: ${JSON.stringify(edits)}`,
        `  surviving quotes re-anchored to exactly their ` +
          `text: ${rate(tally.sameExact, tally.same)}; with the expected state (anchored in place, ` +
          `moved with a moved block): ${rate(tally.sameState, tally.same)}`,
        `  deleted quotes orphaned: ${rate(tally.deletedOrphaned, tally.deleted)}`,
        `  lightly edited quotes found as fuzzy with the new text: ${rate(tally.editedFuzzy, tally.edited)}`,
      ].join('\n'),
    );
    expect(tally.failures.slice(0, 10)).toEqual([]);
    expect(tally.sameExact).toBe(tally.same);
    expect(tally.deletedOrphaned).toBe(tally.deleted);
    expect(tally.editedFuzzy / tally.edited).toBeGreaterThanOrEqual(0.9);
    expect(tally.same).toBeGreaterThan(1000);
    expect(tally.deleted).toBeGreaterThan(200);
    expect(tally.edited).toBeGreaterThan(100);
  });
});
