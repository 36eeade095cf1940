import * as Y from 'yjs';
import { emptyMergeableReview, type MergeableReview } from '../../../shared/domain/merge/mergeable-review';

/**
 * A review's history as its file (and a package's `history.yjs`) holds it: the engine's updates in the order they
 * were written, each with the state it brings a document to (its state vector), so that a laptop takes in only the
 * chunks it lacks and never reads a whole history for a few changes:
 *
 *   "PRYH" 0x01                        magic and version
 *   then, for each chunk:
 *   u32 (big-endian) length, state     Y.encodeStateVector of the document once the chunk is in
 *   u32 (big-endian) length, update    Y.encodeStateAsUpdate since the chunk before (the first: the whole history)
 */
const MAGIC = Buffer.from('PRYH\x01', 'latin1');

export interface HistoryChunk {
  state: Uint8Array;
  update: Uint8Array;
}

/** A history's bytes as it loads (its chunks), and the state they bring a document to. */
export interface SavedHistory {
  bytes: Uint8Array;
  state: Uint8Array;
}

function isHistoryOfYjs(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

/** A history's chunks; throws a RangeError for bytes that are not a history of this format, or are cut short. */
export function historyChunks(bytes: Uint8Array): HistoryChunk[] {
  if (!isHistoryOfYjs(bytes)) throw new RangeError('not a history of this format');
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: HistoryChunk[] = [];
  let at = MAGIC.length;
  const part = () => {
    if (at + 4 > view.length) throw new RangeError('a history cut short');
    const length = view.readUInt32BE(at);
    at += 4;
    if (at + length > view.length) throw new RangeError('a history cut short');
    const bytesOfPart = bytes.subarray(at, at + length);
    at += length;
    return bytesOfPart;
  };
  while (at < view.length) chunks.push({ state: part(), update: part() });
  if (chunks.length === 0) throw new RangeError('an empty history');
  return chunks;
}

function encodedChunk({ state, update }: HistoryChunk): Buffer {
  const lengths = (n: number) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(n);
    return head;
  };
  return Buffer.concat([lengths(state.length), state, lengths(update.length), update]);
}

/** A history's bytes from its chunks. */
export function historyOfChunks(chunks: readonly HistoryChunk[]): Uint8Array {
  return Buffer.concat([MAGIC, ...chunks.map(encodedChunk)]);
}

/** The whole history of a document, as one chunk. */
export function wholeHistory(document: MergeableReview): SavedHistory {
  const state = Y.encodeStateVector(document);
  return { bytes: historyOfChunks([{ state, update: Y.encodeStateAsUpdate(document) }]), state };
}

/**
 * The bytes of `document`, a history that has moved on from `saved`: those bytes, then the chunks it took in from
 * another laptop's history as they came (`arrived`, a merge's), then what this laptop wrote since as a chunk of its
 * own: a few milliseconds, where encoding the whole history takes a third of a second at 10,000 annotations. The
 * whole history again once the chunks are many, or what follows `saved` is larger than it, so that they do not pile up.
 */
export function historyAfter(
  document: MergeableReview,
  saved: SavedHistory | undefined,
  arrived: readonly HistoryChunk[] = [],
): SavedHistory {
  if (!saved) return wholeHistory(document);
  const state = Y.encodeStateVector(document);
  if (sameState(state, saved.state)) return saved;
  const taken = Y.encodeStateVector(stateHolding([saved.state, ...arrived.map((chunk) => chunk.state)]));
  const own = sameState(state, taken) ? [] : [{ state, update: Y.encodeStateAsUpdate(document, taken) }];
  const after = [...arrived, ...own];
  const added = after.reduce((bytes, chunk) => bytes + chunk.update.length, 0);
  if (added > saved.bytes.length || historyChunks(saved.bytes).length + after.length > MAX_CHUNKS)
    return wholeHistory(document);
  return { bytes: Buffer.concat([saved.bytes, ...after.map(encodedChunk)]), state };
}

/** How many chunks a history holds at most before it is written whole again (each repeats what was deleted). */
const MAX_CHUNKS = 12;

function sameState(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

/** A document holding no items but a state that holds each of `states`: what they hold together. */
function stateHolding(states: readonly Uint8Array[]): Map<number, number> {
  const held = new Map<number, number>();
  for (const state of states)
    for (const [client, clock] of Y.decodeStateVector(state)) held.set(client, Math.max(held.get(client) ?? 0, clock));
  return held;
}

/** A history's bytes read into a new document (as this laptop will write it: under a client of its own). */
export function loadHistory(bytes: Uint8Array): MergeableReview {
  const document = emptyMergeableReview();
  Y.transact(document, () => {
    for (const { update } of historyChunks(bytes)) Y.applyUpdate(document, update);
  });
  if (document.store.pendingStructs || document.store.pendingDs) throw new RangeError('a history that lacks changes');
  return document;
}

/**
 * The chunks of a history that `document` lacks, in their order: each that brings some writer further than the
 * document has them. A chunk it does not lack holds nothing it has not (a writer's changes are numbered one after
 * another), and every chunk stands on the ones before it, so these are all it lacks.
 */
export function lackedChunks(document: MergeableReview, chunks: readonly HistoryChunk[]): HistoryChunk[] {
  const held = Y.decodeStateVector(Y.encodeStateVector(document));
  return chunks.filter((chunk) =>
    [...Y.decodeStateVector(chunk.state)].some(([client, clock]) => clock > (held.get(client) ?? 0)),
  );
}
