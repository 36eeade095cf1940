/** A row's height before any row of its list has been laid out: about a paragraph side by side. */
const ROW_PX_GUESS = 120;

/**
 * The heights of a list's groups of rows as they were last laid out, so a group out of view keeps its room to the
 * pixel and the scroll bar stays true. A group never laid out is given its rows times the rows' mean height so far.
 */
export class GroupHeights {
  private readonly measured: Float64Array;
  private rowsMeasured = 0;
  private pxMeasured = 0;
  private readonly offsetsNow: Float64Array;
  private offsetsStale = true;
  /** The rows of every group. */
  readonly rowCount: number;

  constructor(private readonly groupSizes: readonly number[]) {
    this.measured = new Float64Array(groupSizes.length).fill(Number.NaN);
    this.offsetsNow = new Float64Array(groupSizes.length + 1);
    this.rowCount = groupSizes.reduce((sum, size) => sum + size, 0);
  }

  get count(): number {
    return this.groupSizes.length;
  }

  /** Records group `g`'s height as laid out. */
  record(g: number, px: number): void {
    const was = this.measured[g]!;
    if (was === px) return;
    if (Number.isNaN(was)) this.rowsMeasured += this.groupSizes[g]!;
    else this.pxMeasured -= was;
    this.pxMeasured += px;
    this.measured[g] = px;
    this.offsetsStale = true;
  }

  /**
   * Where each group starts, and after the last one the list's height: `count + 1` offsets. The same array every
   * time, brought up to date in place once a height is recorded: the list asks at every step of a scroll, and a new
   * array each time (17 KB at 500 pages, held outside the script heap) made the collector run during the scroll.
   */
  offsets(): Float64Array {
    const offsets = this.offsetsNow;
    if (!this.offsetsStale) return offsets;
    const rowPx = this.rowsMeasured > 0 ? this.pxMeasured / this.rowsMeasured : ROW_PX_GUESS;
    for (let g = 0; g < this.count; g++) {
      const px = this.measured[g]!;
      offsets[g + 1] = offsets[g]! + (Number.isNaN(px) ? this.groupSizes[g]! * rowPx : px);
    }
    this.offsetsStale = false;
    return offsets;
  }
}

/** Groups `[first, end)`, in list order. */
export interface GroupRange {
  first: number;
  end: number;
}

/** The groups that `[top, bottom)` (pixels from the list's top) falls on, at least one when there are any. */
export function groupsCovering(offsets: Float64Array, top: number, bottom: number): GroupRange {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, end: 0 };
  // The first group ending below `top`; the groups up to the first starting at or below `bottom`.
  const first = Math.min(count - 1, firstIndex(offsets, 1, (y) => y > top) - 1);
  const end = Math.max(
    first + 1,
    Math.min(
      count,
      firstIndex(offsets, 0, (y) => y >= bottom),
    ),
  );
  return { first, end };
}

/** The least index `i >= from` whose offset passes `test` (which, once true, stays true), or `offsets.length`. */
function firstIndex(offsets: Float64Array, from: number, test: (y: number) => boolean): number {
  let low = from;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(offsets[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

const heightsByList = new WeakMap<object, Map<string, GroupHeights>>();

/**
 * The heights kept for `rows` (a comparison's rows, or its changes) in `layout`: they outlive the list's drawing, so
 * "Changes only" off again, or the other layout and back, returns to where the list was scrolled to.
 */
export function heightsFor(rows: object, layout: string, groupSizes: readonly number[]): GroupHeights {
  let byLayout = heightsByList.get(rows);
  if (!byLayout) heightsByList.set(rows, (byLayout = new Map()));
  let heights = byLayout.get(layout);
  if (!heights) byLayout.set(layout, (heights = new GroupHeights(groupSizes)));
  return heights;
}
