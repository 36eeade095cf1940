import { describe, expect, it } from 'vitest';
import {
  criterionAgreement,
  fleissKappa,
  mostDisagreedFirst,
  versionAgreement,
} from '../../../shared/domain/votes/agreement';
import type { Criterion, Vote, VoteVerdict } from '../../../shared/model';
import { counterId } from '../support/fixed-clock';
import { START } from './support-votes';

/** Votes on criteria by members 1, 2, 3, ... in turn: `votesOn('a', 'met', 'partial')` is member 1 met, member 2 partial. */
function votesOn(criterionId: string, ...verdicts: VoteVerdict[]): Vote[] {
  return verdicts.map((verdict, i) => ({
    id: counterId(1000 + i),
    voterId: counterId(i + 1),
    versionId: counterId(99),
    criterionId,
    verdict,
    rationale: '',
    author: { name: `Member ${i + 1}` },
    createdAt: START,
    updatedAt: START,
  }));
}

function criterion(id: string, category: Criterion['category']): Criterion {
  return {
    id,
    category,
    title: id,
    question: `${id}?`,
    guidance: '',
    origin: 'custom',
    createdAt: START,
    updatedAt: START,
  };
}

describe('Fleiss’ kappa', () => {
  it('gives 4211/20059 (0.210) on Fleiss’ worked example: 10 subjects, 14 raters each, 5 categories', () => {
    // By hand: Σ_i P_i = (182 + 46 + 56 + 80 + 60 + 84 + 44 + 32 + 52 + 52) / 182 = 688/182, so P̄ = 688/1820;
    // category totals 20, 28, 39, 21, 32 of 140, so P_e = (400 + 784 + 1521 + 441 + 1024) / 19600 = 4170/19600;
    // κ = (688/1820 − 4170/19600) / (1 − 4170/19600) = 42110/200590 = 4211/20059.
    const ratings = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(ratings)).toBeCloseTo(4211 / 20059, 12);
    expect(fleissKappa(ratings)?.toFixed(3)).toBe('0.210');
  });

  it('gives 4/25 for three members on four criteria', () => {
    // P_i = 1, 1/3, 1/3, 0, so P̄ = 5/12; shares 5/12, 3/12, 3/12, 1/12, so P_e = 44/144 = 11/36;
    // κ = (15/36 − 11/36) / (25/36) = 4/25.
    expect(
      fleissKappa([
        [3, 0, 0, 0],
        [2, 1, 0, 0],
        [0, 1, 2, 0],
        [0, 1, 1, 1],
      ]),
    ).toBeCloseTo(4 / 25, 12);
  });

  it('averages over criteria with different numbers of voters, leaving out those with one vote', () => {
    // Criteria with 2 and 3 voters: P_i = 1 and 0, P̄ = 1/2; shares 3/5, 1/5, 1/5, so P_e = 11/25;
    // κ = (1/2 − 11/25) / (14/25) = 3/28. The criterion with one vote changes nothing.
    expect(
      fleissKappa([
        [2, 0, 0, 0],
        [1, 1, 1, 0],
        [0, 0, 1, 0],
      ]),
    ).toBeCloseTo(3 / 28, 12);
    expect(
      fleissKappa([
        [2, 0, 0, 0],
        [1, 1, 1, 0],
      ]),
    ).toBeCloseTo(3 / 28, 12);
  });

  it('is 1 when members agree on every criterion, on different verdicts', () => {
    expect(
      fleissKappa([
        [3, 0, 0, 0],
        [0, 0, 3, 0],
      ]),
    ).toBe(1);
  });

  it('is −1/3 when four members all disagree on every criterion', () => {
    // P̄ = 0; each verdict 1/4 of the votes, so P_e = 1/4; κ = (0 − 1/4) / (3/4).
    expect(
      fleissKappa([
        [1, 1, 1, 1],
        [1, 1, 1, 1],
      ]),
    ).toBeCloseTo(-1 / 3, 12);
  });

  it.each([
    ['no criteria', []],
    ['no votes', [[0, 0, 0, 0]]],
    [
      'one vote per criterion',
      [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
      ],
    ],
    [
      'every vote the same verdict (no variation to measure)',
      [
        [3, 0, 0, 0],
        [2, 0, 0, 0],
      ],
    ],
  ])('is undefined, never NaN, with %s', (_, ratings) => {
    expect(fleissKappa(ratings)).toBeUndefined();
  });
});

