import type { Annotation } from '../../../../shared/model';
import { AnchorStateBadge, SeverityBadge } from '../annotations';
import { useReviewData } from '../workspace';

/** A carried annotation's anchor state, severity and criteria: what it is about, at a glance. */
export function CarriedAnnotationHead({ annotation }: { annotation: Annotation }) {
  const { criteriaById } = useReviewData();
  const criteria = annotation.criterionIds.map((id) => criteriaById.get(id)?.title ?? id).join(' · ');
  return (
    <p className="carried-head">
      <AnchorStateBadge annotation={annotation} />
      <SeverityBadge severity={annotation.severity} />
      <span className="carried-criteria">{criteria}</span>
    </p>
  );
}
