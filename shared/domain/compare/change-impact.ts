import type { ChangeImpact, ImpactedCriterion } from '../../api';
import { locateTarget } from '../../anchoring';
import { blockAt, blockRanges, type BlockChangeKind } from '../../compare';
import type { Review } from '../../model';
import { comparePair, versionPair } from './version-pair';

type ImpactKind = ImpactedCriterion['changes'][number];
const IMPACTING: ReadonlySet<BlockChangeKind> = new Set(['changed', 'moved', 'removed']);

/**
 * What the committee must re-check between two versions: each criterion of the checklist whose annotations on
 * the older version sit in blocks that changed, moved or were removed, with the verdict recorded for the older
 * version, in checklist order. Orphaned annotations sit nowhere and touch nothing.
 */
export function changeImpact(review: Review, fromVersionId: string, toVersionId: string): ChangeImpact {
  const { from, to } = versionPair(review, fromVersionId, toVersionId);
  const comparison = comparePair(from, to);
  const kindOf = new Array<BlockChangeKind | undefined>(from.blocks.length);
  for (const change of comparison.blocks) if (change.from) kindOf[change.from.index] = change.kind;
  const ranges = blockRanges(from.blocks);

  const touched = new Map<string, { annotationIds: string[]; changes: Set<ImpactKind> }>();
  for (const annotation of review.annotations) {
    if (annotation.versionId !== from.id || annotation.deletedAt || annotation.anchorState === 'orphaned') continue;
    const range = locateTarget(from.text, annotation.target);
    if (!range) continue;
    const kinds = new Set<ImpactKind>();
    for (let i = blockAt(ranges, range.start), last = blockAt(ranges, range.end - 1); i !== -1 && i <= last; i++) {
      const kind = kindOf[i];
      if (kind && IMPACTING.has(kind)) kinds.add(kind as ImpactKind);
    }
    if (kinds.size === 0) continue;
    for (const criterionId of annotation.criterionIds) {
      const entry = touched.get(criterionId) ?? { annotationIds: [], changes: new Set<ImpactKind>() };
      entry.annotationIds.push(annotation.id);
      for (const kind of kinds) entry.changes.add(kind);
      touched.set(criterionId, entry);
    }
  }

  const criteria: ImpactedCriterion[] = [];
  for (const criterion of review.checklist.criteria) {
    const entry = touched.get(criterion.id);
    if (!entry || criterion.deletedAt) continue;
    const assessment = review.assessments.find((a) => a.versionId === from.id && a.criterionId === criterion.id);
    criteria.push({
      criterionId: criterion.id,
      title: criterion.title,
      category: criterion.category,
      verdict: assessment?.verdict ?? 'unreviewed',
      rationale: assessment?.rationale ?? '',
      annotationIds: entry.annotationIds,
      changes: (['changed', 'moved', 'removed'] as const).filter((kind) => entry.changes.has(kind)),
    });
  }
  return { fromVersionId: from.id, toVersionId: to.id, criteria };
}
