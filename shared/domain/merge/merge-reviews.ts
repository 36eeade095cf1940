import * as Y from 'yjs';
import { AppError } from '../../errors';
import { conflictIdOf, isInConflict, reviewIdOf, type RecordPlace } from './conflicts';
import { COUNTED_COLLECTIONS, type CollectionName } from './review-records';
import {
  collectionOfRoot,
  fieldKey,
  fieldsOf,
  fieldTextOf,
  headerOf,
  holdsRecord,
  isDecidedByPeople,
  orderListOfRoot,
  orderOf,
  splitFieldKey,
  supersededOf,
  type MergeableReview,
} from './mergeable-review';
import { currentWrites, valueOf, type HeldBefore } from './registers';

/** What a merge did to this laptop's review, counted in records of the other side. */
export interface MergeCounts {
  /** Records the other side had and this one did not. */
  added: number;
  /** Records both had that now read differently here. */
  changed: number;
  /** Fields this merge left with two values for a person to decide between. */
  conflicts: number;
  /** The other side's records that changed nothing here. */
  unchanged: number;
}

export interface MergeOutcome {
  document: MergeableReview;
  counts: MergeCounts;
  /** Where the merge found conflicts (their ids: see listConflicts), new or still open. */
  conflictIds: string[];
  /** What the changes that arrived wrote to: all that can read differently after the merge (see readMergedChanges). */
  touched: TouchedRecords;
}

/** The records (and their fields) the changes that arrived wrote to, and the collections whose order they changed. */
export interface TouchedRecords {
  /** By touchedKey. */
  records: Map<string, { record: RecordPlace; fields: Set<string> }>;
  orders: Set<CollectionName>;
}

export function touchedKey(record: RecordPlace): string {
  return `${record.collection}/${record.id}`;
}

/** What a change of one field (a decision on a conflict) wrote to. */
export function touchedField(record: RecordPlace, field: string): TouchedRecords {
  return { records: new Map([[touchedKey(record), { record, fields: new Set([field]) }]]), orders: new Set() };
}

/**
 * Another laptop's document as it travels: its updates (the parts of its history this laptop may lack, in the order
 * they were written), and how many records (other than the audit log's entries) its review holds, which its
 * sender's review says (the package's review, exported with it).
 */
export interface SavedReview {
  updates: Uint8Array[];
  records: number;
}

/**
 * Merges another laptop's document of the same review into this one. The engine does the merging (every change of
 * both sides kept, the same result in either order, merging twice the same as once); this counts what it did, from
 * what the changes that arrived wrote, so the cost follows what arrived, not the review's size.
 */
export function mergeReviews(local: MergeableReview, remote: MergeableReview): MergeOutcome {
  return mergeSavedReview(local, {
    updates: [Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local))],
    records: recordCount(remote),
  });
}

/**
 * The same merge, from the other side's updates, taken into this side's document in one transaction. Bytes the
 * engine cannot read throw as they are. A document of another review is refused once taken in: the document is then
 * changed, and whoever merged drops it (nothing is written, so nothing changes).
 */
export function mergeSavedReview(local: MergeableReview, remote: SavedReview): MergeOutcome {
  const localId = reviewIdOf(local);
  let arrived: { changed: ChangedTypes; before: HeldBefore } | undefined;
  const note = (transaction: Y.Transaction) => {
    arrived = {
      changed: transaction.changed,
      before: { state: transaction.beforeState },
    };
  };
  local.on('afterTransaction', note);
  try {
    Y.transact(local, () => remote.updates.forEach((update) => Y.applyUpdate(local, update)), 'merge', false);
  } finally {
    local.off('afterTransaction', note);
  }
  // The engine keeps aside what stands on changes it lacks: a history that lacks changes it holds the rest of.
  if (local.store.pendingStructs || local.store.pendingDs) {
    throw new AppError(
      'E_INVALID_INPUT',
      'This package’s history is damaged (it lacks changes it says it holds); nothing was merged. Ask the sender to export it again.',
    );
  }
  refuseAnotherReview(local, localId);
  const touched = arrived ? fieldsWritten(local, arrived.changed, String(localId)) : nothingTouched();
  const before = arrived?.before;

  let added = 0;
  let changed = 0;
  const conflictIds: string[] = [];
  for (const { record, fields } of touched.records.values()) {
    // The audit log grows with every change on either side: merged like the rest, but not news to count.
    if (record.collection === 'audit') continue;
    const existed = record.collection === 'review' || holdsRecord(local, record.collection, record.id, before);
    if (!existed) added++;
    else if (readsDifferently(local, record, fields, before)) changed++;
    // Concurrent equal values and time fields are no conflict for a person (isInConflict leaves them out).
    for (const field of fields) if (isInConflict(local, record, field)) conflictIds.push(conflictIdOf(record, field));
  }
  const unchanged = Math.max(0, remote.records - added - changed);
  return {
    document: local,
    counts: { added, changed, conflicts: conflictIds.length, unchanged },
    conflictIds,
    touched,
  };
}

