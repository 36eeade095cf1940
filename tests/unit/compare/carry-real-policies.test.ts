import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carryTargets, targetForRange, type CarriedTarget } from '../../../shared/anchoring';
import type { AnnotationTarget, Version } from '../../../shared/model';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { importFile, REPO, reviewIn } from '../import/support-import';
import { useTempDirs } from '../support/temp-dir';

const REAL = `${REPO}/../shared/real-policies`;
const available = existsSync(REAL);
if (!available) console.warn(`Skipping the accuracy tests on real policies: ${REAL} is not there.`);

/** Successive published versions, and a longer jump across each policy's history. */
const PAIRS = [
  ['tts-social-media-2016-09', 'tts-social-media-2019-03'],
  ['tts-social-media-2019-03', 'tts-social-media-2020-06'],
  ['tts-social-media-2020-06', 'tts-social-media-2023-12'],
  ['tts-social-media-2016-09', 'tts-social-media-2023-12'],
  ['tts-code-of-conduct-2020-07', 'tts-code-of-conduct-2023-03'],
  ['tts-code-of-conduct-2023-03', 'tts-code-of-conduct-2025-02'],
  ['tts-code-of-conduct-2020-07', 'tts-code-of-conduct-2025-02'],
] as const;

const tempDir = useTempDirs();
let ws: Workstation;
const versions = new Map<string, Version>();

const WORDS = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => (text.toLowerCase().match(WORDS) ?? []) as string[];

/** Share of `quote`'s words (with repeats) that `text` also has. */
function containment(quote: string, text: string): number {
  const have = new Map<string, number>();
  for (const w of wordsOf(text)) have.set(w, (have.get(w) ?? 0) + 1);
  const wanted = wordsOf(quote);
  let found = 0;
  for (const w of wanted) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      found++;
      have.set(w, n - 1);
    }
  }
  return wanted.length ? found / wanted.length : 1;
}

/** Every sentence of every block, and every fifth run of four words: the quotes a committee might annotate. */
function annotateEverywhere(version: Version): AnnotationTarget[] {
  const targets: AnnotationTarget[] = [];
  let offset = 0;
  for (const block of version.blocks) {
    for (const match of block.text.matchAll(/[^.!?]+[.!?]*/g)) {
      const lead = match[0].length - match[0].trimStart().length;
      const sentence = match[0].trim();
      if (wordsOf(sentence).length < 2) continue;
      const start = offset + match.index + lead;
      targets.push(targetForRange(version.text, version.id, { start, end: start + sentence.length }));
    }
    const words = [...block.text.matchAll(/\S+/g)];
    for (let w = 0; w + 4 <= words.length; w += 5) {
      const start = offset + words[w]!.index;
      const last = words[w + 3]!;
      targets.push(targetForRange(version.text, version.id, { start, end: offset + last.index + last[0].length }));
    }
    offset += block.text.length + 2;
  }
  return targets;
}

function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

