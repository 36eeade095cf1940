import type { ImpactedCriterion } from '../../../../shared/api';
import type { Version } from '../../../../shared/model';
import { CHANGE_KIND_LABELS, VERDICT_LABELS } from '../../../../shared/vocabulary';
import { AlertIcon } from '../../ui/icons';
import './compare.css';

/** On a criterion's card in the Checklist: the text its annotations sit in changed since the older version. */
export function RecheckMarker({ impact, from }: { impact: ImpactedCriterion; from: Version }) {
  const kinds = impact.changes.map((kind) => CHANGE_KIND_LABELS[kind].toLowerCase()).join(', ');
  return (
    <p className="recheck-marker" data-criterion-id={impact.criterionId}>
      <AlertIcon size={16} />
      <span>
        <strong>Changed since {from.label}: re-check.</strong> Text under its annotations was {kinds}; the verdict on{' '}
        {from.label} was {VERDICT_LABELS[impact.verdict]}.
      </span>
    </p>
  );
}
