import * as Automerge from '@automerge/automerge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  currentWrites,
  deleteField,
  readField,
  setField,
  valueOf,
  type FieldMap,
  type SupersededWrites,
} from '../../../../shared/domain/merge/registers';

// Multi-value registers on Yjs, held to Automerge as the oracle: random scripts of writes, clears, "keep one side"
// of a conflict and exchanges on several laptops; after every step, on every laptop, each key holds the same set of
// values in both (two or more where laptops wrote it apart), shows a value where Automerge shows one, and every
// laptop reads alike once all have exchanged.

const KEYS = ['title', 'severity', 'email'] as const;
const VALUES = ['"low"', '"high"', '"info"', '"critical"'];

type Step =
  | { kind: 'write'; laptop: number; key: (typeof KEYS)[number]; value: string }
  | { kind: 'clear'; laptop: number; key: (typeof KEYS)[number] }
  | { kind: 'keep'; laptop: number; key: (typeof KEYS)[number]; side: number }
  | { kind: 'send'; laptop: number; to: number };

interface OracleShape {
  fields: Record<string, Automerge.ImmutableString>;
}

/** One laptop, in both engines. */
interface Laptop {
  oracle: Automerge.Doc<OracleShape>;
  doc: Y.Doc;
}

const fieldsOf = (doc: Y.Doc): FieldMap => doc.getMap('fields');
const supersededOf = (doc: Y.Doc): SupersededWrites => doc.getMap('superseded');

/**
 * Automerge's values of a key (its conflicting values, or the one it holds), each once: two laptops that wrote the
 * same value apart do not disagree, and the app shows no conflict there.
 */
function oracleValues(oracle: Automerge.Doc<OracleShape>, key: string): string[] {
  const sides = Automerge.getConflicts(oracle.fields, key);
  if (sides) return distinct(Object.values(sides).map((side) => String(side)));
  const value = oracle.fields[key];
  return value === undefined ? [] : [value.val];
}

function registerValues(doc: Y.Doc, key: string): string[] {
  return distinct(currentWrites(fieldsOf(doc), key, supersededOf(doc)).map(valueOf));
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function laptops(count: number): Laptop[] {
  const base = Automerge.change(Automerge.init<OracleShape>({ actor: 'aa' }), (d) => {
    d.fields = {};
  });
  return Array.from({ length: count }, (_, at) => {
    const doc = new Y.Doc({ gc: false });
    doc.clientID = at + 1;
    return { oracle: Automerge.clone(base, { actor: `0${at + 1}` }), doc };
  });
}

/**
 * What `from` holds taken into `to`, in both engines. Automerge is read from its own bytes: in memory it can take a
 * deletion in wrongly (see merge-reviews.ts, readFromItsBytes).
 */
function send(from: Laptop, to: Laptop): void {
  if (from === to) return;
  const actor = Automerge.getActorId(to.oracle);
  to.oracle = Automerge.load(Automerge.save(Automerge.merge(Automerge.clone(to.oracle), from.oracle)), { actor });
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)));
}

function act(laptop: Laptop, step: Exclude<Step, { kind: 'send' }>): void {
  const [fields, superseded] = [fieldsOf(laptop.doc), supersededOf(laptop.doc)];
  const held = oracleValues(laptop.oracle, step.key);
  if (step.kind === 'clear') {
    if (held.length === 0) return;
    laptop.oracle = Automerge.change(laptop.oracle, (d) => {
      delete d.fields[step.key];
    });
    deleteField(fields, step.key, superseded);
    return;
  }
  // Keeping a side writes it anew, as the app's decision does; a write of the one value a field holds (from one
  // laptop or several) is none, as the app records only what differs.
  const value = step.kind === 'keep' ? held[step.side % Math.max(held.length, 1)] : step.value;
  if (value === undefined || (held.length === 1 && held[0] === value)) return;
  if (step.kind === 'keep' && held.length < 2) return;
  laptop.oracle = Automerge.change(laptop.oracle, (d) => {
    // Automerge records a write of the value it shows, over a conflict, as the other values removed rather than as a
    // write, so a change of that value made apart later by its author would replace the decision outright, where
    // the issue asks for a conflict (both changed the field). Written through a placeholder, it is a write.
    if (laptop.oracle.fields[step.key]?.val === value)
      d.fields[step.key] = new Automerge.ImmutableString('placeholder');
    d.fields[step.key] = new Automerge.ImmutableString(value);
  });
  setField(fields, step.key, value, superseded);
}

function expectAlike(laptop: Laptop, where: string): void {
  for (const key of KEYS) {
    const expected = oracleValues(laptop.oracle, key);
    expect(registerValues(laptop.doc, key), `${where}, ${key}`).toEqual(expected);
    const shown = readField(fieldsOf(laptop.doc), key, supersededOf(laptop.doc));
    if (expected.length === 1) expect(shown, `${where}, ${key} shown`).toBe(expected[0]);
    else expect(shown === undefined, `${where}, ${key} shown`).toBe(expected.length === 0);
  }
}

