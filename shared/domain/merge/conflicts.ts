import type * as Y from 'yjs';
import type { Author } from '../../model';
import { COLLECTIONS, type CollectionName } from './review-records';
import {
  bucketMaps,
  change,
  changesOf,
  fieldKey,
  fieldsOf,
  fieldText,
  headerOf,
  isDecidedByPeople,
  keysWithValues,
  peopleOf,
  splitFieldKey,
  supersededOf,
  type MergeWriter,
  type MergeableReview,
} from './mergeable-review';
import { readField, setField, valueOf, writeIdOf, writesApart } from './registers';

/** Where a field lives: a record of a collection, or the review's own fields ("review"). */
export type RecordPlace = { collection: CollectionName; id: string } | { collection: 'review'; id: string };

/** One side of a conflict: the value, who wrote it and when (to the second), as far as the document knows. */
export interface ConflictSide {
  value: unknown;
  author: Author | undefined;
  at: string | undefined;
}

/**
 * The same field of a record changed on two laptops since they parted, to different values: both are kept until
 * a person keeps one. The id names the place (`annotations/<id>/severity`), so it stays the same across merges.
 */
export interface FieldConflict {
  id: string;
  record: RecordPlace;
  field: string;
  /** In a fixed order (by time, then writer), so every laptop numbers the sides alike. */
  values: ConflictSide[];
}

/**
 * Every open conflict in the document, or, given `among` (the ids of conflicts found before, and of those merges
 * made since), those of them still open. Conflicts come only from merges, which say where they made them.
 */
export function listConflicts(document: MergeableReview, among?: Iterable<string>): FieldConflict[] {
  const found: FieldConflict[] = [];
  const provenance = new Provenance(document);
  const look = (record: RecordPlace, field: string) => {
    const conflict = conflictAt(document, record, field, provenance);
    if (conflict) found.push(conflict);
  };
  const reviewId = String(reviewIdOf(document));
  if (among) {
    for (const id of new Set(among)) {
      const place = placeNamedBy(id);
      if (place && (place.record.collection !== 'review' || place.record.id === reviewId))
        look(place.record, place.field);
    }
  } else {
    const superseded = supersededOf(document);
    for (const field of keysWithValues(headerOf(document), superseded))
      look({ collection: 'review', id: reviewId }, field);
    for (const collection of COLLECTIONS) {
      for (const fields of bucketMaps(document, collection)) {
        for (const key of fields._map.keys()) {
          const { id, field } = splitFieldKey(key);
          look({ collection, id }, field);
        }
      }
    }
  }
  return found.sort(inListOrder);
}

/** The review's id, as its document holds it. */
export function reviewIdOf(document: MergeableReview): unknown {
  const text = readField(headerOf(document), 'id', supersededOf(document));
  return text === undefined ? undefined : JSON.parse(text);
}

/** A conflict's id: the place of its field (`annotations/<id>/severity`), the same on every laptop and every merge. */
export function conflictIdOf(record: RecordPlace, field: string): string {
  return `${record.collection}/${record.id}/${field}`;
}

/** The place a conflict's id names; none for a text that names no place. */
function placeNamedBy(id: string): { record: RecordPlace; field: string } | undefined {
  const [first, last] = [id.indexOf('/'), id.lastIndexOf('/')];
  if (first <= 0 || last <= first + 1 || last === id.length - 1) return undefined;
  const collection = id.slice(0, first);
  const record = { id: id.slice(first + 1, last) };
  const field = id.slice(last + 1);
  if (collection === 'review') return { record: { collection, ...record }, field };
  const named = COLLECTIONS.find((name) => name === collection);
  return named ? { record: { collection: named, ...record }, field } : undefined;
}

/** The review's own fields first, then the collections in their order, each by record and field. */
function inListOrder(a: FieldConflict, b: FieldConflict): number {
  const rank = (c: FieldConflict) => (c.record.collection === 'review' ? -1 : COLLECTIONS.indexOf(c.record.collection));
  return rank(a) - rank(b) || a.record.id.localeCompare(b.record.id) || a.field.localeCompare(b.field);
}

