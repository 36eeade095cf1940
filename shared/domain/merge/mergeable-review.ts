import * as Automerge from '@automerge/automerge';
import canonicalize from 'canonicalize';
import type { Author, Review } from '../../model';
import {
  assembleReview,
  COLLECTIONS,
  reviewHeader,
  collectionRecords,
  type CollectionName,
  type FlatRecord,
  type ReviewRecords,
  type VersionContent,
} from './review-records';

/**
 * A review as an Automerge document: what travels between laptops and merges. Each field of each record is one
 * value in its collection's map, under `<record id>|<field>`, written whole (canonical JSON in an ImmutableString),
 * so the engine merges records field by field: a field changed on one side takes that change, the same field changed on both sides keeps both
 * values as a conflict until a person decides, and records added anywhere are all kept. Each collection also keeps
 * the order of its records as a list, so the review reads back in the order people gave it.
 * One flat map rather than a map per record: a record made on two laptops under the same id (a member's vote, whose
 * id comes from what it is about) is then one record whose fields merge, where two maps put under one key would
 * hide one of them whole.
 * That flat map is cut into a fixed number of buckets (by a hash of the record id, so a record's fields are in the
 * same bucket on every laptop), all made with the document: the engine copies a map it changes, so a change costs
 * the size of one bucket, where one map of a whole collection (150,000 keys at 10,000 annotations) made every
 * change and merge cost hundreds of milliseconds.
 * Records that never change once made (the audit log's entries, sign-offs) are kept whole, as one value under
 * `<record id>|*`: there is nothing in them to merge field by field, and one value rather than six makes each entry,
 * which every change adds, cost a sixth as much to record, send, load and merge. (Histories of format @2 hold them
 * field by field; both read alike, and a record is never rewritten from one form to the other.)
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
export interface MergeableCollection {
  /** The collection's fields by bucket (see bucketOf), each under `<record id>|<field>`. */
  buckets: Record<string, FieldMap>;
  order: Automerge.ImmutableString[];
}

/** How many buckets each collection's fields are spread over: about 2,000 keys each at 10,000 annotations. */
const BUCKETS = 64;

/** The bucket a record's fields are kept in: a hash of its id (FNV-1a), the same on every laptop. */
export function bucketOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return bucketName((hash >>> 0) % BUCKETS);
}

/** A bucket's key in its collection: its number, as two hex digits. */
function bucketName(number: number): string {
  return number.toString(16).padStart(2, '0');
}

/** The map that holds a record's fields. */
export function fieldsOf(collection: MergeableCollection, id: string): FieldMap {
  return collection.buckets[bucketOf(id)]!;
}

/** Where a record's field is kept in its collection's map. Ids never hold `|` (the schema's ids do not). */
export function fieldKey(id: string, field: string): string {
  return `${id}|${field}`;
}

/** Whether the document holds a record (field by field, or whole). */
export function holdsRecord(document: MergeableReview, collection: CollectionName, id: string): boolean {
  const fields = fieldsOf(document.collections[collection], id);
  return fieldKey(id, 'id') in fields || fieldKey(id, WHOLE_RECORD) in fields;
}

/** The record id and field of a key of a collection's map. */
export function splitFieldKey(key: string): { id: string; field: string } {
  const at = key.indexOf('|');
  return { id: key.slice(0, at), field: key.slice(at + 1) };
}

/** A collection's records as their field names, by record id, in one pass over its map. */
export function fieldNamesById(collection: MergeableCollection): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const bucket of Object.values(collection.buckets)) {
    for (const key of Object.keys(bucket)) {
      const { id, field } = splitFieldKey(key);
      const names = byId.get(id);
      if (names) names.push(field);
      else byId.set(id, [field]);
    }
  }
  return byId;
}

export const MERGEABLE_REVIEW_FORMAT = 'policy-review/review-document@3';
/** The formats this app reads: @2 kept unchanging records field by field (see MergeableReviewShape). */
export const READABLE_REVIEW_FORMATS: readonly string[] = ['policy-review/review-document@2', MERGEABLE_REVIEW_FORMAT];

/** The field name under which a record that never changes is kept whole. Never a field of a record of the schema. */
export const WHOLE_RECORD = '*';

