import canonicalize from 'canonicalize';
import * as Y from 'yjs';
import type { Author, Review } from '../../model';
import {
  currentWrites,
  deleteField,
  readField,
  setField,
  valueOf,
  writesApart,
  type FieldMap,
  type HeldBefore,
  type SupersededWrites,
} from './registers';
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
 * A review as a Yjs document: what travels between laptops and merges. Each field of each record is one value in
 * its collection's maps, under `<record id>|<field>`, written whole (canonical JSON), and kept as a multi-value
 * register (registers.ts), so the engine merges records field by field: a field changed on one side takes that
 * change, the same field changed on both sides keeps both values as a conflict until a person decides, and records
 * added anywhere are all kept. Each collection also keeps the order of its records as a list, so the review reads
 * back in the order people gave it.
 * One flat map rather than a map per record: a record made on two laptops under the same id (a member's vote, whose
 * id comes from what it is about) is then one record whose fields merge, where two maps put under one key would
 * hide one of them whole.
 * Every map and list is one of the document's named roots (`annotations/3f`, `annotations/order`, `header`), which
 * Yjs never makes twice: two documents of a review begun on two laptops apart (two laptops moving from an older
 * app's history each on its own) then merge field by field too, with a conflict wherever they hold different values.
 * A collection's fields are cut into a fixed number of maps (buckets, by a hash of the record id, the same on every
 * laptop), to keep each map's keys few.
 * Records that never change once made (the audit log's entries, sign-offs) are kept whole, as one value under
 * `<record id>|*`: there is nothing in them to merge field by field, and one value rather than six makes each entry,
 * which every change adds, cost a sixth as much to record, send, load and merge.
 * Who wrote each value: each document is written by one Yjs client (a number new with every load), and the client's
 * person is in `people`; when, in `changes`, one entry per change, under the client's clock where it began.
 * Garbage collection stays off: a value one laptop replaced may still be the other side of a conflict elsewhere.
 */
export type MergeableReview = Y.Doc;

/** A new, empty document, as every history is read into. */
export function emptyMergeableReview(): MergeableReview {
  return new Y.Doc({ gc: false });
}

/** How many buckets each collection's fields are spread over: about 2,000 keys each at 10,000 annotations. */
const BUCKETS = 64;

/** The bucket a record's fields are kept in: a hash of its id (FNV-1a), the same on every laptop. */
export function bucketOf(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return bucketName((hash >>> 0) % BUCKETS);
}

/** A bucket's name: its number, as two hex digits. */
function bucketName(number: number): string {
  return number.toString(16).padStart(2, '0');
}

/** The names of the document's roots, and what each holds. */
const ROOTS = {
  header: 'header',
  meta: 'meta',
  people: 'people',
  changes: 'changes',
  superseded: 'superseded',
} as const;

/** The map of one bucket of a collection's fields. */
function bucketMap(document: MergeableReview, collection: CollectionName, bucket: string): FieldMap {
  return document.getMap(`${collection}/${bucket}`);
}

/** Every bucket map of a collection. */
export function bucketMaps(document: MergeableReview, collection: CollectionName): FieldMap[] {
  return Array.from({ length: BUCKETS }, (_, b) => bucketMap(document, collection, bucketName(b)));
}

/** The collection (and bucket) a root's name is of; none for the other roots. */
export function collectionOfRoot(name: string): CollectionName | undefined {
  const at = name.indexOf('/');
  const collection = COLLECTIONS.find((c) => c === name.slice(0, at));
  return collection && name.slice(at + 1) !== 'order' ? collection : undefined;
}

/** The collection whose order list a root is, if it is one. */
export function orderListOfRoot(name: string): CollectionName | undefined {
  return COLLECTIONS.find((c) => name === `${c}/order`);
}

/** The map that holds a record's fields. */
export function fieldsOf(document: MergeableReview, collection: CollectionName, id: string): FieldMap {
  return bucketMap(document, collection, bucketOf(id));
}

/** The map of the review's own fields. */
export function headerOf(document: MergeableReview): FieldMap {
  return document.getMap(ROOTS.header);
}

/** Where the document notes which values later writes replaced (registers.ts). */
export function supersededOf(document: MergeableReview): SupersededWrites {
  return document.getMap(ROOTS.superseded);
}

/** A collection's order list. */
export function orderOf(document: MergeableReview, collection: CollectionName): Y.Array<string> {
  return document.getArray(`${collection}/order`);
}

/** Who writes as each client: canonical JSON of an Author, by client number. */
export function peopleOf(document: MergeableReview): Y.Map<string> {
  return document.getMap(ROOTS.people);
}

/** When each change was made: canonical JSON of `{at, message}`, under `<client>:<clock where it began>`. */
export function changesOf(document: MergeableReview): Y.Map<string> {
  return document.getMap(ROOTS.changes);
}

/** The format a document says it is in (several, where laptops wrote it apart). */
export function formatsOf(document: MergeableReview): string[] {
  return currentWrites(document.getMap(ROOTS.meta), 'format', supersededOf(document)).map(valueOf);
}

/** Where a record's field is kept in its collection's map. Ids never hold `|` (the schema's ids do not). */
export function fieldKey(id: string, field: string): string {
  return `${id}|${field}`;
}

/** Whether the document holds a record (field by field, or whole); with `before`, whether it held it then. */
export function holdsRecord(
  document: MergeableReview,
  collection: CollectionName,
  id: string,
  before?: HeldBefore,
): boolean {
  const fields = fieldsOf(document, collection, id);
  const superseded = supersededOf(document);
  return [fieldKey(id, 'id'), fieldKey(id, WHOLE_RECORD)].some(
    (key) => readField(fields, key, superseded, before) !== undefined,
  );
}

/** The record id and field of a key of a collection's map. */
export function splitFieldKey(key: string): { id: string; field: string } {
  const at = key.indexOf('|');
  return { id: key.slice(0, at), field: key.slice(at + 1) };
}

/** The keys a map holds a value under (a key a clear hid a write made apart from among them: registers.ts). */
export function keysWithValues(fields: FieldMap, superseded: SupersededWrites): string[] {
  const keys: string[] = [];
  for (const [key, item] of fields._map)
    if (!item.deleted || currentWrites(fields, key, superseded).length > 0) keys.push(key);
  return keys;
}

/** A collection's records as their field names, by record id, in one pass over its maps. */
export function fieldNamesById(document: MergeableReview, collection: CollectionName): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  const superseded = supersededOf(document);
  for (const bucket of bucketMaps(document, collection)) {
    for (const key of keysWithValues(bucket, superseded)) {
      const { id, field } = splitFieldKey(key);
      const names = byId.get(id);
      if (names) names.push(field);
      else byId.set(id, [field]);
    }
  }
  return byId;
}

