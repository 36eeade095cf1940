import { SEVERITY_LABELS, SEVERITY_ORDER, SEVERITY_UNDERLINES } from './labels';
import { SeveritySwatch } from './SeverityBadge';

/** What the highlights' colours and underlines mean. */
export function SeverityLegend() {
  return (
    <ul className="severity-legend" aria-label="Highlight legend">
      {SEVERITY_ORDER.map((severity) => (
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
