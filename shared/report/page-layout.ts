/**
 * The printed report's page, in millimetres: the HTML template lays the page out with these numbers and the
 * PDF export puts its signature fields where the template left room for them, so the two always agree.
 */
export const PAGE_MM = { width: 210, height: 297, top: 22, right: 20, bottom: 20, left: 20 } as const;

/** The last page: a heading and a short text (in a box of fixed height), then the signature slots. */
export const SIGNATURE_PAGE_MM = {
  head: 32,
  columns: 2,
  rows: 5,
  slotWidth: 81,
  slotHeight: 28,
  columnGap: 8,
  rowGap: 5,
} as const;

export const MAX_SIGNATURE_SLOTS = SIGNATURE_PAGE_MM.columns * SIGNATURE_PAGE_MM.rows;

/** How many signature slots a report keeps free: one per committee member and one more, 3 to 10. */
export function signatureSlotCount(committeeSize: number): number {
  return Math.min(MAX_SIGNATURE_SLOTS, Math.max(3, committeeSize + 1));
}

export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const POINTS_PER_MM = 72 / 25.4;

/**
 * Where signature slot `index` (0-based, filled row by row) sits on the last page, in PDF points with the
 * origin at the bottom left, as the signature fields need it.
 */
export function signatureSlotRect(index: number): PdfRect {
  const s = SIGNATURE_PAGE_MM;
  const column = index % s.columns;
  const row = Math.floor(index / s.columns);
  const leftMm = PAGE_MM.left + column * (s.slotWidth + s.columnGap);
  const topMm = PAGE_MM.top + s.head + row * (s.slotHeight + s.rowGap);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    x: round(leftMm * POINTS_PER_MM),
    y: round((PAGE_MM.height - topMm - s.slotHeight) * POINTS_PER_MM),
    width: round(s.slotWidth * POINTS_PER_MM),
    height: round(s.slotHeight * POINTS_PER_MM),
  };
}
