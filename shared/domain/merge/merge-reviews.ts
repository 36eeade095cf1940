import * as Automerge from '@automerge/automerge';
import { AppError } from '../../errors';
import { conflictIdOf, isInConflict, type RecordPlace } from './conflicts';
import { COLLECTIONS, COUNTED_COLLECTIONS, type CollectionName } from './review-records';
import {
  fieldKey,
  fieldsOf,
  holdsRecord,
  isDecidedByPeople,
  splitFieldKey,
  storedText,
  type MergeableReview,
  type MergeableReviewShape,
} from './mergeable-review';

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
 * Another laptop's document as it travels: the bytes of its save, and how many records (other than the audit log's
 * entries) its review holds, which its sender's review says (the package's review, exported with it).
 */
export interface SavedReview {
  bytes: Uint8Array;
  records: number;
  /** Its heads: what the engine must hold once the bytes are applied, or they were not all there. */
  heads: Automerge.Heads;
}

/**
 * Merges another laptop's document of the same review into this one. The engine does the merging (every change of
 * both sides kept, the same result in either order, merging twice the same as once); this counts what it did, from
 * the differences between the two states of this side, so the cost follows what arrived, not the review's size.
 */
export function mergeReviews(local: MergeableReview, remote: MergeableReview): MergeOutcome {
  return mergeSavedReview(local, {
    bytes: Automerge.save(remote),
    records: recordCount(remote),
    heads: Automerge.getHeads(remote),
  });
}

/**
 * The same merge, from the other side's saved bytes: the engine applies the changes they hold that this side lacks
 * straight onto this side's document, never making a document of the other side first (which cost a third more
 * time and memory at 10,000 annotations). Bytes the engine cannot read throw as they are; a document of another
 * review is refused once applied (nothing is written here, so nothing changes).
 * Applying a large arrived change (a catch-up of thousands of records) onto a document loaded from its save is where
 * Automerge 3.3.0 to 3.5.0 trap (`RuntimeError: unreachable`, in their batch apply), and where 3.5.0 took 8 s for
 * what 3.2.6 applies in 0.2 s (500 changed records of 10,000): the app pins 3.2.6, and the benchmark runs that round trip.
 */
export function mergeSavedReview(local: MergeableReview, remote: SavedReview): MergeOutcome {
  const localId = reviewIdOf(local);
  const headsBefore = Automerge.getHeads(local);
  // Merged in place: `local` is the engine's outdated copy from here on, as after any change; its values still read
  // as they were (the engine copies what it changes), so it is the state before without materialising it again.
  const before = local;
  const merged = applySaved(local, remote.bytes, localId);
  refuseAnotherReview(merged, localId);
  // The engine takes in what it can read of the bytes and leaves the rest unsaid: missing heads are missing changes.
  // (Asked as the heads it lacks: `hasHeads` costs a pass over the history, 0.1 s at 10,000 annotations.)
  if (Automerge.getMissingDeps(merged, remote.heads).length > 0) {
    throw new AppError(
      'E_INVALID_INPUT',
      'This package’s history is damaged (it lacks changes it says it holds); nothing was merged. Ask the sender to export it again.',
    );
  }
  const { touched, deletes } = fieldsWrittenSince(merged, headsBefore, String(localId));
  const document = deletes ? readFromItsBytes(merged) : merged;

  let added = 0;
  let changed = 0;
  const conflictIds: string[] = [];
  for (const { record, fields } of touched.records.values()) {
    // The audit log grows with every change on either side: merged like the rest, but not news to count.
    if (record.collection === 'audit') continue;
    const existed = record.collection === 'review' || holdsRecord(before, record.collection, record.id);
    if (!existed) added++;
    else if (readsDifferently(before, document, record, fields)) changed++;
    // Concurrent equal values and time fields are no conflict for a person (isInConflict leaves them out).
    for (const field of fields)
      if (isInConflict(document, record, field)) conflictIds.push(conflictIdOf(record, field));
  }
  const unchanged = Math.max(0, remote.records - added - changed);
  return {
    document,
    counts: { added, changed, conflicts: conflictIds.length, unchanged },
    conflictIds,
    touched,
  };
}

/**
 * The other side's changes applied onto this side's document. The engine refuses, before applying anything, changes
 * that reuse an actor's sequence numbers: what another review made on the same laptop does. Only then is the other
 * document made, to say which review it is; bytes that are no review's history throw as the engine threw.
 */
function applySaved(local: MergeableReview, bytes: Uint8Array, localId: unknown): MergeableReview {
  try {
    return Automerge.loadIncremental(local, bytes);
  } catch (error) {
    let otherId: unknown;
    try {
      otherId = reviewIdOf(Automerge.load<MergeableReviewShape>(bytes));
    } catch {
      throw error;
    }
    if (otherId !== localId) throw anotherReview(otherId, localId);
    throw error;
  }
}

/**
 * The merged document as its own bytes read, for a merge that arrived with a deletion. Automerge 3.2.6 (3.5.0 alike)
 * takes in wrongly, in memory, a deletion of a value this side holds that arrives with a write to the same field made
 * without knowledge of that value and ordered before it: the field then reads as the deleted value, where the same
 * document saved and loaded, or loaded from its history file, reads the write. The review the merge gives is read
 * from this document, so it is read again from its bytes: a save and a load, 1.6 to 2.4 s at 10,000 annotations,
 * for merges that delete something (a field cleared, a record or an order entry removed; a record deleted in the
 * app is a tombstone, written, not deleted); the others are as fast as before.
 * (tests/unit/domain/merge/delete-beside-write.test.ts)
 */
