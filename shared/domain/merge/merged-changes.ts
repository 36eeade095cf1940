import type { Review } from '../../model';
import { touchedKey, type TouchedRecords } from './merge-reviews';
import { orderedIds, readHeader, readRecordFields, type MergeableReview } from './mergeable-review';
import {
  assembleReview,
  COLLECTIONS,
  reviewRecords,
  type CollectionName,
  type FlatRecord,
  type VersionContent,
} from './review-records';

/** What a merge made of the review: the whole review, and the records that arrived in a review of their own. */
export interface MergedChanges {
  review: Review;
  /**
   * The review's own fields with only the records the merge may have changed (a reply or an action with its
   * parent), for checking against the schema: the rest were checked when the review was read, and the schema has
   * no rule that spans records.
   */
  arrived: Review;
  /** The same records as `arrived` as they were before the merge: the merge changed nothing when both read alike. */
  arrivedBefore: Review;
  /** Whether the order of some collection's records may have changed (records added, removed or reordered). */
  reordered: boolean;
}

/**
 * The review as the merge left it, reading the merged document only where the changes that arrived wrote
 * (`touched`): every other record reads as it did before the merge, which is `before` (the review the document was
 * caught up with). The same review readMergeable gives, at the cost of what arrived rather than of the review's
 * size: reading 10,000 annotations back through the engine took longer than merging them.
 */
export function readMergedChanges(
  document: MergeableReview,
  touched: TouchedRecords,
  before: Review,
  contentOf: (versionId: string) => VersionContent | undefined,
): MergedChanges {
  const records = reviewRecords(before);
  const changed = new Map<CollectionName, Set<string>>(COLLECTIONS.map((name) => [name, new Set<string>()]));
  for (const { record } of touched.records.values())
    if (record.collection !== 'review') changed.get(record.collection)!.add(record.id);
  let reordered = false;
  for (const name of COLLECTIONS) {
    const ids = changed.get(name)!;
    if (!ids.size && !touched.orders.has(name)) continue;
    const merged = mergedCollection(document, name, records[name], ids, touched);
    reordered ||= merged.reordered;
    records[name] = merged.records;
  }
  const assembled = assembleReview(readHeader(document), records, contentOf);
  const written = writtenRecords(assembled, changed, before);
  const review = sharingUnwritten(assembled, before, written);
  return {
    review,
    arrived: arrivedPart(review, written),
    arrivedBefore: arrivedPart(before, written),
    reordered,
  };
}

/** A collection's records after the merge: the changed ones read again, in the document's order when it moved. */
function mergedCollection(
  document: MergeableReview,
  name: CollectionName,
  held: FlatRecord[],
  changed: ReadonlySet<string>,
  touched: TouchedRecords,
): { records: FlatRecord[]; reordered: boolean } {
  const byId = new Map(held.map((record) => [record.id, record]));
  let reordered = touched.orders.has(name);
  for (const id of changed) {
    const had = byId.get(id);
    // Only the fields that arrived can read differently (a time field's concurrent values among them).
    const arrived = readRecordFields(
      document,
      name,
      id,
      touched.records.get(touchedKey({ collection: name, id }))?.fields ?? [],
    );
    const fields: Record<string, unknown> = { ...had, ...arrived.values };
    for (const field of arrived.absent) delete fields[field];
    const now = Object.values(fields).some((value) => value !== undefined)
      ? ({ ...fields, id } as FlatRecord)
      : undefined;
    if (now) byId.set(id, now);
    else byId.delete(id);
    // A record added or removed moves the others: the order is read from the document, as readMergeable does.
    if (!had !== !now) reordered = true;
  }
  if (!reordered) return { records: held.map((record) => byId.get(record.id)!), reordered };
  return { records: orderedIds(document, name, byId).map((id) => byId.get(id)!), reordered };
}

/** The top-level records a changed record belongs to: itself, or the annotation of a reply, the assessment of an action. */
const PARENT: Partial<Record<CollectionName, { collection: CollectionName; field: string }>> = {
  replies: { collection: 'annotations', field: 'annotationId' },
  actions: { collection: 'assessments', field: 'assessmentId' },
};

