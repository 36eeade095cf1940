import type { Annotation } from '../../../../shared/model';
import { SeverityBadge } from '../annotations/SeverityBadge';
import { useWorkspace } from '../workspace/ReviewWorkspace';
import { AnchorStateBadge } from '../annotations/AnchorStateBadge';

/** A carried annotation's anchor state, severity and criteria: what it is about, at a glance. */
export function CarriedAnnotationHead({ annotation }: { annotation: Annotation }) {
  const { criteriaById } = useWorkspace();
  const criteria = annotation.criterionIds.map((id) => criteriaById.get(id)?.title ?? id).join(' · ');
  return (
    <p className="carried-head">
      <AnchorStateBadge annotation={annotation} />
      <SeverityBadge severity={annotation.severity} />
      <span className="carried-criteria">{criteria}</span>
    </p>
  );
}
