import * as Automerge from '@automerge/automerge';
import type { Author } from '../../model';
import { COLLECTIONS, type CollectionName } from './review-records';
import {
  fieldKey,
  fieldsOf,
  fieldText,
  isDecidedByPeople,
  splitFieldKey,
  storedText,
  type MergeWriter,
  type MergeableReview,
  type MergeableReviewShape,
} from './mergeable-review';

/** A record's fields as the document keeps them. */
type FieldMap = Record<string, Automerge.ImmutableString>;

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
 * made since), those of them still open: asking the engine only there rather than at every field of every record,
 * which takes 1.5 s at 10,000 annotations. Conflicts come only from merges, which say where they made them.
 */
export function listConflicts(document: MergeableReview, among?: Iterable<string>): FieldConflict[] {
  const found: FieldConflict[] = [];
  const provenance = new Provenance(document);
  const look = (fields: FieldMap | undefined, key: string, record: RecordPlace, field: string) => {
    const conflict = fields && key in fields ? conflictAt(fields, key, record, field, provenance) : undefined;
    if (conflict) found.push(conflict);
  };
  if (among) {
    for (const id of new Set(among)) {
      const place = placeNamedBy(id);
      if (place) look(...fieldOf(document, place.record, place.field), place.record, place.field);
    }
  } else {
    const reviewId = String(fieldValue(document.header['id']));
    for (const field of Object.keys(document.header))
      look(document.header, field, { collection: 'review', id: reviewId }, field);
    for (const collection of COLLECTIONS) {
      for (const fields of Object.values(document.collections[collection].buckets)) {
        for (const key of Object.keys(fields)) {
          const { id, field } = splitFieldKey(key);
          look(fields, key, { collection, id }, field);
        }
      }
    }
  }
  return found.sort(inListOrder);
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

/**
 * Whether a field holds different values from two laptops, without working out who wrote them and when (which walks
 * the document's history): what a merge needs to count its conflicts.
 */
export function isInConflict(document: MergeableReview, record: RecordPlace, field: string): boolean {
  const { fields, key } = placeOf(document, record, field);
  return key in fields && disagreeingSides(fields, key, field) !== undefined;
}

/** A field's concurrent values when at least two differ (time fields and who made a change never disagree). */
function disagreeingSides(fields: Record<string, Automerge.ImmutableString>, key: string, field: string) {
  if (!isDecidedByPeople(field)) return undefined;
  const sides = Automerge.getConflicts(fields, key);
  if (!sides) return undefined;
  const texts = new Set(Object.values(sides).map(storedText));
  texts.delete(undefined);
  return texts.size < 2 ? undefined : sides;
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
  const time = Math.floor(Date.parse(writer.at) / 1000);
  return Automerge.change(document, { message: 'conflict.resolve', time }, (doc) => {
    const { fields, key } = placeOf(doc, conflict.record, conflict.field);
    fields[key] = new Automerge.ImmutableString(fieldText(value));
  });
}

/** The map a field is kept in, and its key there. */
function placeOf(document: MergeableReviewShape, record: RecordPlace, field: string) {
  if (record.collection === 'review') return { fields: document.header, key: field };
  return { fields: fieldsOf(document.collections[record.collection], record.id), key: fieldKey(record.id, field) };
}

/** The same, as arguments, with no map for a record of another review. */
function fieldOf(document: MergeableReview, record: RecordPlace, field: string): [FieldMap | undefined, string] {
  if (record.collection === 'review')
    return [String(fieldValue(document.header['id'])) === record.id ? document.header : undefined, field];
  const { fields, key } = placeOf(document, record, field);
  return [fields as FieldMap | undefined, key];
}

function conflictAt(
  fields: Record<string, Automerge.ImmutableString>,
  key: string,
  record: RecordPlace,
  field: string,
  provenance: Provenance,
): FieldConflict | undefined {
  const sides = disagreeingSides(fields, key, field);
  if (!sides) return undefined;
  // Two laptops that wrote the same value do not disagree: one side per distinct value, the earliest writer's.
  const byValue = new Map<string, ConflictSide & { op: string }>();
  for (const [op, stored] of Object.entries(sides)) {
    const text = storedText(stored);
    if (text === undefined) continue;
    const side = { value: JSON.parse(text) as unknown, ...provenance.of(op), op };
    const known = byValue.get(text);
    if (!known || compareSides(side, known) < 0) byValue.set(text, side);
  }
  if (byValue.size < 2) return undefined;
  const values = [...byValue.values()].sort(compareSides).map(({ op: _op, ...side }) => side);
  return { id: conflictIdOf(record, field), record, field, values };
}

function compareSides(a: ConflictSide & { op: string }, b: ConflictSide & { op: string }): number {
  return (a.at ?? '').localeCompare(b.at ?? '') || a.op.localeCompare(b.op);
}

function fieldValue(text: Automerge.ImmutableString | undefined): unknown {
  return text === undefined ? undefined : JSON.parse(text.val);
}

/**
 * Who wrote an operation and when: the writer from the document's table of people (by the actor in the op's id,
 * `counter@actor`), the time from the change that holds the op. Read once per listing, since it walks the history.
 */
class Provenance {
  private changes: Map<string, Automerge.ChangeMetadata[]> | undefined;
  constructor(private readonly document: MergeableReview) {}

  of(op: string): { author: Author | undefined; at: string | undefined } {
    const [counterText, actor = ''] = op.split('@');
    const counter = Number(counterText);
    const person = this.document.people[actor];
    const change = this.changesBy(actor).find((c) => c.startOp <= counter && counter <= c.maxOp);
    return {
      author: person ? (JSON.parse(person.val) as Author) : undefined,
      at: change?.time ? new Date(change.time * 1000).toISOString() : undefined,
    };
  }

  private changesBy(actor: string): Automerge.ChangeMetadata[] {
    if (!this.changes) {
      this.changes = new Map();
      for (const change of Automerge.getChangesMetaSince(this.document, [])) {
        const list = this.changes.get(change.actor) ?? [];
        list.push(change);
        this.changes.set(change.actor, list);
      }
    }
    return this.changes.get(actor) ?? [];
  }
}
