import { useEffect, useRef, useState } from 'react';
import type { Conflict, MethodResult } from '../../../../shared/api';
import { shortQuote } from '../../../../shared/domain/annotations/comment-body';
import { callInReview, errorMessage } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { countOf } from '../../ui/format';
import { CheckCircleIcon } from '../../ui/icons';
import type { AsyncValue } from '../../ui/useAsyncValue';
import { ConflictCard } from './ConflictCard';
import { useHistoryLoadedAhead } from './historyAhead';
import './exchange.css';

export interface ToResolveAreaProps {
  reviewId: string;
  readOnly: boolean;
  /** The area is the one shown: the person reads its conflicts. */
  visible: boolean;
  conflicts: AsyncValue<Conflict[]>;
  /** Put focus on the area's heading when it is built (after a decision rebuilt the review's areas). */
  focusHeading: boolean;
  onResolved: (result: MethodResult<'conflicts.resolve'>, message: string) => void;
}

/** "Kept Lena Legal’s value of Severity (Critical) on Annotation on “…”." */
function keptSentence(conflict: Conflict, keep: number | 'both'): string {
  const where = `${conflict.fieldLabel} of ${conflict.recordLabel}`;
  if (keep === 'both') return `Kept both values of ${where}.`;
  const side = conflict.values[keep];
  const whose = side?.author ? `${side.author.name}’s value` : 'the value';
  return `Kept ${whose} ${shortQuote(side?.text ?? '')} for ${where}.`;
}

/**
 * The conflicts a merge left for a person: each field two laptops changed differently, both sides shown, one kept
 * at a time. The list is the services' (`conflicts.list`), in the same order on every laptop.
 */
export function ToResolveArea({
  reviewId,
  readOnly,
  visible,
  conflicts,
  focusHeading,
  onResolved,
}: ToResolveAreaProps) {
  const [keeping, setKeeping] = useState<{ id: string; keep: number | 'both' }>();
  const [problem, setProblem] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = conflicts.data ?? [];
  // While the person reads a conflict, the services load the review's history for the decision; again after each
  // decision (which takes the one loaded) while any are left.
  useHistoryLoadedAhead(reviewId, visible && !readOnly && list.length > 0, list.length);

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  const keep = async (conflict: Conflict, choice: number | 'both') => {
    setKeeping({ id: conflict.id, keep: choice });
    setProblem(undefined);
    try {
      const result = await callInReview(reviewId, 'conflicts.resolve', {
        reviewId,
        conflictId: conflict.id,
        keep: choice,
      });
      const left = result.remaining === 0 ? 'Nothing is left to resolve.' : `${result.remaining} left to resolve.`;
      onResolved(result, `${keptSentence(conflict, choice)} ${left}`);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setKeeping(undefined);
    }
  };

  return (
    <div className="area to-resolve-area">
      <div className="area-toolbar">
        <div className="area-heading">
          <h2 ref={headingRef} tabIndex={-1} className="area-title">
            To resolve
          </h2>
          <p className="area-subtitle">
            Fields that two laptops changed differently since they parted. Both values are kept until you choose; the
            choice travels with the review’s next package.
          </p>
        </div>
        {list.length > 0 && <span className="section-count">{countOf(list.length, 'conflict')}</span>}
      </div>
      {problem && (
        <Banner tone="error" title="Nothing was kept" onDismiss={() => setProblem(undefined)}>
          {problem}
        </Banner>
      )}
      {conflicts.error && (
        <Banner
          tone="error"
          title="The conflicts could not be listed"
          actions={
            <Button size="sm" onClick={conflicts.reload}>
              Try again
            </Button>
          }
        >
          {conflicts.error.message}
        </Banner>
      )}
      {conflicts.data === undefined && conflicts.loading ? (
        <p className="loading-text" role="status">
          Listing the conflicts…
        </p>
      ) : list.length === 0 && !conflicts.error ? (
        <EmptyState icon={<CheckCircleIcon size={28} />} title="Nothing to resolve" headingLevel={3}>
          <p>
            Every merged package has been taken in without a disagreement. When a colleague’s package changes a field
            you changed too, both values wait here for you to choose.
          </p>
        </EmptyState>
      ) : (
        <ul className="conflict-list">
          {list.map((conflict) => (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              readOnly={readOnly}
              keeping={keeping?.id === conflict.id ? keeping.keep : undefined}
              onKeep={(choice) => void keep(conflict, choice)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
