import { useId } from 'react';
import type { Version } from '../../../../shared/model';
import { CHANGE_KIND_LABELS, VERDICT_LABELS } from '../../../../shared/vocabulary';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { ChecklistIcon } from '../../ui/icons';
import { showCriterion, useReviewData, useReviewNavigation } from '../workspace';
import { useChangeImpact } from './useChangeImpact';

/**
 * The criteria the change touches: those whose annotations on the older version sit in changed, moved or removed
 * text, each with its earlier verdict and a way to it in the Checklist, so the committee re-checks just those.
 * They are asked for once `after` holds (the comparison has its answer), so the comparison is not kept waiting
 * behind them in the review's queue of calls.
 */
export function ChangeImpactList({ from, to, after }: { from: Version; to: Version; after: boolean }) {
  const { categoryLabel } = useReviewData();
  const navigation = useReviewNavigation();
  const impact = useChangeImpact(after ? from : undefined, to);
  const titleId = useId();
  const criteria =
    impact.data?.fromVersionId === from.id && impact.data.toVersionId === to.id ? impact.data.criteria : undefined;
  return (
    <section className="compare-panel change-impact" aria-labelledby={titleId}>
      <h3 id={titleId} className="compare-panel-title">
        Criteria to re-check {criteria && <span className="count-pill">{criteria.length}</span>}
      </h3>
      {impact.error && (
        <Banner
          tone="error"
          title="The criteria to re-check could not be found"
          actions={
            <Button size="sm" onClick={impact.reload}>
              Try again
            </Button>
          }
        >
          {impact.error.message}
        </Banner>
      )}
      {!criteria && !impact.error && (
        <p className="compare-panel-lead" role="status">
          Finding the criteria the change touches…
        </p>
      )}
      {criteria?.length === 0 && (
        <p className="compare-panel-lead">
          No annotation of {from.label} sits in text that changed, moved or was removed: no criterion needs re-checking.
        </p>
      )}
      {criteria && criteria.length > 0 && (
        <>
          <p className="compare-panel-lead">
            Annotations on these criteria sit in text that changed in {to.label}. The verdict given on {from.label} is
            beside each.
          </p>
          <ul className="impact-list">
            {criteria.map((criterion) => (
              <li key={criterion.criterionId} className="impact-item" data-criterion-id={criterion.criterionId}>
                <div className="impact-item-text">
                  <span className="impact-category">{categoryLabel(criterion.category)}</span>
                  <span className="impact-title">{criterion.title}</span>
                  <span className="impact-meta">
                    Verdict on {from.label}:{' '}
                    <strong className={`verdict-word verdict-${criterion.verdict}`}>
                      {VERDICT_LABELS[criterion.verdict]}
                    </strong>{' '}
                    · text {criterion.changes.map((kind) => CHANGE_KIND_LABELS[kind].toLowerCase()).join(', ')}
                  </span>
                </div>
                <Button
                  size="sm"
                  variant="ghost"
                  icon={<ChecklistIcon />}
                  aria-label={`Re-check in Checklist: ${criterion.title}`}
                  onClick={() => showCriterion(navigation, to.id, criterion.criterionId)}
                >
                  Re-check in Checklist
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