/** Who is writing, from which laptop (the actor, a hex id kept per data folder), and when. */
export interface MergeWriter {
  actor: string;
  author: Author;
  /** ISO 8601; recorded (to the second) on the change, as the "when" of a conflict's side. */
  at: string;
}

/**
 * A review's first document, written by the person who holds it now: the whole tree built first and handed to the
 * engine in one piece, which it takes in as one batch: 4.6 to 4.9 s for a review of 10,000 annotations (120,000
 * fields), where writing it field by field through the change's proxy, a call into the engine to read and another to
 * write each field, took 10 to 12 s.
 * It holds what writing the review into an empty document would (writeInto): every defined field of each record
 * under its key, unchanging records whole, and each collection's order.
 */
export function newMergeableReview(review: Review, writer: MergeWriter): MergeableReview {
  const empty = Automerge.init<MergeableReviewShape>({ actor: writer.actor });
  // Written as a change writes them (writeFields, writeWhole), into plain maps that hold nothing yet.
  const header: FieldMap = {};
  writeFields({ target: header, stored: header }, (field) => field, reviewHeader(review), []);
  const collections = {} as MergeableReviewShape['collections'];
  for (const name of COLLECTIONS) collections[name] = newCollection(name, collectionRecords(review, name));
  return Automerge.change(empty, changeOptions(writer, 'review.create'), (doc) => {
    doc.format = new Automerge.ImmutableString(MERGEABLE_REVIEW_FORMAT);
    doc.people = { [writer.actor]: new Automerge.ImmutableString(fieldText(writer.author)) };
    doc.header = header;
    doc.collections = collections;
  });
}

/** A collection as a new document holds it: every bucket (empty ones too), each record's fields, and the order. */
function newCollection(name: CollectionName, records: readonly FlatRecord[]): MergeableCollection {
  const buckets: Record<string, FieldMap> = {};
  for (let b = 0; b < BUCKETS; b++) buckets[bucketName(b)] = {};
  for (const record of records) {
    const fields = buckets[bucketOf(record.id)]!;
    const into = { target: fields, stored: fields };
    if (keptWhole(name, undefined)) writeWhole(into, record);
    else writeFields(into, (field) => fieldKey(record.id, field), record, []);
  }
  return { buckets, order: records.map((record) => new Automerge.ImmutableString(record.id)) };
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
  return Automerge.change(document, changeOptions(writer, message), (doc) =>
    writeInto(doc, review, writer, undefined, document),
  );
}

/**
 * Records a working review's changes one operation at a time, at the cost of what each changes rather than of the
 * review's size. Every operation that changes a record stamps its `updatedAt` (or tombstone), and signatures and
 * audit entries never change once made, so a record whose stamp is the one last recorded is skipped unread; records
 * without a stamp (versions, a handful) are compared field by field.
 */
export class ReviewRecorder {
  private recorded: RecordedStamps;

  /**
   * `holds` is the review the document holds now (as read from it, or as last recorded into it); its records are
   * compared with rather than read back, so they must not change before `record` (a new record may be added).
   * `changing`, where the caller knows it, is the only collections a review recorded may differ in from `holds`:
   * the others are neither read nor written (a step logged, which adds an entry to the log alone, then costs that
   * entry rather than a pass over every record: 50 to 300 ms at 10,000 annotations).
   */
  constructor(
    public document: MergeableReview,
    holds: Review | typeof READ_FROM_DOCUMENT,
    private readonly changing: readonly CollectionName[] = COLLECTIONS,
  ) {
    this.recorded =
      holds === READ_FROM_DOCUMENT ? stampsInDocument(document) : recordedStamps(holds, document, changing);
  }

  record(review: Review, writer: MergeWriter, message = 'review.change'): MergeableReview {
    const updates: RecordedUpdate[] = [];
    const before = this.document;
    this.document = Automerge.change(before, changeOptions(writer, message), (doc) =>
      writeInto(doc, review, writer, { recorded: this.recorded, updates }, before, this.changing),
    );
    // Only once the change is made: a change that fails leaves the document, and so what it records, as it was.
    for (const update of updates) applyUpdate(this.recorded, update);
    return this.document;
  }
}

