import { describe, expect, it } from 'vitest';
import { GroupHeights, groupsCovering, heightsFor } from '../../../renderer/src/features/compare/groupHeights';

describe('the heights of a comparison’s groups of rows', () => {
  it('gives a group never laid out its rows times the mean row height laid out so far', () => {
    const heights = new GroupHeights([4, 4, 2]);
    expect(heights.count).toBe(3);
    expect(heights.rowCount).toBe(10);
    // Before any is laid out: a guess per row, the same for every row.
    const guessed = heights.offsets();
    expect(guessed[1]! * 2).toBe(guessed[2]);
    expect(guessed[3]! - guessed[2]!).toBe(guessed[1]! / 2);

    heights.record(0, 400); // 100 px a row
    expect(Array.from(heights.offsets())).toEqual([0, 400, 800, 1000]);
    heights.record(1, 200); // now 75 px a row on the mean
    expect(Array.from(heights.offsets())).toEqual([0, 400, 600, 750]);
    // Laid out again at another height (a narrower window, say): the newer height counts, once.
    heights.record(0, 200);
    expect(Array.from(heights.offsets())).toEqual([0, 200, 400, 500]);
  });

  it('finds the groups a stretch of the list falls on, at least one', () => {
    const offsets = Float64Array.from([0, 100, 250, 300, 600]);
    expect(groupsCovering(offsets, 0, 100)).toEqual({ first: 0, end: 1 });
    expect(groupsCovering(offsets, 120, 260)).toEqual({ first: 1, end: 3 });
    expect(groupsCovering(offsets, 299, 301)).toEqual({ first: 2, end: 4 });
    // Beyond either end: the nearest group; everything: every group.
    expect(groupsCovering(offsets, 900, 1000)).toEqual({ first: 3, end: 4 });
    expect(groupsCovering(offsets, -500, -100)).toEqual({ first: 0, end: 1 });
    expect(groupsCovering(offsets, -Infinity, Infinity)).toEqual({ first: 0, end: 4 });
    expect(groupsCovering(Float64Array.from([0]), 0, 100)).toEqual({ first: 0, end: 0 });
  });

  it('keeps the heights of each list and layout for when it shows again', () => {
    const rows = [{}, {}];
    const sideBySide = heightsFor(rows, 'side-by-side', [2]);
    sideBySide.record(0, 300);
    expect(heightsFor(rows, 'side-by-side', [2])).toBe(sideBySide);
    expect(heightsFor(rows, 'inline', [2])).not.toBe(sideBySide);
    expect(heightsFor([{}, {}], 'side-by-side', [2])).not.toBe(sideBySide);
  });
});
