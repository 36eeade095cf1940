import { useId } from 'react';
import type { CriterionVotes } from '../../../../shared/api';
import type { Verdict } from '../../../../shared/model';
import { agreeingLabel, personLabel, shareLabel, VERDICT_LABELS } from '../../../../shared/vocabulary';
import { VerdictWords } from './VerdictWords';

/** Each member's vote on the criterion with their reasons, how many agree, and which votes differ from the verdict. */
export function PresentedVotes({
  votes,
  committeeVerdict,
}: {
  /** Undefined while the votes load. */
  votes: CriterionVotes | undefined;
  committeeVerdict: Verdict;
}) {
  const titleId = useId();
  return (
    <section className="presenter-panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="presenter-panel-title">
        Members’ votes:{' '}
        {votes ? `${agreeingLabel(votes)}${votes.voters > 1 ? ` (${shareLabel(votes.share)})` : ''}` : 'loading…'}
      </h3>
      {votes && votes.votes.length === 0 && <p className="presenter-none">No member has voted on this criterion.</p>}
      {votes && votes.votes.length > 0 && (
        <ul className="presenter-votes">
          {votes.votes.map((vote) => {
            const differs = committeeVerdict !== 'unreviewed' && vote.verdict !== committeeVerdict;
            return (
              <li key={vote.id} className="presenter-vote">
                <span className="presenter-vote-who">
                  {personLabel({ name: vote.voterName, role: vote.voterRole })}
                </span>
                <VerdictWords verdict={vote.verdict} />
                {differs && (
                  <span className="presenter-differs">
                    differs from the verdict ({VERDICT_LABELS[committeeVerdict].toLowerCase()})
                  </span>
                )}
                {vote.rationale && <p className="presenter-vote-rationale">{vote.rationale}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
