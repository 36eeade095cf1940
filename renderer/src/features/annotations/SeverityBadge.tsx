import type { AnnotationStatus, Severity } from '../../../../shared/model';
import { ANNOTATION_STATUS_LABELS, SEVERITY_LABELS } from '../../../../shared/vocabulary';

/** A small sample of the highlight's underline, so the badge matches what the text shows. */
export function SeveritySwatch({ severity }: { severity: Severity }) {
  return <span className={`severity-swatch severity-${severity}`} aria-hidden="true" />;
}

/** The severity as a badge: the highlight's colour and underline, and the word. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge severity-badge severity-${severity}`}>
      <SeveritySwatch severity={severity} />
      {SEVERITY_LABELS[severity]}
    </span>
  );
}

export function StatusBadge({ status }: { status: AnnotationStatus }) {
  return <span className={`badge status-badge status-${status}`}>{ANNOTATION_STATUS_LABELS[status]}</span>;
}
