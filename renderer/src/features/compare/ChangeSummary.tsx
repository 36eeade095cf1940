import type { VersionComparison } from '../../../../shared/api';
import { CHANGE_KIND_LABELS } from '../../../../shared/vocabulary';
import { CHANGE_KIND_SIGNS, CHANGE_KINDS } from './changeLabels';

/** How many blocks of each kind the comparison found, each with its sign and word. */
export function ChangeSummary({ counts }: { counts: VersionComparison['counts'] }) {
  return (
    <ul className="change-summary" aria-label="Summary of changes">
      {CHANGE_KINDS.map((kind) => (
        <li key={kind} className={`change-count kind-${kind}`} data-kind={kind}>
          <span className="change-sign" aria-hidden="true">
            {CHANGE_KIND_SIGNS[kind]}
          </span>
          <span className="change-count-number">{counts[kind]}</span>
          <span className="change-count-label">{CHANGE_KIND_LABELS[kind].toLowerCase()}</span>
        </li>
      ))}
    </ul>
  );
}
