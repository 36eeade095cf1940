import type { AnchorState, Annotation } from '../../../../shared/model';
import { ANCHOR_STATE_LABELS } from '../../../../shared/vocabulary';
import { AlertIcon, CheckCircleIcon } from '../../ui/icons';
import { useReviewData } from '../workspace';
import { carriedFromLabel } from './anchorStates';
import './annotations.css';

/** A carried annotation in place needs nothing from anyone; the others say what they wait for. */
const STATE_WORDS: Record<AnchorState, string> = {
  anchored: 'Carried',
  moved: `${ANCHOR_STATE_LABELS.moved}: to confirm`,
  fuzzy: `${ANCHOR_STATE_LABELS.fuzzy}: to confirm`,
  orphaned: `${ANCHOR_STATE_LABELS.orphaned}: not in this version`,
};

const STATE_TONES: Record<AnchorState, string> = {
  anchored: 'badge-neutral',
  moved: 'badge-warning',
  fuzzy: 'badge-warning',
  orphaned: 'badge-danger',
};

/**
 * Where a carried annotation stands, in words and an icon: found as it was (carried), moved or changed (waiting
 * for a person's confirmation), or gone (orphaned); and the version it was carried from. Nothing for an
 * annotation made on this version and still anchored.
 */
export function AnchorStateBadge({ annotation }: { annotation: Annotation }) {
  const { annotations, versions } = useReviewData();
  const state = annotation.anchorState;
  if (!annotation.carriedFrom && state === 'anchored') return null;
  const from = annotation.carriedFrom
    ? (carriedFromLabel(annotation, annotations, versions) ?? 'an earlier version')
    : undefined;
  return (
    <span className="anchor-state" data-anchor-state={state}>
      <span className={`badge ${STATE_TONES[state]}`}>
        {state === 'anchored' ? <CheckCircleIcon size={12} /> : <AlertIcon size={12} />}
        {STATE_WORDS[state]}
      </span>
      {from && <span className="anchor-state-origin">from {from}</span>}
    </span>
  );
}