describe.skipIf(!available)('carrying annotations between real successive policy versions', () => {
  beforeAll(async () => {
    const opened = await reviewIn(await tempDir());
    ws = opened.ws;
    for (const name of new Set(PAIRS.flat()))
      versions.set(name, (await importFile(ws, opened.reviewId, `${REAL}/${name}.md`)).version);
  }, 120_000);

  afterAll(async () => {
    await ws?.close();
  });

  it('re-anchors every quote that survives once with its prefix, orphans every deleted one, and never attaches a quote to other text', () => {
    const tally = {
      annotations: 0,
      uniqueWithPrefix: 0,
      uniqueWithPrefixFound: 0,
      repeatedWithContext: 0,
      repeatedWithContextFound: 0,
      deleted: 0,
      deletedOrphaned: 0,
      edited: 0,
      editedFuzzy: 0,
    };
    const states: Record<CarriedTarget['anchorState'], number> = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    const failures: string[] = [];
    const sentencesOf = (version: Version) => version.blocks.flatMap((b) => b.text.match(/[^.!?]+[.!?]*/g) ?? []);

    for (const [older, newer] of PAIRS) {
      const a = versions.get(older)!;
      const b = versions.get(newer)!;
      const targets = annotateEverywhere(a);
      const results = carryTargets(a, b, targets);
      const sentences = sentencesOf(b);
      targets.forEach((target, i) => {
        const { exact, prefix, suffix } = target.selector[0];
        const result = results[i]!;
        const [quote, position] = result.target.selector;
        const said = `${older} → ${newer}: “${exact}” → ${result.anchorState} “${quote.exact}”`;
        tally.annotations++;
        states[result.anchorState]++;

        // Whatever the state, what it points at must be the quote, a light edit of it, or nothing.
        if (result.anchorState === 'anchored' || result.anchorState === 'moved') {
          if (
            quote.exact.replace(/\s+/g, ' ') !== exact.replace(/\s+/g, ' ') ||
            b.text.slice(position.start, position.end) !== quote.exact
          )
            failures.push(`attached to other text: ${said}`);
        } else if (result.anchorState === 'fuzzy') {
          if (containment(exact, quote.exact) < 0.6 || b.text.slice(position.start, position.end) !== quote.exact)
            failures.push(`fuzzy on other text: ${said}`);
        } else if (quote.exact !== exact || position.end !== position.start + 1) {
          failures.push(`orphan lost its quote: ${said}`);
        }

        const found = occurrences(b.text, exact);
        if (found.length === 1 && b.text.slice(0, found[0]).endsWith(prefix)) {
          tally.uniqueWithPrefix++;
          if ((result.anchorState === 'anchored' || result.anchorState === 'moved') && position.start === found[0])
            tally.uniqueWithPrefixFound++;
          else failures.push(`not re-anchored: ${said}`);
        } else if (found.length > 1) {
          const fitting = found.filter(
            (at) => b.text.slice(0, at).endsWith(prefix) && b.text.startsWith(suffix, at + exact.length),
          );
          if (fitting.length === 1) {
            tally.repeatedWithContext++;
            if (result.anchorState !== 'orphaned' && position.start === fitting[0]) tally.repeatedWithContextFound++;
            else failures.push(`repeated quote misplaced: ${said}`);
          }
        } else if (found.length === 0) {
          const closest = Math.max(0, ...sentences.map((s) => containment(exact, s)));
          if (closest < 0.5) {
            tally.deleted++;
            if (result.anchorState === 'orphaned') tally.deletedOrphaned++;
            else failures.push(`deleted but not orphaned: ${said}`);
          } else if (closest >= 0.8 && wordsOf(exact).length >= 5) {
            tally.edited++;
            if (result.anchorState === 'fuzzy') tally.editedFuzzy++;
          }
        }
      });
    }
    const rate = (n: number, of: number) => `${n}/${of} (${((100 * n) / Math.max(1, of)).toFixed(1)} %)`;
    console.log(
      [
        `real policies: ${PAIRS.length} version pairs, ${tally.annotations} annotations (every ` +
          `sentence and every fifth 4-word phrase); states ${JSON.stringify(states)}`,
        `  quote once in the new version with its prefix → re-anchored exactly there: ${rate(tally.uniqueWithPrefixFound, tally.uniqueWithPrefix)}`,
        `  quote several times, once with its prefix and suffix → placed there: ${rate(tally.repeatedWithContextFound, tally.repeatedWithContext)}`,
        `  quote deleted (absent, no sentence keeps half its words) → orphaned: ${rate(tally.deletedOrphaned, tally.deleted)}`,
        `  quote lightly edited (absent, a sentence keeps ≥ 80 % of its ≥ 5 words) → fuzzy: ${rate(tally.editedFuzzy, tally.edited)}`,
      ].join('\n'),
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(tally.uniqueWithPrefix).toBeGreaterThan(500);
    expect(tally.deleted).toBeGreaterThan(20);
  });
});