export const MERGEABLE_REVIEW_FORMAT = 'policy-review/review-document@4';
/** The formats this app reads from a document (@2 and @3 were Automerge's, which it no longer reads). */
export const READABLE_REVIEW_FORMATS: readonly string[] = [MERGEABLE_REVIEW_FORMAT];

/** The field name under which a record that never changes is kept whole. Never a field of a record of the schema. */
export const WHOLE_RECORD = '*';

/** Who is writing, and when. */
export interface MergeWriter {
  author: Author;
  /** ISO 8601; recorded (to the second) with the change, as the "when" of a conflict's side. */
  at: string;
}

/**
 * A review's first document, written by the person who holds it now: every defined field of each record under its
 * key, unchanging records whole, and each collection's order, in one change.
 */
export function newMergeableReview(review: Review, writer: MergeWriter): MergeableReview {
  const document = emptyMergeableReview();
  change(document, writer, 'review.create', () => writeInto(document, review));
  return document;
}

/**
 * Records in the document what differs between it and `review`: only the fields that changed are written, so the
 * other side's edits to other fields are never overwritten. Records nothing when nothing differs.
 * Compares every field of every record: for one-off writes and checks; a session uses a ReviewRecorder.
 */
export function recordReview(
  document: MergeableReview,
  review: Review,
  writer: MergeWriter,
  message = 'review.change',
): MergeableReview {
  change(document, writer, message, () => writeInto(document, review));
  return document;
}

/**
 * Makes one change: what `write` writes, with who wrote it and when (only when it wrote something: a change that
 * differs in nothing leaves no trace).
 */
export function change(document: MergeableReview, writer: MergeWriter, message: string, write: () => void): void {
  document.transact(() => {
    const client = document.clientID;
    const began = Y.getState(document.store, client);
    write();
    if (Y.getState(document.store, client) === began) return;
    const person = fieldText(writer.author);
    const people = peopleOf(document);
    if (people.get(String(client)) !== person) people.set(String(client), person);
    changesOf(document).set(`${client}:${began}`, fieldText({ at: toTheSecond(writer.at), message }));
  });
}

