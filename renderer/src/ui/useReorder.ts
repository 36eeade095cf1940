import { useEffect, useEffectEvent, useState } from 'react';

/**
 * The ids with `id` swapped for its nearest neighbour `by` places away that `isNeighbour` accepts (all by default,
 * e.g. only criteria of the same category), every other id left where it is; undefined when it is already at an end.
 */
export function swapWithNeighbour(
  ids: readonly string[],
  id: string,
  by: -1 | 1,
  isNeighbour: (index: number) => boolean = () => true,
): string[] | undefined {
  const from = ids.indexOf(id);
  let to = from + by;
  while (to >= 0 && to < ids.length && !isNeighbour(to)) to += by;
  if (from < 0 || to < 0 || to >= ids.length) return undefined;
  const swapped = [...ids];
  [swapped[from], swapped[to]] = [swapped[to]!, swapped[from]!];
  return swapped;
}

/**
 * Keeps focus on a moved item after its list is drawn again: on its button in the same direction, or on its
 * other one when the first no longer applies (it reached an end). `findItem` finds the item's element by id;
 * `list` is what the list is drawn from, so focus is placed once the new order shows.
 */
export function useReorder(
  findItem: (id: string) => Element | null | undefined,
  list: unknown,
): { focusAfterMove: (id: string, by: -1 | 1) => void } {
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1 }>();
  const find = useEffectEvent(findItem);
  useEffect(() => {
    if (!moved) return;
    const item = find(moved.id);
    const same = item?.querySelector<HTMLButtonElement>(`[data-move="${moved.by}"]:not(:disabled)`);
    const other = item?.querySelector<HTMLButtonElement>(`[data-move="${-moved.by}"]:not(:disabled)`);
    (same ?? other)?.focus();
  }, [moved, list]);
  return { focusAfterMove: (id, by) => setMoved({ id, by }) };
}
