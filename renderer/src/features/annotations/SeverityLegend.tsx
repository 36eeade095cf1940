import { SEVERITIES } from '../../../../shared/model';
import { SEVERITY_LABELS } from '../../../../shared/vocabulary';
import { SEVERITY_UNDERLINES } from './labels';
import { SeveritySwatch } from './SeverityBadge';

/** What the highlights' colours and underlines mean. */
export function SeverityLegend() {
  return (
    <ul className="severity-legend" aria-label="Highlight legend">
      {SEVERITIES.map((severity) => (
        <li key={severity}>
          <SeveritySwatch severity={severity} />
          <span>
            {SEVERITY_LABELS[severity]} <span className="severity-legend-line">({SEVERITY_UNDERLINES[severity]})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
