import type { Annotation } from '../../../../shared/model';
import { AlertIcon, CheckCircleIcon } from '../../ui/icons';
import { useReviewData } from '../workspace';
import { carriedFromLabel } from './anchorStates';
import './annotations.css';

const STATE_WORDS: Record<Annotation['anchorState'], string> = {
  anchored: 'Carried',
  moved: 'Moved: to confirm',
  fuzzy: 'Text changed: to confirm',
  orphaned: 'Orphaned: not in this version',
};

const STATE_TONES: Record<Annotation['anchorState'], string> = {
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
  const from = annotation.carriedFrom ? (carriedFromLabel(annotation, annotations, versions) ?? 'an earlier version') : undefined;
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