/** Said instead of the review a document holds, for a recorder to read what it needs from the document itself. */
export const READ_FROM_DOCUMENT = Symbol('read from the document');

/** What was last recorded, by collection: each record's stamp and fields, and the collection's order. */
interface RecordedStamps {
  stamps: Record<CollectionName, Map<string, string>>;
  /**
   * The records as the document held them when the recorder was made (from `holds`), until one is written: what a
   * field is compared with instead of reading it back through the engine, which costs far more than the write.
   */
  held: Record<CollectionName, Map<string, FlatRecord>>;
  /** Each record's fields as last recorded: the ones a change may have taken away. */
  fieldNames: Record<CollectionName, Map<string, string[]>>;
  order: Record<CollectionName, string[]>;
}

/** What one change recorded of a collection: kept up to date record by record, not read again whole. */
interface RecordedUpdate {
  collection: CollectionName;
  written: FlatRecord[];
  removed: string[];
  order: string[];
}

/** What a ReviewRecorder knows before a change, and where the change notes what it wrote. */
interface Recording {
  recorded: RecordedStamps;
  updates: RecordedUpdate[];
}

const UNCHANGING: ReadonlySet<CollectionName> = new Set(['signoffs', 'audit']);

function stampOf(collection: CollectionName, record: FlatRecord): string | undefined {
  if (UNCHANGING.has(collection)) return 'made';
  if (typeof record['updatedAt'] !== 'string') return undefined;
  return `${record['updatedAt']}|${String(record['deletedAt'] ?? '')}`;
}

/** What a recorder knows before it knows anything: filled in collection by collection. */
function nothingRecorded(): RecordedStamps {
  return {
    held: {} as RecordedStamps['held'],
    stamps: {} as RecordedStamps['stamps'],
    fieldNames: {} as RecordedStamps['fieldNames'],
    order: {} as RecordedStamps['order'],
  };
}

function recordedStamps(
  review: Review,
  document: MergeableReview,
  collections: readonly CollectionName[],
): RecordedStamps {
  const recorded = nothingRecorded();
  for (const name of collections) {
    const records = collectionRecords(review, name);
    recorded.stamps[name] = new Map();
    recorded.fieldNames[name] = new Map();
    recorded.held[name] = new Map();
    const order = records.map((r) => r.id);
    applyUpdate(recorded, { collection: name, written: records, removed: [], order });
    recorded.held[name] = new Map(records.map((record) => [record.id, record]));
    // Kept whole or (from a history of format @2) field by field: only the document says which.
    if (UNCHANGING.has(name)) recorded.fieldNames[name] = fieldNamesById(document.collections[name]);
  }
  return recorded;
}

/**
 * What the document holds, as a recorder needs it, read from the document itself: each record's fields and stamp
 * and each collection's order, not every value. A record whose stamp differs is then compared with the document
 * field by field, so catching a history up with a review costs what changed, not a reading of the whole review.
 */
function stampsInDocument(document: MergeableReview): RecordedStamps {
  const recorded = nothingRecorded();
  for (const name of COLLECTIONS) {
    const collection = document.collections[name];
    const byId = fieldNamesById(collection);
    const stamps = new Map<string, string>();
    for (const [id, fields] of byId) {
      const stamp = UNCHANGING.has(name)
        ? 'made'
        : fields.includes('updatedAt')
          ? stampOf(name, { id, ...readRecordFields(document, name, id, STAMP_FIELDS).values })
          : undefined;
      if (stamp !== undefined) stamps.set(id, stamp);
    }
    recorded.held[name] = new Map();
    recorded.stamps[name] = stamps;
    recorded.fieldNames[name] = byId;
    recorded.order[name] = orderedIds(collection, byId);
  }
  return recorded;
}

/** The fields a record's stamp is made of (see stampOf). */
const STAMP_FIELDS = ['updatedAt', 'deletedAt'];

