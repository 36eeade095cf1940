import { useId } from 'react';
import type { VersionVotes } from '../../../../shared/api';
import { mostDisagreedFirst } from '../../../../shared/domain/votes/agreement';
import { agreeingLabel, KAPPA_MISSING, kappaLabel, shareLabel } from '../../../../shared/vocabulary';
import { membersDisagree } from './disagreement';

/**
 * How far the members agree on the version under review: Fleiss' kappa overall, and the criteria they disagree
 * on most first (those with votes that are not all the same), each a link to its card.
 */
export function DisagreementList({ votes, onOpen }: { votes: VersionVotes; onOpen: (criterionId: string) => void }) {
  const titleId = useId();
  const split = mostDisagreedFirst(votes.criteria).filter(membersDisagree);
  return (
    <section className="disagreement" aria-labelledby={titleId}>
      <h3 id={titleId} className="disagreement-title">
        Members’ agreement
      </h3>
      <p className="disagreement-kappa" title={votes.overall.kappa === undefined ? KAPPA_MISSING : undefined}>
        Fleiss’ kappa {kappaLabel(votes.overall.kappa)} over {votes.overall.criteriaCompared} criteria with two votes or
        more.
      </p>
      {split.length === 0 ? (
        <p className="disagreement-none">The members agree on every criterion they voted on.</p>
      ) : (
        <ol className="disagreement-list" aria-label="Criteria the members disagree on most">
          {split.map((c) => (
            <li key={c.criterionId}>
              <button type="button" className="link-button" onClick={() => onOpen(c.criterionId)}>
                {c.title}
              </button>{' '}
              <span className="disagreement-share">
                {agreeingLabel(c)} ({shareLabel(c.share)})
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
