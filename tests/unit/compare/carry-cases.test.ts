import { describe, expect, it } from 'vitest';
import { carryTargets, prepareCarry, targetForRange, type CarryVersion } from '../../../shared/anchoring';

let nextId = 0;
function version(texts: string[]): CarryVersion {
  const blocks = texts.map((text, i) => ({ id: `b${i + 1}`, type: 'paragraph' as const, text }));
  return { id: `00000000-0000-4000-8000-${String(++nextId).padStart(12, '0')}`, blocks, text: texts.join('\n\n') };
}

function targetOn(v: CarryVersion, exact: string) {
  const start = v.text.indexOf(exact);
  if (start === -1) throw new Error(`no “${exact}”`);
  return targetForRange(v.text, v.id, { start, end: start + exact.length });
}

const A = [
  'Official accounts are approved by the Communications Office before their first post is published.',
  'Each department names an account manager and a deputy who have both completed the social media training.',
  'Comments that contain threats, harassment or personal information may be hidden by a moderator.',
  'Records of posts and comments are kept in accordance with the Records Retention Schedule.',
];

describe('carrying one annotation', () => {
  it('carries a quote that spans two blocks when both are unchanged', () => {
    const older = version(A);
    const newer = version(['A new opening paragraph about the purpose of this policy.', ...A]);
    const exact = 'by a moderator.\n\nRecords of posts';
    const [result] = carryTargets(older, newer, [targetOn(older, exact)]);
    expect(result).toMatchObject({
      anchorState: 'anchored',
      target: { source: newer.id, selector: [{ exact }, { start: newer.text.indexOf(exact) }] },
    });
  });

  it('finds a lightly edited quote as fuzzy, pointing at the edited words', () => {
    const older = version(A);
    const newer = version([A[0]!, A[1]!.replace('a deputy who have both', 'two deputies who have both'), A[2]!, A[3]!]);
    const [result] = carryTargets(older, newer, [
      targetOn(older, 'an account manager and a deputy who have both completed'),
    ]);
    expect(result!.anchorState).toBe('fuzzy');
    expect(result!.target.selector[0].exact).toBe('an account manager and two deputies who have both completed');
  });

  it('does not find a quote of whole words inside a longer word', () => {
    const older = version(A);
    const newer = version([A[0]!, A[1]!, A[2]!.replace('by a moderator', 'by amoderator'), A[3]!]);
    const [result] = carryTargets(older, newer, [targetOn(older, 'by a')]);
    expect(result!.anchorState).toBe('orphaned');
  });

  it('keeps an orphan’s quote and puts its one-character position where its paragraph stood', () => {
    const older = version(A);
    const newer = version([A[0]!, A[1]!, A[3]!]);
    const [result] = carryTargets(older, newer, [targetOn(older, 'threats, harassment or personal information')]);
    expect(result!.anchorState).toBe('orphaned');
    expect(result!.target.selector[0]).toMatchObject({
      exact: 'threats, harassment or personal information',
      prefix: expect.stringMatching(/Comments that contain $/),
    });
    expect(result!.target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: newer.text.indexOf(A[3]!),
      end: newer.text.indexOf(A[3]!) + 1,
    });
  });

  it('keeps an orphaned annotation orphaned when it is carried on, even if its words appear again', () => {
    const older = version(A);
    const middle = version([A[0]!, A[1]!, A[3]!]);
    const [orphan] = carryTargets(older, middle, [targetOn(older, 'threats, harassment or personal information')]);
    const newer = version([...A]);
    const carry = prepareCarry(middle, newer);
    expect(carry(orphan!.target, 'orphaned')).toMatchObject({
      anchorState: 'orphaned',
      target: { source: newer.id, selector: [{ exact: 'threats, harassment or personal information' }, {}] },
    });
  });

  it('carries a passage selected from the end of a paragraph into the next, whatever became of the next', () => {
    // Its quote starts in the break between the two paragraphs; an edited or rewritten paragraph after the break
    // once gave such a passage no position at all, and the carry of every annotation failed with it.
    const older = version(A);
    const exact = `\n\n${A[1]!.slice(0, 40)}`;
    const start = older.text.indexOf(exact);
    const selected = targetForRange(older.text, older.id, { start, end: start + exact.length });
    const newers = [
      version([A[0]!, A[1]!.replace('a deputy', 'two deputies'), A[2]!, A[3]!]),
      version([A[0]!, A[1]!.replace('Each department names', 'Every service appoints'), A[2]!, A[3]!]),
      // Stored as typed, not with its whitespace collapsed (a review file written by hand or by another tool).
      version([A[0]!, A[1]!.replace('names an', 'names\n  an').replace('a deputy', 'two deputies'), A[2]!, A[3]!]),
      version([A[0]!, 'Accounts are managed centrally by the Communications Office from now on.', A[2]!, A[3]!]),
      version([A[0]!, A[2]!, A[3]!]),
    ];
    for (const newer of newers) {
      const [result] = carryTargets(older, newer, [selected]);
      const [quote, position] = result!.target.selector;
      expect(Number.isInteger(position.start) && Number.isInteger(position.end), JSON.stringify(result)).toBe(true);
      expect(position.start).toBeGreaterThanOrEqual(0);
      expect(position.end).toBeLessThanOrEqual(newer.text.length);
      if (result!.anchorState !== 'orphaned') expect(newer.text.slice(position.start, position.end)).toBe(quote.exact);
    }
  });

  it('carries a quote found once in each version into another paragraph as moved', () => {
    const older = version(A);
    const newer = version([
      A[0]!,
      `${A[1]!} Moderators hide comments that contain threats, harassment or personal information within a day.`,
      A[3]!,
    ]);
    const exact = 'threats, harassment or personal information';
    const [result] = carryTargets(older, newer, [targetOn(older, exact)]);
    expect(result).toMatchObject({
      anchorState: 'moved',
      target: { selector: [{ exact }, { start: newer.text.indexOf(exact) }] },
    });
  });
});