describe('agreement on a version', () => {
  it('gives each criterion its share on the most voted verdict, with ties', () => {
    expect(criterionAgreement('a', votesOn('a', 'met', 'met', 'partial'))).toEqual({
      criterionId: 'a',
      voters: 3,
      counts: { met: 2, partial: 1, 'not-met': 0, 'not-applicable': 0 },
      mostVoted: ['met'],
      share: 2 / 3,
    });
    expect(criterionAgreement('a', votesOn('a', 'not-met', 'partial'))).toMatchObject({
      mostVoted: ['partial', 'not-met'],
      share: 1 / 2,
    });
    expect(criterionAgreement('a', votesOn('a', 'met'))).toMatchObject({ voters: 1, share: 1 });
    expect(criterionAgreement('a', [])).toMatchObject({ voters: 0, mostVoted: [], share: undefined });
  });

  it('gives kappa per category and overall, from the criteria with two votes or more', () => {
    const criteria = [
      criterion('privacy.a', 'privacy'),
      criterion('privacy.b', 'privacy'),
      criterion('legal.a', 'legal'),
      criterion('legal.b', 'legal'),
    ];
    const votes = [
      ...votesOn('privacy.a', 'met', 'met', 'met'),
      ...votesOn('privacy.b', 'met', 'met', 'partial'),
      ...votesOn('legal.a', 'not-met', 'not-met', 'partial'),
      ...votesOn('legal.b', 'partial', 'not-met', 'not-applicable'),
      ...votesOn('removed.criterion', 'met', 'not-met'),
    ];
    const agreement = versionAgreement(criteria, votes);
    expect(agreement.criteria.map((c) => [c.criterionId, c.share])).toEqual([
      ['privacy.a', 1],
      ['privacy.b', 2 / 3],
      ['legal.a', 2 / 3],
      ['legal.b', 1 / 3],
    ]);
    // Overall: the four-criteria example above, 4/25.
    expect(agreement.overall.criteriaCompared).toBe(4);
    expect(agreement.overall.kappa).toBeCloseTo(4 / 25, 12);
    // Privacy: P̄ = (1 + 1/3)/2 = 2/3; shares 5/6, 1/6, so P_e = 26/36; κ = (24/36 − 26/36)/(10/36) = −1/5.
    // Legal: P̄ = (1/3 + 0)/2 = 1/6; shares 0, 2/6, 3/6, 1/6, so P_e = 14/36; κ = (6/36 − 14/36)/(22/36) = −4/11.
    expect(agreement.categories.map((c) => c.category)).toEqual(['privacy', 'legal']);
    expect(agreement.categories[0]?.kappa).toBeCloseTo(-1 / 5, 12);
    expect(agreement.categories[1]?.kappa).toBeCloseTo(-4 / 11, 12);
  });

  it('has no figure but the counts when nobody voted, or only one member did', () => {
    const criteria = [criterion('privacy.a', 'privacy'), criterion('privacy.b', 'privacy')];
    expect(versionAgreement(criteria, [])).toEqual({
      criteria: [expect.objectContaining({ voters: 0, share: undefined }), expect.objectContaining({ voters: 0 })],
      categories: [{ category: 'privacy', criteriaCompared: 0, kappa: undefined }],
      overall: { criteriaCompared: 0, kappa: undefined },
    });
    const alone = versionAgreement(criteria, [...votesOn('privacy.a', 'met'), ...votesOn('privacy.b', 'not-met')]);
    expect(alone.criteria.map((c) => c.share)).toEqual([1, 1]);
    expect(alone.overall).toEqual({ criteriaCompared: 0, kappa: undefined });
  });

  it('leaves withdrawn votes out', () => {
    const [kept, withdrawn] = votesOn('privacy.a', 'met', 'not-met');
    const agreement = versionAgreement(
      [criterion('privacy.a', 'privacy')],
      [kept!, { ...withdrawn!, deletedAt: START }],
    );
    expect(agreement.criteria[0]).toMatchObject({ voters: 1, share: 1 });
  });

  it('lists the criteria disagreed on most first, then those with more voters, unvoted last', () => {
    const agreements = [
      criterionAgreement('unvoted', []),
      criterionAgreement('agreed', votesOn('agreed', 'met', 'met')),
      criterionAgreement('split-two', votesOn('split-two', 'met', 'partial')),
      criterionAgreement('split-four', votesOn('split-four', 'met', 'met', 'partial', 'partial')),
      criterionAgreement('split-three', votesOn('split-three', 'met', 'partial', 'not-met')),
    ];
    expect(mostDisagreedFirst(agreements).map((a) => a.criterionId)).toEqual([
      'split-three',
      'split-four',
      'split-two',
      'agreed',
      'unvoted',
    ]);
  });
});
