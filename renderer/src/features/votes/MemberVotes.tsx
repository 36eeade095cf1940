import { useId, useState } from 'react';
import type { CriterionVotes } from '../../../../shared/api';
import { VOTE_VERDICTS, type Verdict, type VoteVerdict } from '../../../../shared/model';
import { agreeingLabel, personLabel, shareLabel, VERDICT_LABELS } from '../../../../shared/vocabulary';
import { callInReview, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { useFeedback } from '../workspace';

export interface MemberVotesProps {
  reviewId: string;
  versionId: string;
  criterionTitle: string;
  /** The members' votes on this criterion; undefined while they load. */
  votes: CriterionVotes | undefined;
  /** The committee's own verdict as the card shows it now, so a vote that differs is marked at once. */
  committeeVerdict: Verdict;
  /** The committee member the person at this computer is, if the settings name one. */
  myVoterId: string | undefined;
  readOnly: boolean;
  onRecorded: (voterId: string) => void;
}

/**
 * Each member's own vote on a criterion, beside the committee's verdict above it: who voted what and why, how many
 * agree, votes that differ from the committee's verdict marked, and the person's own vote to record.
 */
export function MemberVotes({
  reviewId,
  versionId,
  criterionTitle,
  votes,
  committeeVerdict,
  myVoterId,
  readOnly,
  onRecorded,
}: MemberVotesProps) {
  const selectId = useId();
  const titleId = useId();
  const { announce } = useFeedback();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const rationaleId = useId();
  const mine = votes?.votes.find((v) => v.voterId === myVoterId);
  // The reasons being written, once the person starts changing them; until then (and after a save) the saved ones.
  const [draft, setDraft] = useState<string>();
  const rationale = draft ?? mine?.rationale ?? '';
  const rationaleChanged = rationale.trim() !== (mine?.rationale ?? '');

  const run = async (work: () => Promise<{ voterId: string }>, said: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      onRecorded((await work()).voterId);
      setDraft(undefined);
      announce(said);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const target = { reviewId, versionId, criterionId: votes?.criterionId ?? '' };
  // The reasons written so far go with the vote, so a first vote and its reasons are one step.
  const vote = (verdict: VoteVerdict) =>
    run(
      () =>
        callInReview(reviewId, 'votes.record', {
          ...target,
          verdict,
          ...(rationaleChanged ? { rationale: rationale.trim() } : {}),
        }),
      `Your vote on “${criterionTitle}”: ${VERDICT_LABELS[verdict]}. Saved.`,
    );
  const saveReasons = (verdict: VoteVerdict) =>
    run(
      () => callInReview(reviewId, 'votes.record', { ...target, verdict, rationale: rationale.trim() }),
      `Your reasons for your vote on “${criterionTitle}” are saved.`,
    );
  const withdraw = () =>
    run(() => callInReview(reviewId, 'votes.withdraw', target), `Your vote on “${criterionTitle}” is withdrawn.`);

  return (
    <div className="member-votes" role="group" aria-labelledby={titleId}>
      <p className="member-votes-head">
        <span id={titleId} className="assessment-label">
          Members’ votes
        </span>{' '}
        <span className="member-votes-agreement">
          {votes ? `${agreeingLabel(votes)}${votes.voters > 1 ? ` (${shareLabel(votes.share)})` : ''}` : 'Loading…'}
        </span>
      </p>
      {votes && votes.votes.length > 0 && (
        <ul className="member-votes-list">
          {votes.votes.map((v) => {
            const dissents = committeeVerdict !== 'unreviewed' && v.verdict !== committeeVerdict;
            return (
              <li key={v.id} className={dissents ? 'member-vote is-dissent' : 'member-vote'}>
                <span className={`badge verdict-badge verdict-${v.verdict}`}>{VERDICT_LABELS[v.verdict]}</span>{' '}
                {personLabel({ name: v.voterName, role: v.voterRole })}
                {dissents && <span className="badge badge-danger member-vote-dissent">Differs from the verdict</span>}
                {v.rationale && <span className="member-vote-rationale">: {v.rationale}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {votes && (
        <p className="member-votes-yours">
          <label htmlFor={selectId}>Your vote</label>{' '}
          {/* A list, not radios: the committee's verdict above is the card's radio group. */}
          <select
            id={selectId}
            className="input member-votes-select"
            aria-label={`Your vote on “${criterionTitle}”`}
            value={mine?.verdict ?? ''}
            disabled={readOnly || busy}
            onChange={(e) => {
              const verdict = VOTE_VERDICTS.find((v) => v === e.target.value);
              if (verdict) void vote(verdict);
            }}
          >
            <option value="" disabled>
              Not voted
            </option>
            {VOTE_VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
          {mine && !readOnly && (
            <button
              type="button"
              className="button button-secondary button-sm"
              disabled={busy}
              onClick={() => void withdraw()}
            >
              Withdraw my vote
            </button>
          )}
        </p>
      )}
      {votes && !readOnly && (
        <div className="member-votes-reasons">
          <label htmlFor={rationaleId}>Your reasons{mine ? '' : ' (saved with your vote)'}</label>
          <textarea
            id={rationaleId}
            className="input member-votes-rationale"
            rows={2}
            maxLength={10_000}
            value={rationale}
            disabled={busy}
            onChange={(e) => setDraft(e.target.value)}
          />
          {mine && rationaleChanged && (
            <button
              type="button"
              className="button button-secondary button-sm"
              disabled={busy}
              onClick={() => void saveReasons(mine.verdict)}
            >
              Save my reasons
            </button>
          )}
        </div>
      )}
      {problem && (
        <Banner tone="error" title="Your vote was not saved" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
    </div>
  );
}