function readFromItsBytes(merged: MergeableReview): MergeableReview {
  return Automerge.load<MergeableReviewShape>(Automerge.save(merged), { actor: Automerge.getActorId(merged) });
}

/** How many records a document holds, in the collections a merge counts. */
function recordCount(document: MergeableReview): number {
  return COUNTED_COLLECTIONS.reduce((n, name) => n + document.collections[name].order.length, 0);
}

/**
 * Two documents of one review share the objects its first change made; another review's made its own, so once
 * both are applied the document holds two of each (a conflict on the root's keys) and its id reads two ways.
 */
function refuseAnotherReview(merged: MergeableReview, localId: unknown): void {
  const sides = Object.values(Automerge.getConflicts(merged, 'header') ?? {});
  if (sides.length < 2) {
    const id = reviewIdOf(merged);
    if (id !== localId) throw anotherReview(id, localId);
    return;
  }
  // A side of a conflict reads its values as plain text, not as the document's ImmutableStrings.
  const otherId = sides
    .map((header) => idFromText(storedText((header as Record<string, unknown>)['id'])))
    .find((id) => id !== localId);
  if (otherId !== undefined) throw anotherReview(otherId, localId);
  // The same review, whose history two laptops each began on their own (a review file copied by hand): the
  // engine would show one side's records and hide the other's, so nothing is merged.
  throw new AppError(
    'E_INVALID_INPUT',
    'This package’s history of this review was begun apart from this laptop’s (the review file was copied rather than sent as a package), so the two cannot be merged; nothing was merged.',
  );
}

function anotherReview(otherId: unknown, localId: unknown): AppError {
  return new AppError(
    'E_INVALID_INPUT',
    `This package holds another review (${String(otherId)}), not this one (${String(localId)}); nothing was merged. ` +
      'Open it from the library to add it as a review of its own.',
  );
}

/**
 * Every record and field the changes that arrived wrote to, read from the changes' operations themselves: a field
 * both sides changed may show this side's value after the merge as before it, so what is on screen cannot say where
 * conflicts arose. (The object-to-path lookup is the engine's own, through its backend.) And whether any of those
 * operations deletes something (see readFromItsBytes).
 */
function fieldsWrittenSince(
  merged: MergeableReview,
  heads: Automerge.Heads,
  reviewId: string,
): { touched: TouchedRecords; deletes: boolean } {
  const backend = Automerge.getBackend(merged);
  const paths = new Map<string, Automerge.Prop[] | undefined>();
  const touched = new Map<string, { record: RecordPlace; fields: Set<string> }>();
  const orders = new Set<CollectionName>();
  let deletes = false;
  for (const change of Automerge.getChangesSince(merged, heads)) {
    for (const op of Automerge.decodeChange(change).ops) {
      if (op.action === 'del') deletes = true;
      if (!paths.has(op.obj)) paths.set(op.obj, op.obj === '_root' ? [] : backend.objInfo(op.obj).path);
      const path = paths.get(op.obj) ?? ['?'];
      const ordered = orderOf(path);
      if (ordered) orders.add(ordered);
      const place = placeOf([...path, op.key], reviewId);
      if (!place) continue;
      const key = touchedKey(place.record);
      const entry = touched.get(key) ?? { record: place.record, fields: new Set<string>() };
      if (place.field !== undefined) entry.fields.add(place.field);
      touched.set(key, entry);
    }
  }
  return { touched: { records: touched, orders }, deletes };
}

/** The collection whose order list an operation's object is (`collections/<name>/order`), if it is one. */
function orderOf(path: Automerge.Prop[]): CollectionName | undefined {
  const collection = path[1] as CollectionName;
  return path[0] === 'collections' && path[2] === 'order' && COLLECTIONS.includes(collection) ? collection : undefined;
}

function reviewIdOf(document: MergeableReview): unknown {
  return idFromText(document.header?.['id']?.val);
}

function idFromText(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The record (and field) an operation's path falls in: `collections/<name>/buckets/<bucket>/<id>|<field>` or
 * `header/<field>`.
 */
function placeOf(path: Automerge.Prop[], reviewId: string): { record: RecordPlace; field?: string } | undefined {
  if (path[0] === 'header' && typeof path[1] === 'string') {
    return { record: { collection: 'review', id: reviewId }, field: path[1] };
  }
  if (path[0] !== 'collections' || path[2] !== 'buckets' || typeof path[4] !== 'string') return undefined;
  const collection = path[1] as CollectionName;
  if (!COLLECTIONS.includes(collection)) return undefined;
  const { id, field } = splitFieldKey(path[4]);
  return { record: { collection, id }, field };
}

/** Whether the fields that arrived for a record read differently from what this side had for them. */
function readsDifferently(before: MergeableReview, after: MergeableReview, record: RecordPlace, fields: Set<string>) {
  const mapOf = (document: MergeableReview) =>
    record.collection === 'review' ? document.header : fieldsOf(document.collections[record.collection], record.id);
  const keyOf = (field: string) => (record.collection === 'review' ? field : fieldKey(record.id, field));
  const old = mapOf(before);
  const now = mapOf(after);
  // A record whose only news is when it changed, or who touched it last, reads the same to a person.
  return [...fields].some((field) => isDecidedByPeople(field) && old[keyOf(field)]?.val !== now[keyOf(field)]?.val);
}
