import { useId, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/vocabulary';
import { callInReview } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { RefreshIcon } from '../../ui/icons';
import { useAsyncValue } from '../../ui/useAsyncValue';
import './audit.css';

const PAGE = 50;

/** What an audit action is, in words: "annotations.add" reads "Annotation added". */
const ACTION_WORDS: Record<string, string> = {
  'reviews.create': 'Review created',
  'reviews.rename': 'Review renamed',
  'reviews.createFromTemplate': 'Review created from a template',
  'committee.set': 'Committee changed',
  'versions.import': 'Version imported',
  'versions.update': 'Version changed',
  'versions.delete': 'Version deleted',
  'versions.reorder': 'Versions reordered',
  'checklist.addCriterion': 'Criterion added',
  'checklist.updateCriterion': 'Criterion edited',
  'checklist.removeCriterion': 'Criterion removed',
  'checklist.reorder': 'Checklist reordered',
  'annotations.add': 'Annotation added',
  'annotations.update': 'Annotation edited',
  'annotations.setStatus': 'Annotation status changed',
  'annotations.delete': 'Annotation deleted',
  'annotations.restore': 'Annotation restored',
  'annotations.reply': 'Reply added',
  'annotations.editReply': 'Reply edited',
  'annotations.deleteReply': 'Reply deleted',
  'assessments.set': 'Verdict recorded',
  'votes.record': 'Vote recorded',
  'votes.withdraw': 'Vote withdrawn',
  'actions.add': 'Action added',
  'actions.update': 'Action changed',
  'actions.delete': 'Action deleted',
};

function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

/**
 * Who did what to the review, and when: the review's append-only audit log, newest first, read again each time
 * the area is shown.
 */
export function AuditLog({ reviewId, visible }: { reviewId: string; visible: boolean }) {
  const [limit, setLimit] = useState(PAGE);
  const [generation, setGeneration] = useState(0);
  const titleId = useId();
  const log = useAsyncValue(visible ? `audit:${reviewId}:${limit}:${generation}` : null, () =>
    callInReview(reviewId, 'audit.list', { reviewId, limit: limit + 1 }),
  );
  const entries = log.data?.slice(0, limit) ?? [];
  const more = (log.data?.length ?? 0) > limit;

  return (
    <section className="audit-log" aria-labelledby={titleId}>
      <div className="section-heading-row audit-heading">
        <h3 id={titleId} className="section-title">
          Audit log
        </h3>
        <span className="section-count">Every change to this review: who, what and when. Newest first.</span>
        <Button
          variant="ghost"
          size="sm"
          icon={<RefreshIcon />}
          onClick={() => setGeneration((g) => g + 1)}
          busy={log.loading && log.data !== undefined}
          className="audit-refresh"
        >
          Refresh
        </Button>
      </div>
      {log.error && (
        <Banner
          tone="error"
          title="The audit log could not be read"
          actions={
            <Button size="sm" onClick={log.reload}>
              Try again
            </Button>
          }
        >
          {log.error.message}
        </Banner>
      )}
      {log.data === undefined && !log.error ? (
        <p className="loading-text" role="status">
          Reading the audit log…
        </p>
      ) : (
        entries.length > 0 && (
          <div className="panel table-panel">
            <table className="table audit-table">
              <caption className="visually-hidden">Audit log, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="audit-when">
                      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                    </td>
                    <td className="audit-who">
                      <span className="audit-name">{entry.actor.name}</span>
                      {entry.actor.role && <span className="audit-role">{ROLE_LABELS[entry.actor.role]}</span>}
                    </td>
                    <td className="audit-what">
                      <span className="audit-action">{actionWords(entry.action)}</span>
                      <span className="audit-summary">{entry.summary}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      {more && (
        <Button size="sm" className="audit-more" onClick={() => setLimit((n) => n + PAGE)}>
          Show older entries
        </Button>
      )}
    </section>
  );
}
