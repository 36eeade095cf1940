import * as Automerge from '@automerge/automerge';
import canonicalize from 'canonicalize';
import type { Author, Review } from '../../model';
import {
  assembleReview,
  COLLECTIONS,
  reviewHeader,
  reviewRecords,
  type CollectionName,
  type FlatRecord,
  type ReviewRecords,
  type VersionContent,
} from './review-records';

/**
 * A review as an Automerge document: what travels between laptops and merges. Each record is a map of its fields
 * and each field one value, written whole (canonical JSON in an ImmutableString), so the engine merges records
 * field by field: a field changed on one side takes that change, the same field changed on both sides keeps both
 * values as a conflict until a person decides, and records added anywhere are all kept. Each collection also keeps
 * the order of its records as a list, so the review reads back in the order people gave it.
 */
export interface MergeableReviewShape {
  format: Automerge.ImmutableString;
  header: FieldMap;
  collections: Record<CollectionName, MergeableCollection>;
  /** Who writes with each Automerge actor (one per laptop and data folder): the "who" of a conflict's sides. */
  people: Record<string, Automerge.ImmutableString>;
}
export type MergeableReview = Automerge.Doc<MergeableReviewShape>;

type FieldMap = Record<string, Automerge.ImmutableString>;
interface MergeableCollection {
  records: Record<string, FieldMap>;
  order: Automerge.ImmutableString[];
}

export const MERGEABLE_REVIEW_FORMAT = 'policy-review/review-document@1';

/** Who is writing, from which laptop (the actor, a hex id kept per data folder), and when. */
export interface MergeWriter {
  actor: string;
  author: Author;
  /** ISO 8601; recorded (to the second) on the change, as the "when" of a conflict's side. */
  at: string;
}

/** A review's first document, written by the person who holds it now. */
export function newMergeableReview(review: Review, writer: MergeWriter): MergeableReview {
  const empty = Automerge.init<MergeableReviewShape>({ actor: writer.actor });
  return Automerge.change(empty, changeOptions(writer, 'review.create'), (doc) => {
    doc.format = new Automerge.ImmutableString(MERGEABLE_REVIEW_FORMAT);
    doc.header = {};
    doc.people = {};
    doc.collections = {} as MergeableReviewShape['collections'];
    for (const name of COLLECTIONS) doc.collections[name] = { records: {}, order: [] };
    writeInto(doc, review, writer);
  });
}

/**
 * Records in the document what differs between it and `review`: only the fields that changed are written, so the
 * other side's edits to other fields are never overwritten. Gives the same document back when nothing differs.
 * Compares every field of every record: for one-off writes and checks; a session uses a ReviewRecorder.
 */
export function recordReview(
  document: MergeableReview,
  review: Review,
  writer: MergeWriter,
  message = 'review.change',
): MergeableReview {
  return Automerge.change(document, changeOptions(writer, message), (doc) => writeInto(doc, review, writer));
}

/**
 * Records a working review's changes one operation at a time, at the cost of what each changes rather than of the
 * review's size. Every operation that changes a record stamps its `updatedAt` (or tombstone), and signatures and
 * audit entries never change once made, so a record whose stamp is the one last recorded is skipped unread; records
 * without a stamp (versions, a handful) are compared field by field.
 */
export class ReviewRecorder {
  private recorded: RecordedStamps;

  /** `holds` is the review the document holds now (as read from it, or as last recorded into it). */
  constructor(
    public document: MergeableReview,
    holds: Review,
  ) {
    this.recorded = recordedStamps(holds);
  }

  record(review: Review, writer: MergeWriter, message = 'review.change'): MergeableReview {
    const previous = this.recorded;
    this.document = Automerge.change(this.document, changeOptions(writer, message), (doc) =>
      writeInto(doc, review, writer, previous),
    );
    this.recorded = recordedStamps(review);
    return this.document;
  }
}

/** What was last recorded: each record's stamp, and each collection's order. */
interface RecordedStamps {
  stamps: Map<string, string>;
  order: Record<CollectionName, string[]>;
}

const UNCHANGING: ReadonlySet<CollectionName> = new Set(['signoffs', 'audit']);

function stampOf(collection: CollectionName, record: FlatRecord): string | undefined {
  if (UNCHANGING.has(collection)) return 'made';
  if (typeof record['updatedAt'] !== 'string') return undefined;
  return `${record['updatedAt']}|${String(record['deletedAt'] ?? '')}`;
}

function recordedStamps(review: Review): RecordedStamps {
  const records = reviewRecords(review);
  const stamps = new Map<string, string>();
  const order = {} as RecordedStamps['order'];
  for (const name of COLLECTIONS) {
    order[name] = records[name].map((r) => r.id);
    for (const record of records[name]) {
      const stamp = stampOf(name, record);
      if (stamp !== undefined) stamps.set(`${name}/${record.id}`, stamp);
    }
  }
  return { stamps, order };
}

