import type * as Y from 'yjs';

/**
 * Multi-value registers on Yjs maps: for each key, the values written without knowledge of each other, which are a
 * conflict for a person to decide until one write replaces them all.
 *
 * Yjs keeps every value ever written under a key (with garbage collection off), each with the value its writer saw
 * as current (its `origin`), and shows one of those no later write was made on top of, the same on every laptop.
 * Those writes are the concurrent values, with one gap: a write made by someone who saw a conflict names only the
 * value Yjs showed them, not the others it replaces. So each write, and each clear, also records in a map of its own
 * (`superseded`, one per document) the other values it replaces; those marks are what tell a decided conflict from
 * an open one on every laptop that has both.
 *
 * Values are strings (the app's canonical JSON), so equal values are equal text everywhere.
 */
export type FieldMap = Y.Map<string>;
export type SupersededWrites = Y.Map<true>;

/** What a document held before a transaction (its state vector), for reading a key as it read before changes arrived. */
export interface HeldBefore {
  state: Map<number, number>;
}

/** A write's id, `<client>:<clock>` of its value: the same on every laptop. */
export function writeIdOf(item: Y.Item): string {
  return idText(item.id.client, item.id.clock + item.length - 1);
}

function idText(client: number, clock: number): string {
  return `${client}:${clock}`;
}

/** A write's value: the last of its item's (a writer's successive writes of one key can be kept as one item). */
export function valueOf(item: Y.Item): string {
  return item.content.getContent().at(-1) as string;
}

/** Every write ever made under `key`, newest place first. */
function writesOf(map: FieldMap, key: string): Y.Item[] {
  const writes: Y.Item[] = [];
  for (let item: Y.Item | null = map._map.get(key) ?? null; item; item = item.left) writes.push(item);
  return writes;
}

/** Whether an item was in the document before the transaction `before` describes (all are, without one). */
function heldAt(item: Y.Item, before: HeldBefore | undefined): boolean {
  return !before || item.id.clock < (before.state.get(item.id.client) ?? 0);
}

/**
 * The writes of `key` that no later write was made on top of, and that no later write said it replaced: one where
 * the field has a value, two or more where laptops wrote it apart, none where it was never written or was cleared.
 * Newest place first. With `before`, as they were then.
 */
export function currentWrites(map: FieldMap, key: string, superseded: SupersededWrites, before?: HeldBefore): Y.Item[] {
  const writes = writesOf(map, key).filter((item) => heldAt(item, before));
  const madeOn = new Set<string>();
  for (const item of writes) if (item.origin) madeOn.add(idText(item.origin.client, item.origin.clock));
  return writes.filter((item) => {
    const id = writeIdOf(item);
    return !madeOn.has(id) && !isMarked(superseded, id, before);
  });
}

/**
 * The current writes of `key` when they hold two or more different values (an open conflict); none when it holds
 * one value, or none. A key written once never holds two: it is answered at once.
 */
export function writesApart(map: FieldMap, key: string, superseded: SupersededWrites): Y.Item[] | undefined {
  if (!map._map.get(key)?.left) return undefined;
  const writes = currentWrites(map, key, superseded);
  return new Set(writes.map(valueOf)).size < 2 ? undefined : writes;
}

/** Whether a write is marked as replaced (with `before`, by a mark the document held then). */
function isMarked(superseded: SupersededWrites, id: string, before: HeldBefore | undefined): boolean {
  if (!before) return superseded.has(id);
  const mark = superseded._map.get(id);
  for (let item: Y.Item | null = mark ?? null; item; item = item.left) if (heldAt(item, before)) return true;
  return false;
}

/** Writes `value` under `key`, replacing every value the key holds (a conflict is decided by it). */
export function setField(map: FieldMap, key: string, value: string, superseded: SupersededWrites): void {
  transactIn(map, () => {
    const shown = map._map.get(key);
    for (const item of currentWrites(map, key, superseded)) if (item !== shown) superseded.set(writeIdOf(item), true);
    map.set(key, value);
  });
}

/** Clears `key`, with every value it holds. */
export function deleteField(map: FieldMap, key: string, superseded: SupersededWrites): void {
  transactIn(map, () => {
    for (const item of currentWrites(map, key, superseded)) superseded.set(writeIdOf(item), true);
    map.delete(key);
  });
}

/**
 * The value `key` reads as: its one value; where laptops wrote it apart (a conflict), the greatest of their values as
 * text, so that it reads the same on every laptop and in every merge of the same writes, whichever Yjs client wrote
 * them (each load of a history writes as a client of its own). A clear does not undo a write it never saw: that write
 * is the value. With `before`, as it read then.
 */
export function readField(
  map: FieldMap,
  key: string,
  superseded: SupersededWrites,
  before?: HeldBefore,
): string | undefined {
  const last = map._map.get(key);
  if (!last) return undefined;
  // The common case, read at once: a key written once and never cleared (a clear deletes what it clears).
  if (!last.left && !last.deleted && heldAt(last, before)) return valueOf(last);
  let value: string | undefined;
  for (const item of currentWrites(map, key, superseded, before)) {
    const text = valueOf(item);
    if (value === undefined || text > value) value = text;
  }
  return value;
}

/** Runs `write` in the map's document's transaction (one, whether or not the caller began one). */
function transactIn(map: FieldMap, write: () => void): void {
  const doc = map.doc;
  if (doc) doc.transact(write);
  else write();
}
