export interface SpanningCell<T> {
  cell: T;
  colSpan: number;
  rowSpan: number;
}

export interface PlacedCell<T> {
  cell: T;
  row: number;
  column: number;
}

interface RowSpan {
  from: number;
  to: number;
  /** The first row it no longer covers. */
  untilRow: number;
}

/**
 * Gives each cell its row and column in the table's grid, as a browser lays it out: a cell spanning several
 * columns pushes the next cell right, and a cell spanning several rows takes its columns in the rows below.
 */
export function placeCells<T>(rows: readonly (readonly SpanningCell<T>[])[]): PlacedCell<T>[] {
  const placed: PlacedCell<T>[] = [];
  let spans: RowSpan[] = [];
  for (const [row, cells] of rows.entries()) {
    const above = spans.filter((span) => span.untilRow > row);
    spans = [...above];
    let column = 0;
    for (const { cell, colSpan, rowSpan } of cells) {
      column = firstFreeColumn(column, above);
      placed.push({ cell, row, column });
      if (rowSpan > 1) spans.push({ from: column, to: column + colSpan, untilRow: row + rowSpan });
      column += colSpan;
    }
  }
  return placed;
}

function firstFreeColumn(column: number, above: readonly RowSpan[]): number {
  let free = column;
  for (let covering = coveringSpan(free, above); covering; covering = coveringSpan(free, above)) free = covering.to;
  return free;
}

function coveringSpan(column: number, spans: readonly RowSpan[]): RowSpan | undefined {
  return spans.find((span) => span.from <= column && column < span.to);
}
