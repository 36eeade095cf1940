import { randomUUID } from 'node:crypto';
import type { AnchorCounts, CarryOutcome } from '../../../shared/api';
import { prepareCarry } from '../../../shared/anchoring';
import { AppError } from '../../../shared/errors';
import { Annotation, type Author, type Review } from '../../../shared/model';
import { validRecord } from '../annotations/valid-record';
import { recordAudit } from '../reviews/audit';
import type { ReviewStore } from '../storage/review-store';
import { versionPair } from './version-pair';

/**
 * The older version's annotations still to carry to the newer one, and how many are already there. An
 * annotation counts as carried when the newer version holds an annotation of the same line — carried from it,
 * from the annotation it was carried from, or from another copy of that — even one deleted since, so carrying
 * again (or along another path, v1→v3 after v1→v2→v3) never duplicates a comment nor brings back a deleted one.
 */
export function annotationsToCarry(review: Review, fromVersionId: string, toVersionId: string): { pending: Annotation[]; alreadyCarried: number } {
  const { from, to } = versionPair(review, fromVersionId, toVersionId);
  if (from.id === to.id) throw new AppError('E_INVALID_INPUT', 'Choose two different versions: annotations are carried from one version to another.');
  const byId = new Map(review.annotations.map((a) => [a.id, a]));
  const originOf = (annotation: Annotation): string => {
    let current = annotation;
    // Bounded: a cycle of carriedFrom links (only a hand-edited file could have one) must not hang the app.
    for (let steps = 0; current.carriedFrom !== undefined && steps < 10_000; steps++) {
      const previous = byId.get(current.carriedFrom);
      if (!previous) return current.carriedFrom;
      current = previous;
    }
    return current.id;
  };
  const onTarget = new Set(review.annotations.filter((a) => a.versionId === to.id).map(originOf));
  const pending: Annotation[] = [];
  let alreadyCarried = 0;
  for (const annotation of review.annotations) {
    if (annotation.versionId !== from.id || annotation.deletedAt) continue;
    if (onTarget.has(originOf(annotation))) alreadyCarried++;
    else pending.push(annotation);
  }
  return { pending, alreadyCarried };
}

/**
 * Carries the older version's annotations to the newer one (shared/anchoring's `prepareCarry`): each becomes a
 * new annotation on the newer version with the same criteria, severity, status, comment, author and replies,
 * `carriedFrom` set to the annotation it came from and the anchor state found. Orphaned ones are made too —
 * never dropped — keeping their old quote at a one-character position where the passage stood. One entry in
 * the audit log says what was carried. Changes the review in place: call it inside `store.mutate`.
 */
export function carryAnnotations(review: Review, fromVersionId: string, toVersionId: string, actor: Author): CarryOutcome {
  const { from, to } = versionPair(review, fromVersionId, toVersionId);
  const { pending, alreadyCarried } = annotationsToCarry(review, from.id, to.id);
  const counts: AnchorCounts = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  if (pending.length === 0) return { counts, carried: [], alreadyCarried };
  const carry = prepareCarry(from, to);
  const now = new Date().toISOString();
  const carried: CarryOutcome['carried'] = [];
  for (const source of pending) {
    const { target, anchorState } = carry(source.target, source.anchorState);
    const annotation = validRecord(
      Annotation,
      {
        id: randomUUID(),
        versionId: to.id,
        target,
        criterionIds: [...source.criterionIds],
        severity: source.severity,
        status: source.status,
        body: structuredClone(source.body),
        author: structuredClone(source.author),
        createdAt: now,
        updatedAt: now,
        replies: source.replies.filter((r) => !r.deletedAt).map((reply) => ({ ...structuredClone(reply), id: randomUUID() })),
        carriedFrom: source.id,
        anchorState,
      },
      'carried annotation',
    );
    review.annotations.push(annotation);
    counts[anchorState]++;
    carried.push({ annotationId: annotation.id, carriedFrom: source.id, anchorState });
  }
  const skipped = alreadyCarried ? ` (${alreadyCarried} already there)` : '';
  recordAudit(
    review,
    actor,
    'annotations.carry',
    `Carried ${carried.length} annotation${carried.length === 1 ? '' : 's'} from version “${from.label}” to “${to.label}”${skipped}: ${counts.anchored} anchored, ${counts.moved} moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned.`,
    to.id,
  );
  return { counts, carried, alreadyCarried };
}

/**
 * Carries annotations in an open review and saves the result durably: for the app's handler and the CLI alike.
 * A review shown read-only (another process holds it, or a newer app saved it) is refused with the reason;
 * when nothing is left to carry, nothing is written.
 */
export async function carryInStore(store: ReviewStore, fromVersionId: string, toVersionId: string, actor: Author): Promise<CarryOutcome> {
  if (store.readOnly) throw new AppError(store.readOnlyCode, store.readOnlyReason ?? 'This review is read-only.');
  const { pending, alreadyCarried } = annotationsToCarry(store.review, fromVersionId, toVersionId);
  if (pending.length === 0) return { counts: { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 }, carried: [], alreadyCarried };
  return store.mutate((review) => carryAnnotations(review, fromVersionId, toVersionId, actor));
}
