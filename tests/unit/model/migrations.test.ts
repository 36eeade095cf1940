import { describe, expect, it } from 'vitest';
import { runMigrations, type Migration } from '../../../shared/model';

/** Steps 0→1→2→3 that each record that they ran, so the order is visible in the result. */
const STEPS: Migration[] = [
  { from: 0, name: '0001-add-steps', up: (doc) => ({ ...doc, steps: ['0001'] }) },
  { from: 1, name: '0002-second', up: (doc) => ({ ...doc, steps: [...(doc.steps as string[]), '0002'] }) },
  { from: 2, name: '0003-third', up: (doc) => ({ ...doc, steps: [...(doc.steps as string[]), '0003'] }) },
];

describe('runMigrations', () => {
  it('applies the numbered steps from the file’s version up to the current one, in order', () => {
    const outcome = runMigrations({ schemaVersion: 0, title: 'Old' }, 3, STEPS);
    expect(outcome).toEqual({
      kind: 'migrated',
      fromVersion: 0,
      applied: ['0001-add-steps', '0002-second', '0003-third'],
      document: { schemaVersion: 3, title: 'Old', steps: ['0001', '0002', '0003'] },
    });
  });

  it('applies the steps in order even when they are listed out of order', () => {
    const outcome = runMigrations({ schemaVersion: 0 }, 3, [...STEPS].reverse());
    expect(outcome).toMatchObject({ kind: 'migrated', applied: ['0001-add-steps', '0002-second', '0003-third'] });
  });

  it('starts from the file’s own version, skipping the steps below it', () => {
    const outcome = runMigrations({ schemaVersion: 1, steps: ['0001'] }, 3, STEPS);
    expect(outcome).toMatchObject({ kind: 'migrated', fromVersion: 1, applied: ['0002-second', '0003-third'] });
  });

  it('refuses to skip a missing step, naming the versions it cannot bridge', () => {
    const withGap = STEPS.filter((step) => step.from !== 1);
    expect(runMigrations({ schemaVersion: 0 }, 3, withGap)).toEqual({
      kind: 'invalid',
      reason: 'no migration is known from format version 1 to 2',
    });
  });

  it('returns a document of the current version as it is', () => {
    const document = { schemaVersion: 3, title: 'Now' };
    expect(runMigrations(document, 3, STEPS)).toEqual({ kind: 'current', document });
  });

  it('reports a document from a newer version as newer, with its version', () => {
    expect(runMigrations({ schemaVersion: 4, extra: true }, 3, STEPS)).toEqual({ kind: 'newer', fileVersion: 4 });
  });

  it.each([
    ['missing', { title: 'No version' }],
    ['a string', { schemaVersion: '1' }],
    ['negative', { schemaVersion: -1 }],
    ['a fraction', { schemaVersion: 1.5 }],
  ])('reports a document whose schemaVersion is %s as invalid', (_, document) => {
    expect(runMigrations(document, 3, STEPS)).toEqual({
      kind: 'invalid',
      reason: 'it has no valid "schemaVersion" field',
    });
  });

  it.each([null, [], 'text', 42])('reports %j, which is not an object, as invalid', (document) => {
    expect(runMigrations(document, 3, STEPS)).toMatchObject({ kind: 'invalid' });
  });

  it('does not change the document it is given, even when a step changes its input in place', () => {
    const mutating: Migration[] = [
      {
        from: 0,
        name: '0001-in-place',
        up(doc) {
          (doc.nested as { list: number[] }).list.push(99);
          doc.title = 'changed';
          return doc;
        },
      },
    ];
    const document = { schemaVersion: 0, title: 'original', nested: { list: [1, 2] } };
    const before = structuredClone(document);
    const outcome = runMigrations(document, 1, mutating);
    expect(outcome).toMatchObject({ kind: 'migrated', document: { title: 'changed', nested: { list: [1, 2, 99] } } });
    expect(document).toEqual(before);
  });
});
