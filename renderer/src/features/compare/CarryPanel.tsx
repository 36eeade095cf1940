import { useId, useMemo, useState } from 'react';
import type { CarryOutcome } from '../../../../shared/api';
import { ANCHOR_STATES, type Version } from '../../../../shared/model';
import { ANCHOR_STATE_DESCRIPTIONS, ANCHOR_STATE_LABELS } from '../../../../shared/vocabulary';
import { callInReview } from '../../api';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { countOf } from '../../ui/format';
import { useAction } from '../../ui/useAction';
import { useAnnotations, useFeedback, useReviewData } from '../workspace';

/** What one carry did, in words: how many were made (by state) and how many were there already. */
function OutcomeBanner({
  outcome,
  from,
  to,
  onDismiss,
}: {
  outcome: CarryOutcome;
  from: Version;
  to: Version;
  onDismiss: () => void;
}) {
  const made = outcome.carried.length;
  const already = outcome.alreadyCarried;
  const title = made > 0 ? `Carried ${countOf(made, 'annotation')}` : 'Nothing new to carry';
  return (
    <Banner tone={made > 0 ? 'success' : 'info'} title={title} onDismiss={onDismiss} className="carry-outcome">
      {made === 0 && (
        <p>
          {already === 0
            ? `${from.label} has no annotations to carry.`
            : `${already === 1 ? 'Its one annotation is' : `All ${already} of its annotations are`} already on ${to.label}; none was carried twice.`}
        </p>
      )}
      {made > 0 && (
        <ul className="carry-counts" aria-label="Carried annotations by anchor state">
          {ANCHOR_STATES.map((state) => (
            <li key={state} data-anchor-state={state}>
              <strong>{outcome.counts[state]}</strong> {ANCHOR_STATE_LABELS[state].toLowerCase()}:{' '}
              {ANCHOR_STATE_DESCRIPTIONS[state]}
            </li>
          ))}
        </ul>
      )}
      {made > 0 && already > 0 && (
        <p>
          {countOf(already, 'annotation was', 'annotations were')} already on {to.label} and not carried again.
        </p>
      )}
    </Banner>
  );
}

/**
 * Carries the older version's annotations to the newer one. The services find each annotation's words again and
 * never make a second copy, so carrying again is safe; the outcome says honestly what each carry did.
 */
export function CarryPanel({ from, to }: { from: Version; to: Version }) {
  const { reviewId, readOnly, annotations: store } = useReviewData();
  const { announce } = useFeedback();
  const all = useAnnotations(store);
  const [outcome, setOutcome] = useState<{ pair: string; value: CarryOutcome }>();
  const pair = `${from.id}>${to.id}`;
  const titleId = useId();
  const { onOlder, carried } = useMemo(() => {
    const older = all.filter((a) => a.versionId === from.id);
    const olderIds = new Set(older.map((a) => a.id));
    return {
      onOlder: older.length,
      carried: all.filter((a) => a.versionId === to.id && a.carriedFrom !== undefined && olderIds.has(a.carriedFrom))
        .length,
    };
  }, [all, from.id, to.id]);

  const carry = useAction(async () => {
    const value = await callInReview(reviewId, 'annotations.carry', {
      reviewId,
      fromVersionId: from.id,
      toVersionId: to.id,
    });
    const made = new Set(value.carried.map((c) => c.annotationId));
    if (made.size > 0) {
      const onNewer = await callInReview(reviewId, 'annotations.list', { reviewId, versionId: to.id });
      store.upsertAll(onNewer.filter((a) => made.has(a.id)));
    }
    return value;
  });
  const run = async () => {
    const value = await carry.run();
    if (!value) return;
    setOutcome({ pair, value });
    announce(
      value.carried.length > 0
        ? `Carried ${countOf(value.carried.length, 'annotation')} to ${to.label}.`
        : `Nothing new to carry to ${to.label}.`,
    );
  };

  return (
    <section className="compare-panel carry-panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="compare-panel-title">
        Carry annotations forward
      </h3>
      <p className="compare-panel-lead">
        {countOf(onOlder, 'annotation')} on the older version, {carried} carried to the newer one so far. Carrying finds
        each one’s words again; those that moved or changed wait below for a person to confirm them.
      </p>
      <div className="compare-panel-actions">
        <Button
          variant="primary"
          className="carry-button"
          onClick={() => void run()}
          busy={carry.busy}
          disabled={readOnly || carry.busy}
        >
          Carry annotations to {to.label}
        </Button>
        {readOnly && <span className="compare-panel-note">Read-only here: annotations cannot be carried.</span>}
      </div>
      {carry.error && (
        <Banner tone="error" title="The annotations were not carried" onDismiss={carry.clearError}>
          {carry.error}
        </Banner>
      )}
      {outcome?.pair === pair && (
        <OutcomeBanner outcome={outcome.value} from={from} to={to} onDismiss={() => setOutcome(undefined)} />
      )}
    </section>
  );
}