function run(count: number, steps: Step[]): void {
  const all = laptops(count);
  steps.forEach((step, at) => {
    const laptop = all[step.laptop % count]!;
    if (step.kind === 'send') send(laptop, all[step.to % count]!);
    else act(laptop, step);
    expectAlike(laptop, `step ${at}`);
    if (step.kind === 'send') expectAlike(all[step.to % count]!, `step ${at}, receiver`);
  });
  for (const from of all) for (const to of all) send(from, to);
  for (const laptop of all) expectAlike(laptop, 'at the end');
  const readings = all.map((laptop) =>
    KEYS.map((key) => [
      registerValues(laptop.doc, key),
      readField(fieldsOf(laptop.doc), key, supersededOf(laptop.doc)),
    ]),
  );
  for (const reading of readings) expect(reading).toEqual(readings[0]);
}

const key = fc.constantFrom(...KEYS);
const stepOn = (laptops: number): fc.Arbitrary<Step> => {
  const laptop = fc.nat(laptops - 1);
  return fc.oneof(
    fc.record({ kind: fc.constant('write' as const), laptop, key, value: fc.constantFrom(...VALUES) }),
    fc.record({ kind: fc.constant('clear' as const), laptop, key }),
    fc.record({ kind: fc.constant('keep' as const), laptop, key, side: fc.nat(3) }),
    fc.record({ kind: fc.constant('send' as const), laptop, to: fc.nat(laptops - 1) }),
  );
};

describe('multi-value registers on Yjs', () => {
  it('hold the values Automerge holds, three laptops', () => {
    fc.assert(
      fc.property(fc.array(stepOn(3), { maxLength: 40, size: 'max' }), (steps) => run(3, steps)),
      { numRuns: 200 },
    );
  });

  it('hold the values Automerge holds, four laptops and longer scripts', () => {
    fc.assert(
      fc.property(fc.array(stepOn(4), { maxLength: 80, size: 'max' }), (steps) => run(4, steps)),
      { numRuns: 60 },
    );
  });

  it('keep a decided conflict decided on a laptop that saw the conflict arise elsewhere', () => {
    const [chair, legal, privacy] = laptops(3);
    act(chair!, { kind: 'write', laptop: 0, key: 'severity', value: '"low"' });
    act(legal!, { kind: 'write', laptop: 1, key: 'severity', value: '"high"' });
    send(chair!, privacy!);
    send(legal!, privacy!);
    expect(registerValues(privacy!.doc, 'severity')).toEqual(['"high"', '"low"']);
    // The privacy officer keeps the chair's value; the legal advisor then hears from her alone.
    act(privacy!, { kind: 'write', laptop: 2, key: 'severity', value: '"low"' });
    send(privacy!, legal!);
    expect(registerValues(legal!.doc, 'severity')).toEqual(['"low"']);
    expect(readField(fieldsOf(legal!.doc), 'severity', supersededOf(legal!.doc))).toBe('"low"');
  });

  it('read a write made apart from a clear, on either side', () => {
    const [chair, legal] = laptops(2);
    act(chair!, { kind: 'write', laptop: 0, key: 'email', value: '"a"' });
    send(chair!, legal!);
    act(chair!, { kind: 'clear', laptop: 0, key: 'email' });
    act(legal!, { kind: 'write', laptop: 1, key: 'email', value: '"b"' });
    send(chair!, legal!);
    send(legal!, chair!);
    for (const laptop of [chair!, legal!]) {
      expect(registerValues(laptop.doc, 'email')).toEqual(['"b"']);
      expect(readField(fieldsOf(laptop.doc), 'email', supersededOf(laptop.doc))).toBe('"b"');
    }
  });

  it('read a key as it read before changes arrived, while they are taken in', () => {
    const [chair, legal] = laptops(2);
    act(chair!, { kind: 'write', laptop: 0, key: 'email', value: '"a"' });
    act(chair!, { kind: 'write', laptop: 0, key: 'title', value: '"t"' });
    send(chair!, legal!);
    act(chair!, { kind: 'write', laptop: 0, key: 'email', value: '"b"' });
    act(chair!, { kind: 'clear', laptop: 0, key: 'title' });
    act(legal!, { kind: 'write', laptop: 1, key: 'email', value: '"c"' });
    const readings: Record<string, unknown> = {};
    legal!.doc.once('afterTransaction', (transaction: Y.Transaction) => {
      const before = { state: transaction.beforeState };
      const [fields, superseded] = [fieldsOf(legal!.doc), supersededOf(legal!.doc)];
      for (const key of ['email', 'title'])
        readings[key] = [
          readField(fields, key, superseded, before),
          currentWrites(fields, key, superseded, before).map(valueOf),
          readField(fields, key, superseded),
        ];
    });
    send(chair!, legal!);
    expect(readings).toEqual({ email: ['"c"', ['"c"'], expect.any(String)], title: ['"t"', ['"t"'], undefined] });
    expect(registerValues(legal!.doc, 'email')).toEqual(['"b"', '"c"']);
  });
});
