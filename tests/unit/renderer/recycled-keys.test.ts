import { describe, expect, it } from 'vitest';
import { recycledKeys } from '../../../renderer/src/features/compare/recycledKeys';

/** The keys of groups `first` to `end - 1`, in order. */
const keysOf = (keys: Map<number, number>, first: number, end: number) =>
  Array.from({ length: end - first }, (_, at) => keys.get(first + at));

describe('the keys of the groups of rows in the page', () => {
  it('keeps a group’s key while it stays, and gives a group coming in the key of one that left', () => {
    const opened = recycledKeys(new Map(), { first: 0, end: 6 });
    expect(keysOf(opened, 0, 6)).toEqual([0, 1, 2, 3, 4, 5]);

    // Scrolled down by two groups: 0 and 1 leave, 6 and 7 come in with their keys.
    const scrolled = recycledKeys(opened, { first: 2, end: 8 });
    expect(keysOf(scrolled, 2, 6)).toEqual([2, 3, 4, 5]);
    expect(new Set(keysOf(scrolled, 6, 8))).toEqual(new Set([0, 1]));
    expect(scrolled.size).toBe(6);

    // The same groups again (a render of the same commit): the same keys.
    expect(recycledKeys(scrolled, { first: 2, end: 8 })).toEqual(scrolled);
  });

  it('gives every group drawn a key of its own, whether the page grows, shrinks or jumps', () => {
    let keys = recycledKeys(new Map(), { first: 0, end: 4 });
    for (const range of [
      { first: 0, end: 10 }, // grows: new keys
      { first: 7, end: 9 }, // shrinks
      { first: 500, end: 512 }, // jumps far: two keys reused, ten new
      { first: 505, end: 520 },
      { first: 0, end: 3 },
    ]) {
      keys = recycledKeys(keys, range);
      const drawn = keysOf(keys, range.first, range.end);
      expect(keys.size).toBe(range.end - range.first);
      expect(drawn.every((key) => key !== undefined)).toBe(true);
      expect(new Set(drawn).size).toBe(drawn.length);
    }
  });

  it('reuses every key that left before making a new one', () => {
    const before = recycledKeys(new Map(), { first: 0, end: 5 });
    const jumped = recycledKeys(before, { first: 100, end: 108 });
    // The five keys that left, then the least keys unused.
    expect(new Set(jumped.values())).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
  });
});
