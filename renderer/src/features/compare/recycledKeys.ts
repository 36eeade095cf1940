import type { GroupRange } from './groupHeights';

/**
 * The React keys of groups `[first, end)`, the groups in the page, given the keys `held` before: a group still drawn
 * keeps its key, a group coming in takes the key of a group that left in the same commit, or else the least key
 * unused. React then hands the leaving group's elements to the one coming in and rewrites their words in place,
 * rather than removing the one's rows and building the other's: a long comparison scrolled end to end otherwise
 * builds and throws away every row, and the collector's pauses for them (20 to 40 ms each) missed scroll frames.
 */
export function recycledKeys(held: ReadonlyMap<number, number>, { first, end }: GroupRange): Map<number, number> {
  const keys = new Map<number, number>();
  const released: number[] = [];
  for (const [group, key] of held) {
    if (group >= first && group < end) keys.set(group, key);
    else released.push(key);
  }
  const used = new Set(keys.values());
  let unused = 0;
  for (let group = first; group < end; group++) {
    if (keys.has(group)) continue;
    let key = released.pop();
    if (key === undefined) {
      while (used.has(unused)) unused++;
      key = unused;
    }
    used.add(key);
    keys.set(group, key);
  }
  return keys;
}