function applyUpdate(recorded: RecordedStamps, { collection, written, removed, order }: RecordedUpdate): void {
  const stamps = recorded.stamps[collection];
  const fieldNames = recorded.fieldNames[collection];
  // What a change writes comes from the working review, which goes on changing: from then on the document is read.
  if (recorded.held[collection].size) for (const { id } of written) recorded.held[collection].delete(id);
  for (const record of written) {
    const stamp = stampOf(collection, record);
    if (stamp === undefined) stamps.delete(record.id);
    else stamps.set(record.id, stamp);
    const held = fieldNames.get(record.id);
    fieldNames.set(record.id, keptWhole(collection, held) ? [WHOLE_RECORD] : definedFields(record));
  }
  for (const id of removed) {
    stamps.delete(id);
    fieldNames.delete(id);
  }
  recorded.order[collection] = order;
}

/** The review the document holds, with each version's content from where it is kept. */
export function readMergeable(document: MergeableReview, contentOf: (versionId: string) => VersionContent | undefined) {
  // A history never merged with another laptop's holds no concurrent values: its time fields are read as shown,
  // without asking the engine about each (half the reading, at 10,000 annotations).
  const concurrent = hasConcurrentChanges(document);
  const header = readHeader(document, concurrent);
  const records = {} as ReviewRecords;
  for (const name of COLLECTIONS) {
    const collection = document.collections[name];
    const byId = fieldNamesById(collection);
    records[name] = orderedIds(collection, byId).map(
      (id) => ({ ...readFields(fieldsOf(collection, id), byId.get(id)!, id, concurrent), id }) as FlatRecord,
    );
  }
  return assembleReview(header, records, contentOf);
}

/**
 * Whether any two of the document's changes were made without one knowing of the other (on two laptops, before
 * they merged): only then can a field hold concurrent values. A history that is one line of changes, each made on
 * the one before, has none. Read from the changes' metadata, without decoding them.
 */
export function hasConcurrentChanges(document: MergeableReview): boolean {
  const followed = new Set<string>();
  let firsts = 0;
  for (const { deps } of Automerge.getChangesMetaSince(document, [])) {
    if (deps.length > 1) return true;
    const [before] = deps;
    if (before === undefined) {
      if (++firsts > 1) return true;
    } else if (followed.has(before)) return true;
    else followed.add(before);
  }
  return false;
}

/** The review's own fields as the document holds them (`concurrent`: see readFields). */
export function readHeader(document: MergeableReview, concurrent = true): Record<string, unknown> {
  return readFields(document.header, Object.keys(document.header), undefined, concurrent);
}

/**
 * Some fields of one record of a collection as the document holds them: their values, and those it has not
 * (`concurrent`: see readFields).
 */
export function readRecordFields(
  document: MergeableReview,
  collection: CollectionName,
  id: string,
  names: Iterable<string>,
  concurrent = true,
): { values: Record<string, unknown>; absent: string[] } {
  const fields = fieldsOf(document.collections[collection], id);
  const present: string[] = [];
  const absent: string[] = [];
  for (const name of new Set(names)) (fieldKey(id, name) in fields ? present : absent).push(name);
  return { values: readFields(fields, present, id, concurrent), absent };
}