/** Whether a field holds different values from two laptops, without working out who wrote them and when. */
export function isInConflict(document: MergeableReview, record: RecordPlace, field: string): boolean {
  return disagreeingWrites(document, record, field) !== undefined;
}

/** A field's concurrent writes when at least two differ (time fields and who made a change never disagree). */
function disagreeingWrites(document: MergeableReview, record: RecordPlace, field: string): Y.Item[] | undefined {
  if (!isDecidedByPeople(field)) return undefined;
  const { fields, key } = placeOf(document, record, field);
  return writesApart(fields, key, supersededOf(document));
}

/**
 * Keeps one side of a conflict (0-based, in the conflict's order): written as a new value over both, so the
 * conflict is gone on every laptop that merges this change.
 */
export function resolveConflict(
  document: MergeableReview,
  conflict: FieldConflict,
  keep: number,
  writer: MergeWriter,
): MergeableReview {
  const side = conflict.values[keep];
  if (!side) throw new RangeError(`This conflict has ${conflict.values.length} sides; there is no side ${keep + 1}.`);
  return keepValue(document, conflict, side.value, writer);
}

/** Writes `value` over every side of a conflict: keeping one side, or a value made of both (two comments). */
export function keepValue(
  document: MergeableReview,
  conflict: FieldConflict,
  value: unknown,
  writer: MergeWriter,
): MergeableReview {
  change(document, writer, 'conflict.resolve', () => {
    const { fields, key } = placeOf(document, conflict.record, conflict.field);
    setField(fields, key, fieldText(value), supersededOf(document));
  });
  return document;
}

/** The map a field is kept in, and its key there. */
function placeOf(document: MergeableReview, record: RecordPlace, field: string) {
  if (record.collection === 'review') return { fields: headerOf(document), key: field };
  return { fields: fieldsOf(document, record.collection, record.id), key: fieldKey(record.id, field) };
}

function conflictAt(
  document: MergeableReview,
  record: RecordPlace,
  field: string,
  provenance: Provenance,
): FieldConflict | undefined {
  const writes = disagreeingWrites(document, record, field);
  if (!writes) return undefined;
  // Two laptops that wrote the same value do not disagree: one side per distinct value, the earliest writer's.
  const byValue = new Map<string, ConflictSide & { write: string }>();
  for (const item of writes) {
    const text = valueOf(item);
    const side = { value: JSON.parse(text) as unknown, ...provenance.of(item), write: writeIdOf(item) };
    const known = byValue.get(text);
    if (!known || compareSides(side, known) < 0) byValue.set(text, side);
  }
  const values = [...byValue.values()].sort(compareSides).map(({ write: _write, ...side }) => side);
  return { id: conflictIdOf(record, field), record, field, values };
}

function compareSides(a: ConflictSide & { write: string }, b: ConflictSide & { write: string }): number {
  return (a.at ?? '').localeCompare(b.at ?? '') || a.write.localeCompare(b.write);
}

/**
 * Who wrote a value and when: the writer from the document's table of people (by the write's client), the time from
 * the change it was part of (the latest change of that client that began at or before it). Read once per listing.
 */
class Provenance {
  private changes: Map<number, { began: number; at: string | undefined }[]> | undefined;
  constructor(private readonly document: MergeableReview) {}

  of(item: Y.Item): { author: Author | undefined; at: string | undefined } {
    const { client, clock } = item.id;
    const person = peopleOf(this.document).get(String(client));
    let at: string | undefined;
    for (const change of this.changesBy(client)) if (change.began <= clock) at = change.at;
    return { author: person === undefined ? undefined : (JSON.parse(person) as Author), at };
  }

  /** A client's changes, in the order they began. */
  private changesBy(client: number): { began: number; at: string | undefined }[] {
    if (!this.changes) {
      this.changes = new Map();
      changesOf(this.document).forEach((text, key) => {
        const [writer, began] = key.split(':').map(Number) as [number, number];
        const { at } = JSON.parse(text) as { at?: string };
        const list = this.changes!.get(writer) ?? [];
        list.push({ began, at });
        this.changes!.set(writer, list);
      });
      for (const list of this.changes.values()) list.sort((a, b) => a.began - b.began);
    }
    return this.changes.get(client) ?? [];
  }
}
