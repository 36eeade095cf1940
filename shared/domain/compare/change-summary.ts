import type { Review, Version } from '../../model';
import type { VersionChangeSummary } from '../../report';
import { changeImpact } from './change-impact';
import { comparePair } from './version-pair';

/** How many changed passages a report quotes; the counts cover all of them. */
const MAX_PASSAGES = 50;

/**
 * The change between two versions as the report tells it, from the app's one comparison (shared/compare) and its
 * one account of which criteria a change touches (compare/change-impact.ts): counts per kind of change, the
 * criteria to check again, and the first changed passages in reading order.
 */
export function summarizeChanges(review: Review, from: Version, to: Version): VersionChangeSummary {
  const comparison = comparePair(from, to);
  const impact = changeImpact(review, from.id, to.id);
  const passages: NonNullable<VersionChangeSummary['passages']> = [];
  for (const change of comparison.blocks) {
    if (passages.length >= MAX_PASSAGES) break;
    if (change.kind === 'unchanged' || (change.kind === 'moved' && !change.edited)) continue;
    const before = change.from ? from.blocks[change.from.index]?.text : undefined;
    const after = change.to ? to.blocks[change.to.index]?.text : undefined;
    passages.push({
      kind: change.kind,
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
      ...(change.parts ? { parts: change.parts } : {}),
    });
  }
  return { counts: comparison.counts, touchedCriterionIds: impact.criteria.map((c) => c.criterionId), passages };
}
