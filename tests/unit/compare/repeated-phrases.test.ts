import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carryTargets, targetForRange, type CarryVersion } from '../../../shared/anchoring';
import type { AnnotationTarget, Version } from '../../../shared/model';
import type { Workstation } from '../../../electron/services/workstation/workstation';
import { importFile, reviewIn, RIVERTON } from '../import/support-import';
import { useTempDirs } from '../support/temp-dir';

const PHRASE = 'in accordance with the Records Retention Schedule';
const tempDir = useTempDirs();
let ws: Workstation;
let v3: Version;

beforeAll(async () => {
  const opened = await reviewIn(await tempDir());
  ws = opened.ws;
  v3 = (await importFile(ws, opened.reviewId, `${RIVERTON}/v3.md`)).version;
}, 60_000);

afterAll(async () => {
  await ws?.close();
});

function versionOf(
  blocks: CarryVersion['blocks'][number][],
  id = '00000000-0000-4000-8000-0000000000bb',
): CarryVersion {
  return { id, blocks, text: blocks.map((b) => b.text).join('\n\n') };
}

function starts(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

describe('a stock phrase repeated through a policy', () => {
  it('carries each of its annotated occurrences to its own place, never to the first occurrence, and orphans the deleted one', () => {
    const places = starts(v3.text, PHRASE);
    expect(places).toHaveLength(6);
    const targets = places.map((start) => targetForRange(v3.text, v3.id, { start, end: start + PHRASE.length }));
    const blockOf = (start: number) =>
      v3.blocks.findIndex(
        (_, i) =>
          v3.text.indexOf(v3.blocks[i]!.text) <= start &&
          start < v3.text.indexOf(v3.blocks[i]!.text) + v3.blocks[i]!.text.length,
      );
    const [first, second, third, fourth, fifth, sixth] = places.map(blockOf);
    expect(new Set([first, second, third, fourth, fifth, sixth]).size).toBe(6);

    // The new version: a new paragraph with the phrase before all the others, the third occurrence's paragraph
    // deleted, the words before the fifth reworded, and the sixth's paragraph moved to the start.
    const blocks = v3.blocks.map((b) => ({ ...b }));
    blocks[fifth!] = {
      ...blocks[fifth!]!,
      text: blocks[fifth!]!.text.replace(new RegExp(`\\S+ ${PHRASE}`), `reworded ${PHRASE}`),
    };
    expect(blocks[fifth!]!.text).not.toBe(v3.blocks[fifth!]!.text);
    const moved = blocks[sixth!]!;
    const edited = blocks.filter((_, i) => i !== third && i !== sixth);
    edited.splice(
      1,
      0,
      { id: 'new', type: 'paragraph', text: `All minutes of the committee are kept ${PHRASE}.` },
      moved,
    );
    const newer = versionOf(edited);
    const newPlaces = starts(newer.text, PHRASE);
    expect(newPlaces).toHaveLength(6);

    const results = carryTargets(v3, newer, targets);
    const at = (i: number) => results[i]!.target.selector[1].start;
    expect(results.map((r) => r.anchorState)).toEqual([
      'anchored',
      'anchored',
      'orphaned',
      'anchored',
      'anchored',
      'moved',
    ]);
    // Each to the occurrence in its own paragraph: the new first occurrence is nobody's.
    expect([at(0), at(1), at(3), at(4)]).toEqual([newPlaces[2], newPlaces[3], newPlaces[4], newPlaces[5]]);
    expect(at(5)).toBe(newPlaces[1]);
    expect(results.map((r) => r.target.selector[1].start)).not.toContain(newPlaces[0]);
    expect(results[2]!.target.selector[0].exact).toBe(PHRASE);
  });

  it('leaves the choice to a person (fuzzy) when two places fit equally and none is its own', () => {
    const older = versionOf(
      [
        { id: 'b1', type: 'heading', text: 'Records' },
        {
          id: 'b2',
          type: 'paragraph',
          text: `The clerk prepares the agenda, circulates papers a week ahead, takes attendance and records decisions. Board minutes are kept ${PHRASE}.`,
        },
        { id: 'b3', type: 'paragraph', text: 'Filed.' },
        {
          id: 'b4',
          type: 'paragraph',
          text: 'Questions go to the Communications Office, which answers within five working days.',
        },
      ],
      '00000000-0000-4000-8000-0000000000aa',
    );
    const minutes = `Board minutes are kept ${PHRASE}.`;
    const newer = versionOf([
      older.blocks[0]!,
      older.blocks[3]!,
      { id: 'n1', type: 'paragraph', text: minutes },
      older.blocks[2]!,
      { id: 'n2', type: 'paragraph', text: minutes },
      older.blocks[2]!,
    ]);
    const start = older.text.indexOf(PHRASE);
    const target: AnnotationTarget = {
      source: older.id,
      selector: [
        { type: 'TextQuoteSelector', exact: PHRASE, prefix: 'es are kept ', suffix: '.' },
        { type: 'TextPositionSelector', start, end: start + PHRASE.length },
      ],
    };
    const [result] = carryTargets(older, newer, [target]);
    expect(result!.anchorState).toBe('fuzzy');
    expect(starts(newer.text, PHRASE)).toContain(result!.target.selector[1].start);
    expect(result!.target.selector[0].exact).toBe(PHRASE);
  });

  it('orphans a deleted stock phrase even though the same words stand elsewhere with similar surroundings', () => {
    const older = versionOf(
      [
        {
          id: 'b1',
          type: 'paragraph',
          text: `Moderators record each removed comment, the date and the rule applied; the moderation log is retained ${PHRASE}.`,
        },
        { id: 'b2', type: 'paragraph', text: `Direct messages are retained ${PHRASE}.` },
        { id: 'b3', type: 'paragraph', text: 'Accounts are reviewed every year by the account manager and a deputy.' },
      ],
      '00000000-0000-4000-8000-0000000000aa',
    );
    const newer = versionOf([
      older.blocks[1]!,
      older.blocks[2]!,
      { id: 'n1', type: 'paragraph', text: `Photographs taken at City events are retained ${PHRASE}.` },
    ]);
    const start = older.text.indexOf(PHRASE);
    const [result] = carryTargets(older, newer, [
      targetForRange(older.text, older.id, { start, end: start + PHRASE.length }),
    ]);
    expect(result!.anchorState).toBe('orphaned');
  });
});