/** A time as a change records it: to the second, as people compare when two sides were written. */
function toTheSecond(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? at : new Date(Math.floor(time / 1000) * 1000).toISOString();
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
   * entry rather than a pass over every record).
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
    change(this.document, writer, message, () =>
      writeInto(this.document, review, { recorded: this.recorded, updates }, this.changing),
    );
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
   * field is compared with instead of reading it back from the document.
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
    // Kept whole or (from a document begun apart, never expected) field by field: only the document says which.
    if (UNCHANGING.has(name)) recorded.fieldNames[name] = fieldNamesById(document, name);
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
    const byId = fieldNamesById(document, name);
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
    recorded.order[name] = orderedIds(document, name, byId);
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
  const header = readHeader(document);
  const records = {} as ReviewRecords;
  for (const name of COLLECTIONS) {
    const byId = fieldNamesById(document, name);
    records[name] = orderedIds(document, name, byId).map(
      (id) => ({ ...readFields(document, fieldsOf(document, name, id), byId.get(id)!, id), id }) as FlatRecord,
    );
  }
  return assembleReview(header, records, contentOf);
}

/** The review's own fields as the document holds them. */
export function readHeader(document: MergeableReview): Record<string, unknown> {
  const header = headerOf(document);
  return readFields(document, header, keysWithValues(header, supersededOf(document)));
}

/** Some fields of one record of a collection as the document holds them: their values, and those it has not. */
export function readRecordFields(
  document: MergeableReview,
  collection: CollectionName,
  id: string,
  names: Iterable<string>,
): { values: Record<string, unknown>; absent: string[] } {
  const fields = fieldsOf(document, collection, id);
  const superseded = supersededOf(document);
  const present: string[] = [];
  const absent: string[] = [];
  for (const name of new Set(names))
    (readField(fields, fieldKey(id, name), superseded) !== undefined ? present : absent).push(name);
  return { values: readFields(document, fields, present, id), absent };
}

/** A field's value as the document stores it: canonical JSON, so equal values are equal text on every laptop. */
export function fieldText(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

/**
 * Writes `review` into the document, within a change. Only `collections` are written (see ReviewRecorder's
 * `changing`).
 */
function writeInto(
  document: MergeableReview,
  review: Review,
  recording?: Recording,
  collections: readonly CollectionName[] = COLLECTIONS,
): void {
  const superseded = supersededOf(document);
  const meta = document.getMap<string>(ROOTS.meta);
  if (readField(meta, 'format', superseded) !== MERGEABLE_REVIEW_FORMAT)
    setField(meta, 'format', MERGEABLE_REVIEW_FORMAT, superseded);
  const header = headerOf(document);
  writeFields(header, superseded, (field) => field, reviewHeader(review), keysWithValues(header, superseded));
  for (const name of collections) {
    const update = writeCollection(document, name, collectionRecords(review, name), recording?.recorded);
    recording?.updates.push(update);
  }
}

function writeCollection(
  document: MergeableReview,
  name: CollectionName,
  records: FlatRecord[],
  previous: RecordedStamps | undefined,
): RecordedUpdate {
  // Without what was last recorded, the document itself says which fields each record has (one pass).
  const recordedFields = previous ? previous.fieldNames[name] : fieldNamesById(document, name);
  const stamps = previous?.stamps[name];
  const heldRecords = previous?.held[name];
  const superseded = supersededOf(document);
  const fieldsHeld = (id: string) => recordedFields.get(id) ?? [];
  const wanted = new Set<string>();
  const written: FlatRecord[] = [];
  for (const record of records) {
    wanted.add(record.id);
    const stamp = stamps && stampOf(name, record);
    if (stamp !== undefined && stamps!.get(record.id) === stamp) continue;
    const fields = fieldsOf(document, name, record.id);
    if (keptWhole(name, recordedFields.get(record.id))) writeWhole(fields, superseded, record);
    else
      writeFields(
        fields,
        superseded,
        (field) => fieldKey(record.id, field),
        record,
        fieldsHeld(record.id),
        heldRecords?.get(record.id),
      );
    written.push(record);
  }
  const known = previous ? previous.order[name] : [...recordedFields.keys()];
  const removed = known.filter((id) => !wanted.has(id));
  for (const id of removed)
    for (const field of fieldsHeld(id)) deleteField(fieldsOf(document, name, id), fieldKey(id, field), superseded);
  const list = orderOf(document, name);
  const current = previous ? previous.order[name] : list.toArray();
  const order = records.map((r) => r.id);
  writeOrder(list, current, order);
  return { collection: name, written, removed, order };
}

/**
 * Whether a record of `collection` is (or, new, will be) kept whole: a record that never changes, unless the
 * document holds it field by field (`held`, its fields in the document).
 */
function keptWhole(collection: CollectionName, held: readonly string[] | undefined): boolean {
  return UNCHANGING.has(collection) && (!held?.length || held.includes(WHOLE_RECORD));
}

/** Writes a record whole, unless the document holds it so already. */
function writeWhole(fields: FieldMap, superseded: SupersededWrites, record: FlatRecord): void {
  const key = fieldKey(record.id, WHOLE_RECORD);
  const text = fieldText(record);
  if (readField(fields, key, superseded) !== text) setField(fields, key, text, superseded);
}

/**
 * Writes the fields whose value differs and clears those the record held and no longer has. With the record as
 * the document holds it (`was`), a field is compared with that; a time field is always read, since the record shows
 * the earliest or latest of its concurrent values and the document may hold another.
 */
function writeFields(
  fields: FieldMap,
  superseded: SupersededWrites,
  keyOf: (field: string) => string,
  record: Record<string, unknown>,
  held: readonly string[],
  was?: FlatRecord,
): void {
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const text = fieldText(value);
    const key = keyOf(name);
    const stored =
      !was || isTimeField(name)
        ? readField(fields, key, superseded)
        : was[name] === undefined
          ? undefined
          : fieldText(was[name]);
    if (stored !== text && !isOneOfItsValues(fields, key, text, superseded)) setField(fields, key, text, superseded);
  }
  for (const name of held) if (record[name] === undefined) deleteField(fields, keyOf(name), superseded);
}

