import { describe, expect, it } from 'vitest';
import { listVotes, recordVote, withdrawVote } from '../../../shared/domain/votes/record-vote';
import { voteId } from '../../../shared/domain/votes/vote-id';
import { Review } from '../../../shared/model';
import { fixedClock } from '../support/fixed-clock';
import { CHAIR, committeeReview, CONSENT, LEGAL, OBSERVER, PRIVACY_OFFICER, START } from './support-votes';

const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`;

function setUp() {
  const clock = fixedClock(START);
  const { review, version } = committeeReview(clock);
  const memberNamed = (name: string) => review.committee.find((m) => m.name === name)!;
  return { clock, review, version, memberNamed };
}

describe('a member’s vote', () => {
  it('is recorded for the committee member the person acting is, with an id from voter, version and criterion', () => {
    const { clock, review, version, memberNamed } = setUp();
    clock.setTo(at(1));
    const input = { versionId: version.id, criterionId: CONSENT, verdict: 'partial' as const, rationale: ' Half. ' };
    const vote = recordVote(review, input, LEGAL, clock);
    const lena = memberNamed(LEGAL.name);
    expect(vote).toEqual({
      id: voteId(lena.id, version.id, CONSENT),
      voterId: lena.id,
      versionId: version.id,
      criterionId: CONSENT,
      verdict: 'partial',
      rationale: 'Half.',
      author: LEGAL,
      createdAt: at(1),
      updatedAt: at(1),
    });
    expect(Review.safeParse(review).success).toBe(true);
    expect(review.audit.at(-1)).toMatchObject({
      action: 'votes.record',
      at: at(1),
      subjectId: vote.id,
      summary: `Lena Legal voted “Partly met” on “${review.checklist.criteria.find((c) => c.id === CONSENT)!.title}” for version “2024”.`,
    });
  });

  it('finds the member by email before name, whatever the letter case and spacing', () => {
    const { clock, review, version, memberNamed } = setUp();
    const byEmail = { ...PRIVACY_OFFICER, name: 'P. Privacy' };
    const vote = recordVote(
      review,
      { versionId: version.id, criterionId: CONSENT, verdict: 'met', rationale: '' },
      byEmail,
      clock,
    );
    expect(vote.voterId).toBe(memberNamed('pia  PRIVACY').id);
    const byName = { name: ' Pia Privacy ' };
    expect(
      recordVote(review, { versionId: version.id, criterionId: CONSENT, verdict: 'met', rationale: '' }, byName, clock)
        .voterId,
    ).toBe(vote.voterId);
  });

  it('is replaced in place when the member votes again, saying what changed', () => {
    const { clock, review, version } = setUp();
    const vote = { versionId: version.id, criterionId: CONSENT, rationale: '' };
    clock.setTo(at(1));
    const first = recordVote(review, { ...vote, verdict: 'met' }, LEGAL, clock);
    clock.setTo(at(2));
    const second = recordVote(
      review,
      { ...vote, verdict: 'not-met', rationale: 'On second reading, no.' },
      LEGAL,
      clock,
    );
    expect(review.votes).toHaveLength(1);
    expect(second).toMatchObject({ id: first.id, verdict: 'not-met', createdAt: at(1), updatedAt: at(2) });
    expect(review.audit.at(-1)?.summary).toMatch(/^Changed Lena Legal’s vote from “Met” to “Not met” on /);
  });

  it('changes nothing, not even the log, when voted again the same', () => {
    const { clock, review, version } = setUp();
    const vote = { versionId: version.id, criterionId: CONSENT, verdict: 'met' as const, rationale: 'Yes' };
    recordVote(review, vote, LEGAL, clock);
    const before = structuredClone(review);
    clock.setTo(at(5));
    recordVote(review, vote, LEGAL, clock);
    expect(review).toEqual(before);
  });

  it('gets the same id in two copies of the review, so a merge finds one vote', () => {
    const { review, version } = setUp();
    const copy = structuredClone(review);
    const input = { versionId: version.id, criterionId: CONSENT, verdict: 'met' as const, rationale: '' };
    const here = recordVote(review, input, LEGAL, fixedClock(at(3)));
    const there = recordVote(copy, { ...input, verdict: 'partial' }, LEGAL, fixedClock(at(4)));
    expect(there.id).toBe(here.id);
  });

  it('is withdrawn as a tombstone, gone from the list, and comes back when the member votes again', () => {
    const { clock, review, version } = setUp();
    const input = { versionId: version.id, criterionId: CONSENT, verdict: 'met' as const, rationale: '' };
    clock.setTo(at(1));
    const vote = recordVote(review, input, LEGAL, clock);
    recordVote(review, { ...input, verdict: 'not-met' }, CHAIR, clock);
    clock.setTo(at(2));
    withdrawVote(review, { versionId: version.id, criterionId: CONSENT }, LEGAL, clock);
    expect(review.votes.find((v) => v.id === vote.id)).toMatchObject({ deletedAt: at(2), updatedAt: at(2) });
    expect(listVotes(review, version.id).map((v) => v.author.name)).toEqual([CHAIR.name]);
    expect(review.audit.at(-1)).toMatchObject({ action: 'votes.withdraw' });
    expect(review.audit.at(-1)?.summary).toMatch(/^Lena Legal withdrew their vote “Met” on /);

    clock.setTo(at(3));
    const back = recordVote(review, input, LEGAL, clock);
    expect(back).toMatchObject({ id: vote.id, verdict: 'met', updatedAt: at(3) });
    expect(back.deletedAt).toBeUndefined();
    expect(review.votes).toHaveLength(2);
    expect(Review.safeParse(review).success).toBe(true);
  });

  it('cannot be withdrawn when there is none', () => {
    const { clock, review, version } = setUp();
    expect(() => withdrawVote(review, { versionId: version.id, criterionId: CONSENT }, LEGAL, clock)).toThrow(
      expect.objectContaining({ code: 'E_NOT_FOUND' }),
    );
  });

  it.each([
    ['someone not on the committee', { name: 'Stranger' }, /not on this review’s committee/],
    ['an observer', OBSERVER, /observers do not vote/],
  ])('is refused to %s, and nothing changes', (_, actor, message) => {
    const { clock, review, version } = setUp();
    const before = structuredClone(review);
    expect(() =>
      recordVote(review, { versionId: version.id, criterionId: CONSENT, verdict: 'met', rationale: '' }, actor, clock),
    ).toThrow(expect.objectContaining({ code: 'E_FORBIDDEN', message: expect.stringMatching(message) }));
    expect(review).toEqual(before);
  });

  it('is refused on a criterion not in the checklist or a version not in the review', () => {
    const { clock, review, version } = setUp();
    const vote = { versionId: version.id, criterionId: 'nope.nothing', verdict: 'met' as const, rationale: '' };
    expect(() => recordVote(review, vote, LEGAL, clock)).toThrow(expect.objectContaining({ code: 'E_NOT_FOUND' }));
    expect(() => recordVote(review, { ...vote, criterionId: CONSENT, versionId: clock.newId() }, LEGAL, clock)).toThrow(
      expect.objectContaining({ code: 'E_NOT_FOUND' }),
    );
  });
});
