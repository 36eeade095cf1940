import { describe, expect, it } from 'vitest';
import { compareVersions, type BlockChange, type VersionText } from '../../../shared/compare';
import type { Block } from '../../../shared/model';
import { editPolicyBlocks, generatePolicyBlocks, versionFromBlocks } from '../../bench/generate-policy';

function version(texts: (string | [Block['type'], string])[]): VersionText {
  const blocks = texts.map((t, i) => {
    const [type, text] = typeof t === 'string' ? (['paragraph', t] as const) : t;
    return { id: `b${i + 1}`, type, text, ...(type === 'heading' ? { level: 2 } : {}) } as Block;
  });
  return { blocks, text: blocks.map((b) => b.text).join('\n\n') };
}

const PARAGRAPHS = [
  'Official accounts are approved by the Communications Office before their first post is published.',
  'Each department names an account manager and a deputy who have both completed the social media training.',
  'Comments that contain threats, harassment or personal information may be hidden by a moderator.',
  'Records of posts and comments are kept in accordance with the Records Retention Schedule.',
  'Employees who use personal accounts must not present their views as those of the City.',
  'A security incident such as a compromised password is reported to the IT service desk at once.',
  'The policy is reviewed every two years by the Department of Communications and Public Engagement.',
];

/** Old text = equal + removed parts; new text = equal + added parts. */
function spelled(change: BlockChange): { older: string; newer: string } {
  const parts = change.parts ?? [];
  return {
    older: parts
      .filter((p) => p.kind !== 'added')
      .map((p) => p.text)
      .join(''),
    newer: parts
      .filter((p) => p.kind !== 'removed')
      .map((p) => p.text)
      .join(''),
  };
}