/** The maps and lists a transaction changed, each with the keys it changed in it (none for a list). */
type ChangedTypes = Y.Transaction['changed'];

function nothingTouched(): TouchedRecords {
  return { records: new Map(), orders: new Set() };
}

/** How many records a document holds, in the collections a merge counts. */
function recordCount(document: MergeableReview): number {
  return COUNTED_COLLECTIONS.reduce((n, name) => n + new Set(orderOf(document, name).toArray()).size, 0);
}

/**
 * Two documents of one review write the same id; another review's writes another, and once both are in, the id
 * holds two values.
 */
function refuseAnotherReview(merged: MergeableReview, localId: unknown): void {
  const ids = currentWrites(headerOf(merged), 'id', supersededOf(merged)).map((item) => JSON.parse(valueOf(item)));
  const otherId = ids.find((id) => id !== localId);
  if (otherId !== undefined || ids.length === 0) throw anotherReview(otherId, localId);
}

function anotherReview(otherId: unknown, localId: unknown): AppError {
  return new AppError(
    'E_INVALID_INPUT',
    `This package holds another review (${String(otherId)}), not this one (${String(localId)}); nothing was merged. ` +
      'Open it from the library to add it as a review of its own.',
  );
}

/**
 * Every record and field the changes that arrived wrote to (or cleared), from what the engine says the transaction
 * changed: a field both sides changed may show this side's value after the merge as before it, so what is on
 * screen cannot say where conflicts arose.
 */
function fieldsWritten(merged: MergeableReview, changed: ChangedTypes, reviewId: string): TouchedRecords {
  const names = new Map<unknown, string>();
  for (const [name, type] of merged.share) names.set(type, name);
  const touched = new Map<string, { record: RecordPlace; fields: Set<string> }>();
  const orders = new Set<CollectionName>();
  const touch = (record: RecordPlace, field: string) => {
    const key = touchedKey(record);
    const entry = touched.get(key) ?? { record, fields: new Set<string>() };
    entry.fields.add(field);
    touched.set(key, entry);
  };
  for (const [type, keys] of changed) {
    const name = names.get(type);
    if (name === undefined) continue;
    const ordered = orderListOfRoot(name);
    if (ordered) orders.add(ordered);
    const collection = collectionOfRoot(name);
    for (const key of keys) {
      if (key === null) continue;
      if (name === 'header') touch({ collection: 'review', id: reviewId }, key);
      else if (collection) {
        const { id, field } = splitFieldKey(key);
        touch({ collection, id }, field);
      }
    }
  }
  return { records: touched, orders };
}

/** Whether the fields that arrived for a record read differently from what this side had for them. */
function readsDifferently(
  document: MergeableReview,
  record: RecordPlace,
  fields: Set<string>,
  before: HeldBefore | undefined,
) {
  const map = record.collection === 'review' ? headerOf(document) : fieldsOf(document, record.collection, record.id);
  const keyOf = (field: string) => (record.collection === 'review' ? field : fieldKey(record.id, field));
  // A record whose only news is when it changed, or who touched it last, reads the same to a person.
  return [...fields].some(
    (field) =>
      isDecidedByPeople(field) &&
      fieldTextOf(document, map, keyOf(field), field, before) !== fieldTextOf(document, map, keyOf(field), field),
  );
}
