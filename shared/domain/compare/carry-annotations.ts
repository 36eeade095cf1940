import type { AnchorCounts, CarryOutcome } from '../../api';
import { prepareCarry } from '../../anchoring';
import { AppError } from '../../errors';
import { Annotation, copyOf, type Author, type Review } from '../../model';
import { reviewRecordId } from '../../model/name-based-id';
import { validRecord } from '../valid-record';
import { recordAudit } from '../reviews/audit';
import type { ReviewChange } from '../review-change';
import { comparePair, versionPair } from './version-pair';
import type { Clock } from '../clock';

/**
 * The older version's annotations still to carry to the newer one, and how many are already there. An
 * annotation counts as carried when the newer version holds an annotation of the same line — carried from it,
 * from the annotation it was carried from, or from another copy of that — even one deleted since, so carrying
 * again (or along another path, v1→v3 after v1→v2→v3) never duplicates a comment nor brings back a deleted one.
 */
export function annotationsToCarry(
  review: Review,
  fromVersionId: string,
  toVersionId: string,
): { pending: Annotation[]; alreadyCarried: number } {
  const { from, to } = versionPair(review, fromVersionId, toVersionId);
  if (from.id === to.id)
    throw new AppError(
      'E_INVALID_INPUT',
      'Choose two different versions: annotations are carried from one version to another.',
    );
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
 *
 * `asItWas` is the same review as it was before this change, when `review` is a copy being written (the store's
 * copy-on-write draft): what is carried is read from it, and only the new records are written to `review`. Read
 * through the draft, the versions' blocks and the annotations cost three to four times the carry itself (immer
 * makes a proxy of each object read).
 */
export function carryAnnotations(
  review: Review,
  fromVersionId: string,
  toVersionId: string,
  actor: Author,
  clock: Clock,
  asItWas: Review = review,
): CarryOutcome {
  const { from, to } = versionPair(asItWas, fromVersionId, toVersionId);
  const { pending, alreadyCarried } = annotationsToCarry(asItWas, from.id, to.id);
  const counts: AnchorCounts = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  if (pending.length === 0) return { counts, carried: [], alreadyCarried };
  // The comparison the Compare area made of this pair, when it did: the same one, not made again.
  const carry = prepareCarry(from, to, comparePair(from, to));
  const now = clock.now();
  const taken = new Set(asItWas.annotations.flatMap((a) => [a.id, ...a.replies.map((r) => r.id)]));
  // A copy's id is named from what it copies and the version it goes to, so the same annotation carried on two
  // laptops is one copy once their reviews merge. An id already taken falls back to a fresh one, so a carry never
  // makes two records with one id: carrying as above never copies an annotation twice to one version, but a
  // hand-edited file could hold such a copy under another origin.
  const copyId = (kind: string, sourceId: string) => {
    const id = reviewRecordId(review.id, kind, sourceId, to.id);
    const fresh = taken.has(id) ? clock.newId() : id;
    taken.add(fresh);
    return fresh;
  };
  const carried: CarryOutcome['carried'] = [];
  for (const source of pending) {
    const { target, anchorState } = carry(source.target, source.anchorState);
    const annotation = validRecord(
      Annotation,
      {
        id: copyId('carried-annotation', source.id),
        versionId: to.id,
        target,
        criterionIds: [...source.criterionIds],
        severity: source.severity,
        status: source.status,
        body: copyOf(source.body),
        author: copyOf(source.author),
        createdAt: now,
        updatedAt: now,
        replies: source.replies
          .filter((r) => !r.deletedAt)
          .map((reply) => ({ ...copyOf(reply), id: copyId('carried-reply', reply.id) })),
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
    clock,
    'annotations.carry',
    `Carried ${carried.length} annotation${carried.length === 1 ? '' : 's'} from version ` +
      `“${from.label}” to “${to.label}”${skipped}: ${counts.anchored} anchored, ${counts.moved} ` +
      `moved, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned.`,
    to.id,
  );
  return { counts, carried, alreadyCarried };
}

/**
 * Carrying as one change for the services' door: when nothing is left to carry (all already there), the answer
 * says so and nothing is written.
 */
export function carryChange(
  fromVersionId: string,
  toVersionId: string,
  actor: Author,
  clock: Clock,
): ReviewChange<CarryOutcome> {
  return {
    apply: (review, asItWas) => carryAnnotations(review, fromVersionId, toVersionId, actor, clock, asItWas),
    answerIfUnchanged(review) {
      const { pending, alreadyCarried } = annotationsToCarry(review, fromVersionId, toVersionId);
      return pending.length === 0
        ? { counts: { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 }, carried: [], alreadyCarried }
        : undefined;
    },
  };
}