/** A field's value as the document stores it: canonical JSON, so equal values are equal text on every laptop. */
export function fieldText(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

function changeOptions(writer: MergeWriter, message: string): Automerge.ChangeOptions<MergeableReviewShape> {
  return { message, time: Math.floor(Date.parse(writer.at) / 1000) };
}

/**
 * Writes `review` into `doc` (the document being changed). What the document holds is read from `stored`, the same
 * document as it was before this change, where one exists: every key is written at most once per change, so its
 * value before the change is the value to compare with, and reading the engine's materialised copy is a property
 * lookup where reading through the change's proxy is a call into the engine for each field (most of a catch-up's
 * time). A first document has nothing stored and reads through `doc`. Only `collections` are written (see
 * ReviewRecorder's `changing`).
 */
function writeInto(
  doc: MergeableReviewShape,
  review: Review,
  writer: MergeWriter,
  recording?: Recording,
  stored: MergeableReviewShape = doc,
  collections: readonly CollectionName[] = COLLECTIONS,
): void {
  // A history of format @2 takes records kept whole from now on, which an app that reads only @2 would misread.
  if (stored.format.val !== MERGEABLE_REVIEW_FORMAT)
    doc.format = new Automerge.ImmutableString(MERGEABLE_REVIEW_FORMAT);
  const person = fieldText(writer.author);
  if (stored.people[writer.actor]?.val !== person) doc.people[writer.actor] = new Automerge.ImmutableString(person);
  writeFields(
    { target: doc.header, stored: stored.header },
    (field) => field,
    reviewHeader(review),
    Object.keys(stored.header),
  );
  for (const name of collections) {
    const into = { target: doc.collections[name], stored: stored.collections[name] };
    const update = writeCollection(name, into, collectionRecords(review, name), recording?.recorded);
    recording?.updates.push(update);
  }
}

/** A map (or collection) being written (`target`, in the change) and the same as it was before the change. */
interface WriteTarget<T> {
  target: T;
  stored: T;
}

function writeCollection(
  name: CollectionName,
  { target: collection, stored }: WriteTarget<MergeableCollection>,
  records: FlatRecord[],
  previous: RecordedStamps | undefined,
): RecordedUpdate {
  // Without what was last recorded, the document itself says which fields each record has (one pass).
  const recordedFields = previous ? previous.fieldNames[name] : fieldNamesById(stored);
  const stamps = previous?.stamps[name];
  const heldRecords = previous?.held[name];
  const fieldsHeld = (id: string) => recordedFields.get(id) ?? [];
  const fieldsIn = (id: string) => ({ target: fieldsOf(collection, id), stored: fieldsOf(stored, id) });
  const wanted = new Set<string>();
  const written: FlatRecord[] = [];
  for (const record of records) {
    wanted.add(record.id);
    const stamp = stamps && stampOf(name, record);
    if (stamp !== undefined && stamps!.get(record.id) === stamp) continue;
    if (keptWhole(name, recordedFields.get(record.id))) writeWhole(fieldsIn(record.id), record);
    else
      writeFields(
        fieldsIn(record.id),
        (field) => fieldKey(record.id, field),
        record,
        fieldsHeld(record.id),
        heldRecords?.get(record.id),
      );
    written.push(record);
  }
  const known = previous ? previous.order[name] : [...recordedFields.keys()];
  const removed = known.filter((id) => !wanted.has(id));
  for (const id of removed) for (const field of fieldsHeld(id)) delete fieldsOf(collection, id)[fieldKey(id, field)];
  const current = previous ? previous.order[name] : stored.order.map((id) => id.val);
  const order = records.map((r) => r.id);
  writeOrder(collection, current, order);
  return { collection: name, written, removed, order };
}

/**
 * Whether a record of `collection` is (or, new, will be) kept whole: a record that never changes, unless a history
 * of format @2 holds it field by field (`held`, its fields in the document).
 */
function keptWhole(collection: CollectionName, held: readonly string[] | undefined): boolean {
  return UNCHANGING.has(collection) && (!held?.length || held.includes(WHOLE_RECORD));
}

/** Writes a record whole, unless the document holds it so already. */
function writeWhole({ target, stored }: WriteTarget<FieldMap>, record: FlatRecord): void {
  const key = fieldKey(record.id, WHOLE_RECORD);
  const text = fieldText(record);
  if (stored[key]?.val !== text) target[key] = new Automerge.ImmutableString(text);
}

/**
 * Writes the fields whose value differs and removes those the record held and no longer has. With the record as
 * the document holds it (`was`), a field is compared with that; a time field is always read, since the record shows
 * the earliest or latest of its concurrent values and the document may hold another.
 */
function writeFields(
  { target, stored: storedFields }: WriteTarget<FieldMap>,
  keyOf: (field: string) => string,
  fields: Record<string, unknown>,
  held: readonly string[],
  was?: FlatRecord,
): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const text = fieldText(value);
    const key = keyOf(name);
    const stored =
      !was || isTimeField(name) ? storedFields[key]?.val : was[name] === undefined ? undefined : fieldText(was[name]);
    if (stored !== text) target[key] = new Automerge.ImmutableString(text);
  }
  for (const name of held) if (fields[name] === undefined) delete target[keyOf(name)];
}

function definedFields(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((name) => record[name] !== undefined);
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
    // Appended in batches, each one call into the engine: one push per id took 0.2 s for 2,500 audit entries.
    const appended = ids.slice(current.length).map((id) => new Automerge.ImmutableString(id));
    for (let at = 0; at < appended.length; at += APPENDED_PER_CALL)
      collection.order.push(...appended.slice(at, at + APPENDED_PER_CALL));
    return;
  }
  collection.order.splice(0, collection.order.length, ...ids.map((id) => new Automerge.ImmutableString(id)));
}

