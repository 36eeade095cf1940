import { type AnnotationStore } from '../workspace';
import type { Criterion } from '../../../../shared/model';
import { countOf } from '../../ui/format';
import { SeverityBadge, StatusBadge } from './SeverityBadge';

const MAX_SHOWN = 3;

export interface MarkTooltipContentProps {
  ids: readonly string[];
  annotations: AnnotationStore;
  criteriaById: ReadonlyMap<string, Criterion>;
}

/** What a highlight is about: for each annotation on the words, its criteria, severity, status and author. */
export function MarkTooltipContent({ ids, annotations, criteriaById }: MarkTooltipContentProps) {
  const found = ids.map((id) => annotations.get(id)).filter((a) => a !== undefined);
  return (
    <div className="mark-tooltip-body">
      {found.length > 1 && <p className="mark-tooltip-count">{countOf(found.length, 'annotation')} on these words</p>}
      <ul>
        {found.slice(0, MAX_SHOWN).map((annotation) => (
          <li key={annotation.id}>
            <p className="mark-tooltip-criteria">
              {annotation.criterionIds.map((id) => criteriaById.get(id)?.title ?? id).join('; ') || 'No criterion'}
            </p>
            <p className="mark-tooltip-meta">
              <SeverityBadge severity={annotation.severity} />
              {annotation.status !== 'open' && <StatusBadge status={annotation.status} />}
              <span>{annotation.author.name}</span>
            </p>
          </li>
        ))}
      </ul>
      {found.length > MAX_SHOWN && <p className="mark-tooltip-more">and {found.length - MAX_SHOWN} more</p>}
      <p className="mark-tooltip-hint">Click or press Enter to open the thread.</p>
    </div>
  );
}