/**
 * The ids of the records the merge may have written, by collection, a changed reply or action counting for the
 * annotation or assessment it is part of (before and after the merge: a reply that moved, never expected, has both).
 */
function writtenRecords(
  review: Review,
  changed: Map<CollectionName, Set<string>>,
  before: Review,
): Map<CollectionName, Set<string>> {
  const written = new Map(COLLECTIONS.map((name) => [name, new Set(changed.get(name))]));
  // Flattened only when a reply or an action changed: most merges and every decision change neither.
  let childRecords: ReturnType<typeof reviewRecords>[] | undefined;
  for (const [child, parent] of Object.entries(PARENT) as [
    CollectionName,
    { collection: CollectionName; field: string },
  ][]) {
    const wanted = changed.get(child)!;
    if (!wanted.size) continue;
    childRecords ??= [reviewRecords(before), reviewRecords(review)];
    for (const records of childRecords)
      for (const record of records[child])
        if (wanted.has(record.id) && typeof record[parent.field] === 'string')
          written.get(parent.collection)!.add(record[parent.field] as string);
  }
  return written;
}

/**
 * `review` with every record the merge did not write the very object `before` holds. Assembling a review nests each
 * annotation's replies and each assessment's actions, and gives each version its content, in new objects; the same
 * records as before's own let whoever saves the review find what the merge changed by identity (review-changes.ts):
 * sent to the host whole, an unwritten annotation made anew was journalled as a change.
 */
function sharingUnwritten(review: Review, before: Review, written: Map<CollectionName, Set<string>>): Review {
  return withEachList(review, (records, name) => {
    const held = listOf(before, name);
    const wrote = written.get(name)!;
    const heldById = new Map(held.map((record) => [record.id, record]));
    const next = records.map((record) => (wrote.has(record.id) ? record : (heldById.get(record.id) ?? record)));
    // Nothing written and nothing moved: the list itself is before's.
    return next.length === held.length && next.every((record, i) => record === held[i]) ? held : next;
  });
}

/** The review's own fields with only the records written (`written`), for checking against the schema. */
function arrivedPart(review: Review, written: Map<CollectionName, Set<string>>): Review {
  return withEachList(review, (records, name) => {
    const wanted = written.get(name)!;
    return wanted.size ? records.filter((record) => wanted.has(record.id)) : [];
  });
}

/** The review with the records and own fields of `checked` (the arrived part, as the schema read it) in place. */
export function withCheckedRecords(review: Review, checked: Review): Review {
  return withEachList(checked, (by, name) => {
    const records = listOf(review, name);
    if (!by.length) return records;
    const byId = new Map(by.map((record) => [record.id, record]));
    return records.map((record) => byId.get(record.id) ?? record);
  });
}

/** The collections a review holds as lists of its own: the rest (replies, actions) are nested in their parents. */
type ListName = Exclude<CollectionName, 'replies' | 'actions'>;

/** A record of any of the review's lists, as these functions handle it: by its id. */
type ListRecord = { id: string };

/** The review's list of a collection (the criteria are the checklist's). */
function listOf(review: Review, name: ListName): ListRecord[] {
  return name === 'criteria' ? review.checklist.criteria : review[name];
}

/**
 * `review` with each of its lists of records replaced by what `change` makes of it; its own fields, the
 * checklist's included, as they are. `change` keeps the records' kind: it picks, orders or swaps records of the
 * list it is given.
 */
function withEachList(review: Review, change: (records: ListRecord[], name: ListName) => ListRecord[]): Review {
  const changed = <T extends ListRecord>(records: T[], name: ListName) => change(records, name) as T[];
  return {
    ...review,
    committee: changed(review.committee, 'committee'),
    versions: changed(review.versions, 'versions'),
    checklist: { ...review.checklist, criteria: changed(review.checklist.criteria, 'criteria') },
    annotations: changed(review.annotations, 'annotations'),
    assessments: changed(review.assessments, 'assessments'),
    votes: changed(review.votes, 'votes'),
    signoffs: changed(review.signoffs, 'signoffs'),
    audit: changed(review.audit, 'audit'),
  };
}