/** Ids appended to an order list per call: a batch, its values passed as arguments, well within the stack. */
const APPENDED_PER_CALL = 5_000;

/** The collection's records in their order: each once, and any record the list misses (never expected) after. */
export function orderedIds(
  collection: MergeableCollection,
  byId: { has(id: string): boolean; keys(): Iterable<string> },
): string[] {
  const seen = new Set<string>();
  for (const entry of collection.order) {
    const id = entry.val;
    if (byId.has(id)) seen.add(id);
  }
  for (const id of [...byId.keys()].sort()) seen.add(id);
  return [...seen];
}

/**
 * Fields no person decides between, when two laptops both wrote them: a record's `updatedAt` is the later of their
 * times and its `createdAt` (a version's `importedAt`) the earlier (a record both made, such as one member's vote or
 * a version imported from the same bytes), never a conflict to resolve; the fields they changed are merged, or in
 * conflict, on their own.
 */
export const TIME_FIELDS: Readonly<Record<string, 'earliest' | 'latest'>> = {
  createdAt: 'earliest',
  importedAt: 'earliest',
  updatedAt: 'latest',
};

export function isTimeField(field: string): boolean {
  return Object.hasOwn(TIME_FIELDS, field);
}

/**
 * Fields that say who made a change rather than what it is: written with every change on either laptop, so both
 * sides of a conflict already say who wrote them (from the history), and a person never decides between these.
 */
const CHANGE_BOOKKEEPING: ReadonlySet<string> = new Set(['author', 'importedBy']);

/** Whether two laptops' values of a field are for a person to decide between, when they differ. */
export function isDecidedByPeople(field: string): boolean {
  return !isTimeField(field) && !CHANGE_BOOKKEEPING.has(field);
}

/** A stored field as text: read through the document it is an ImmutableString, from `getConflicts` a string. */
export function storedText(stored: unknown): string | undefined {
  if (typeof stored === 'string') return stored;
  return stored instanceof Automerge.ImmutableString ? stored.val : undefined;
}

/**
 * A record's fields from a map, under `${id}|<field>` for a collection's record (no id: the review's own). A time
 * field's concurrent values are looked for unless the document is known to hold none (`concurrent` false).
 */
function readFields(
  fields: FieldMap,
  names: readonly string[],
  id?: string,
  concurrent = true,
): Record<string, unknown> {
  if (id !== undefined && names.includes(WHOLE_RECORD)) return readWhole(fields, names, id, concurrent);
  const values: Record<string, unknown> = {};
  // In name order: the engine's own key order can differ with the order changes arrived in.
  for (const name of [...names].sort()) {
    const key = id === undefined ? name : fieldKey(id, name);
    const text = fields[key]!.val;
    const time = concurrent && isTimeField(name);
    values[name] = JSON.parse(time ? timeOf(fields, key, text, TIME_FIELDS[name]!) : text);
  }
  return values;
}

/** A record kept whole, with any field kept beside it (which only a damaged or hand-made document holds). */
function readWhole(
  fields: FieldMap,
  names: readonly string[],
  id: string,
  concurrent: boolean,
): Record<string, unknown> {
  const whole: unknown = JSON.parse(fields[fieldKey(id, WHOLE_RECORD)]!.val);
  const others = names.filter((name) => name !== WHOLE_RECORD);
  return {
    ...(whole as Record<string, unknown>),
    ...(others.length ? readFields(fields, others, id, concurrent) : {}),
  };
}

/** The earliest or latest of a time field's concurrent values (ISO timestamps compare as text). */
function timeOf(fields: FieldMap, key: string, shown: string, pick: 'earliest' | 'latest'): string {
  const sides = Automerge.getConflicts(fields, key);
  if (!sides) return shown;
  let chosen = shown;
  for (const side of Object.values(sides)) {
    const text = storedText(side);
    if (text !== undefined && (pick === 'latest' ? text > chosen : text < chosen)) chosen = text;
  }
  return chosen;
}