/**
 * Whether a field holds values written apart (an open conflict) and `text` is one of them: a review that shows one
 * side of a conflict (whichever it was read with) has not decided it, which only a decision does (conflicts.ts).
 */
function isOneOfItsValues(fields: FieldMap, key: string, text: string, superseded: SupersededWrites): boolean {
  return writesApart(fields, key, superseded)?.some((item) => valueOf(item) === text) ?? false;
}

function definedFields(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((name) => record[name] !== undefined);
}

/**
 * Keeps the order list equal to `ids`: appending is the common case (a new record) and merges cleanly; any other
 * difference (a reorder, a removal) rewrites the list, and readers drop the duplicates that two concurrent
 * reorders can leave.
 */
function writeOrder(list: Y.Array<string>, current: readonly string[], ids: readonly string[]): void {
  if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
  const isPrefix = current.length <= ids.length && current.every((id, i) => id === ids[i]);
  if (isPrefix) {
    list.push(ids.slice(current.length));
    return;
  }
  list.delete(0, list.length);
  list.insert(0, [...ids]);
}

/** The collection's records in their order: each once, and any record the list misses (never expected) after. */
export function orderedIds(
  document: MergeableReview,
  collection: CollectionName,
  byId: { has(id: string): boolean; keys(): Iterable<string> },
): string[] {
  const seen = new Set<string>();
  for (const id of orderOf(document, collection).toArray()) if (byId.has(id)) seen.add(id);
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

/**
 * A field's value as text, as it reads (with `before`, as it read then): a time field the earliest or latest of its
 * concurrent values, any other the one shown.
 */
export function fieldTextOf(
  document: MergeableReview,
  fields: FieldMap,
  key: string,
  field: string,
  before?: HeldBefore,
): string | undefined {
  const superseded = supersededOf(document);
  const shown = readField(fields, key, superseded, before);
  const pick = TIME_FIELDS[field];
  if (shown === undefined || !pick) return shown;
  let chosen = shown;
  for (const item of currentWrites(fields, key, superseded, before)) {
    const text = valueOf(item);
    if (pick === 'latest' ? text > chosen : text < chosen) chosen = text;
  }
  return chosen;
}

/** A record's fields from a map, under `${id}|<field>` for a collection's record (no id: the review's own). */
function readFields(
  document: MergeableReview,
  fields: FieldMap,
  names: readonly string[],
  id?: string,
): Record<string, unknown> {
  if (id !== undefined && names.includes(WHOLE_RECORD)) return readWhole(document, fields, names, id);
  const values: Record<string, unknown> = {};
  // In name order: a map's own key order can differ with the order changes arrived in.
  for (const name of [...names].sort()) {
    const text = fieldTextOf(document, fields, id === undefined ? name : fieldKey(id, name), name);
    if (text !== undefined) values[name] = JSON.parse(text);
  }
  return values;
}

/** A record kept whole, with any field kept beside it (which only a damaged or hand-made document holds). */
function readWhole(
  document: MergeableReview,
  fields: FieldMap,
  names: readonly string[],
  id: string,
): Record<string, unknown> {
  const text = readField(fields, fieldKey(id, WHOLE_RECORD), supersededOf(document));
  const whole: unknown = text === undefined ? {} : JSON.parse(text);
  const others = names.filter((name) => name !== WHOLE_RECORD);
  return {
    ...(whole as Record<string, unknown>),
    ...(others.length ? readFields(document, fields, others, id) : {}),
  };
}