/** The review the document holds, with each version's content from where it is kept. */
export function readMergeable(document: MergeableReview, contentOf: (versionId: string) => VersionContent | undefined) {
  const header = readFields(document.header);
  const records = {} as ReviewRecords;
  for (const name of COLLECTIONS) {
    const collection = document.collections[name];
    records[name] = orderedIds(collection).map((id) => ({ ...readFields(collection.records[id]!), id }) as FlatRecord);
  }
  return assembleReview(header, records, contentOf);
}

/** A field's value as the document stores it: canonical JSON, so equal values are equal text on every laptop. */
export function fieldText(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

function changeOptions(writer: MergeWriter, message: string): Automerge.ChangeOptions<MergeableReviewShape> {
  return { message, time: Math.floor(Date.parse(writer.at) / 1000) };
}

function writeInto(doc: MergeableReviewShape, review: Review, writer: MergeWriter, previous?: RecordedStamps): void {
  const person = fieldText(writer.author);
  if (doc.people[writer.actor]?.val !== person) doc.people[writer.actor] = new Automerge.ImmutableString(person);
  writeFields(doc.header, reviewHeader(review));
  const records = reviewRecords(review);
  for (const name of COLLECTIONS) writeCollection(name, doc.collections[name], records[name], previous);
}

function writeCollection(
  name: CollectionName,
  collection: MergeableCollection,
  records: FlatRecord[],
  previous: RecordedStamps | undefined,
): void {
  const wanted = new Set<string>();
  for (const record of records) {
    wanted.add(record.id);
    const stamp = previous && stampOf(name, record);
    if (stamp !== undefined && previous!.stamps.get(`${name}/${record.id}`) === stamp) continue;
    const existing = collection.records[record.id];
    if (existing) writeFields(existing, record);
    else {
      collection.records[record.id] = {};
      writeFields(collection.records[record.id]!, record);
    }
  }
  const known = previous ? previous.order[name] : Object.keys(collection.records);
  for (const id of known) if (!wanted.has(id) && collection.records[id]) delete collection.records[id];
  const current = previous ? previous.order[name] : collection.order.map((id) => id.val);
  writeOrder(
    collection,
    current,
    records.map((r) => r.id),
  );
}

/** Writes the fields whose value differs and removes the ones the record no longer has. */
function writeFields(target: FieldMap, fields: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text = fieldText(value);
    if (target[name]?.val !== text) target[name] = new Automerge.ImmutableString(text);
  }
  for (const name of Object.keys(target)) if (fields[name] === undefined) delete target[name];
}

/**
 * Keeps the order list equal to `ids`: appending is the common case (a new record) and merges cleanly; any other
 * difference (a reorder, a removal) rewrites the list, and readers drop the duplicates that two concurrent
 * reorders can leave.
 */
function writeOrder(collection: MergeableCollection, current: readonly string[], ids: readonly string[]): void {
  if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
  const isPrefix = current.length <= ids.length && current.every((id, i) => id === ids[i]);
  if (isPrefix) {
    for (const id of ids.slice(current.length)) collection.order.push(new Automerge.ImmutableString(id));
    return;
  }
  collection.order.splice(0, collection.order.length, ...ids.map((id) => new Automerge.ImmutableString(id)));
}

/** The collection's records in their order: each once, and any record the list misses (never expected) after. */
function orderedIds(collection: MergeableCollection): string[] {
  const seen = new Set<string>();
  for (const entry of collection.order) {
    const id = entry.val;
    if (collection.records[id] && !seen.has(id)) seen.add(id);
  }
  for (const id of Object.keys(collection.records).sort()) seen.add(id);
  return [...seen];
}

/**
 * Fields no person decides between: when two laptops both touched a record, its `updatedAt` is the later of their
 * times, never a conflict to resolve (the fields they changed are merged, or in conflict, on their own).
 */
export const LATEST_WINS_FIELDS: ReadonlySet<string> = new Set(['updatedAt']);

/** A stored field as text: read through the document it is an ImmutableString, from `getConflicts` a string. */
export function storedText(stored: unknown): string | undefined {
  if (typeof stored === 'string') return stored;
  return stored instanceof Automerge.ImmutableString ? stored.val : undefined;
}

function readFields(fields: FieldMap | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (!fields) return values;
  // In name order: the engine's own key order can differ with the order changes arrived in.
  for (const name of Object.keys(fields).sort()) {
    const text = fields[name]!.val;
    values[name] = JSON.parse(LATEST_WINS_FIELDS.has(name) ? latestOf(fields, name, text) : text);
  }
  return values;
}

/** The greatest of a field's concurrent values (ISO timestamps compare as text). */
function latestOf(fields: FieldMap, name: string, shown: string): string {
  const sides = Automerge.getConflicts(fields, name);
  if (!sides) return shown;
  let latest = shown;
  for (const side of Object.values(sides)) {
    const text = storedText(side);
    if (text !== undefined && text > latest) latest = text;
  }
  return latest;
}