describe('comparing two versions block by block', () => {
  it('treats whitespace-only and line-wrap changes as no change', () => {
    const older = version(PARAGRAPHS);
    const newer = version(
      PARAGRAPHS.map((p, i) =>
        i % 2 ? p.replace(/ /g, (_, at: number) => (at % 3 ? ' ' : '\n')) : `  ${p.replace(' the ', '  the   ')} `,
      ),
    );
    const { counts, blocks } = compareVersions(older, newer);
    expect(counts).toEqual({ unchanged: PARAGRAPHS.length, changed: 0, added: 0, removed: 0, moved: 0 });
    expect(blocks.every((b) => !b.edited && b.parts === undefined)).toBe(true);
  });

  it('reports a paragraph that moved and was lightly edited as one moved block with its word diff', () => {
    const older = version(PARAGRAPHS);
    const edited = PARAGRAPHS[1]!.replace('a deputy', 'two deputies');
    const newer = version([...PARAGRAPHS.slice(0, 1), ...PARAGRAPHS.slice(2), edited]);
    const { counts, blocks } = compareVersions(older, newer);
    expect(counts).toEqual({ unchanged: 6, changed: 0, added: 0, removed: 0, moved: 1 });
    const moved = blocks.find((b) => b.kind === 'moved')!;
    expect(moved).toMatchObject({ from: { index: 1, blockId: 'b2' }, to: { index: 6, blockId: 'b7' }, edited: true });
    expect(moved.parts?.filter((p) => p.kind !== 'equal')).toEqual([
      { kind: 'removed', text: 'a deputy' },
      { kind: 'added', text: 'two deputies' },
    ]);
    expect(spelled(moved)).toEqual({ older: PARAGRAPHS[1], newer: edited });
  });

  it('reports a paragraph that moved unchanged as moved, without a word diff', () => {
    const older = version(PARAGRAPHS);
    const newer = version([PARAGRAPHS[5]!, ...PARAGRAPHS.slice(0, 5), PARAGRAPHS[6]!]);
    const { counts, blocks } = compareVersions(older, newer);
    expect(counts).toEqual({ unchanged: 6, changed: 0, added: 0, removed: 0, moved: 1 });
    expect(blocks[0]).toMatchObject({ kind: 'moved', from: { index: 5 }, to: { index: 0 }, edited: false });
    expect(blocks[0]!.parts).toBeUndefined();
  });

  it('counts changed, added and removed blocks and gives each its place in both texts', () => {
    const older = version([['heading', 'Moderation'], ...PARAGRAPHS]);
    const changedText = PARAGRAPHS[2]!.replace('may be hidden', 'are hidden');
    const newer = version([
      ['heading', 'Moderation'],
      PARAGRAPHS[0]!,
      PARAGRAPHS[1]!,
      changedText,
      'A brand new paragraph about livestreamed council meetings and their captions.',
      PARAGRAPHS[3]!,
      PARAGRAPHS[5]!,
      PARAGRAPHS[6]!,
    ]);
    const { counts, blocks } = compareVersions(older, newer);
    expect(counts).toEqual({ unchanged: 6, changed: 1, added: 1, removed: 1, moved: 0 });
    expect(blocks.map((b) => b.kind)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'changed',
      'added',
      'unchanged',
      'removed',
      'unchanged',
      'unchanged',
    ]);
    const changed = blocks[3]!;
    expect(older.text.slice(changed.from!.start, changed.from!.end)).toBe(PARAGRAPHS[2]);
    expect(newer.text.slice(changed.to!.start, changed.to!.end)).toBe(changedText);
    expect(spelled(changed)).toEqual({ older: PARAGRAPHS[2], newer: changedText });
    expect(changed.similarity).toBeGreaterThan(0.8);
    expect(blocks[6]).toEqual({
      kind: 'removed',
      from: {
        blockId: 'b6',
        index: 5,
        start: older.text.indexOf(PARAGRAPHS[4]!),
        end: older.text.indexOf(PARAGRAPHS[4]!) + PARAGRAPHS[4]!.length,
      },
      edited: false,
    });
  });

  it('keeps a rewritten paragraph that shares few words as a removal and an addition', () => {
    const older = version(PARAGRAPHS);
    const newer = version([
      ...PARAGRAPHS.slice(0, 3),
      'Livestreams of council meetings carry live captions and a sign language interpreter.',
      ...PARAGRAPHS.slice(4),
    ]);
    expect(compareVersions(older, newer).counts).toEqual({ unchanged: 6, changed: 0, added: 1, removed: 1, moved: 0 });
  });

  it('does not take a heading for a paragraph with the same words', () => {
    const older = version([['heading', 'Records retention for official accounts'], ...PARAGRAPHS]);
    const newer = version([['paragraph', 'Records retention for official accounts.'], ...PARAGRAPHS]);
    expect(compareVersions(older, newer).counts).toMatchObject({ changed: 0, added: 1, removed: 1 });
  });

  it('aligns repeated identical blocks in order instead of calling them moved', () => {
    const older = version([
      'Intro.',
      'Not applicable.',
      PARAGRAPHS[0]!,
      'Not applicable.',
      PARAGRAPHS[1]!,
      'Not applicable.',
    ]);
    const newer = version([
      'Intro.',
      'Not applicable.',
      PARAGRAPHS[0]!,
      'Not applicable.',
      'A new paragraph about captions on every video that is published.',
      PARAGRAPHS[1]!,
      'Not applicable.',
    ]);
    expect(compareVersions(older, newer).counts).toEqual({ unchanged: 6, changed: 0, added: 1, removed: 0, moved: 0 });
  });

  it('accounts for every block of both versions exactly once, in reading order, on generated edits', () => {
    const older = versionFromBlocks(generatePolicyBlocks(20, 5), 'a');
    const { blocks: edited, edits } = editPolicyBlocks(older.blocks, 6);
    const newer = versionFromBlocks(edited, 'b');
    const { blocks, counts } = compareVersions(older, newer);
    expect(blocks.flatMap((b) => (b.from ? [b.from.index] : [])).sort((x, y) => x - y)).toEqual(
      older.blocks.map((_, i) => i),
    );
    expect(blocks.flatMap((b) => (b.to ? [b.to.index] : []))).toEqual(newer.blocks.map((_, i) => i));
    expect(counts.unchanged + counts.changed + counts.removed + counts.moved).toBe(older.blocks.length);
    expect(counts.changed).toBe(edits.reworded);
    expect(counts.moved).toBe(edits.moved + edits.movedAndEdited);
    expect(counts.removed).toBe(edits.deleted);
    expect(counts.added).toBe(edits.inserted);
  });
});
