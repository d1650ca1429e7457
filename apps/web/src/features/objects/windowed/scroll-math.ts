/**
 * The windowed listing's scrollbar: its height stands for the whole (estimated) folder, at a
 * fixed 10 M px (Chromium stops laying out above ~33 M px), scaled. A scroll position is a fraction of the
 * range, mapped to the rank of the row at the top; wheel and keys move by rows instead.
 */
export const MAX_SCROLL_PX = 10_000_000;

export type ScrollGeometry = { total: number; rowHeight: number; clientHeight: number };

/**
 * Always the cap: a height that never changes is never clamped by the browser (whose scroll
 * events would read as a drag), whatever the estimate does. Wheel and keys go by rows anyway.
 */
export function scrollHeightFor(_g: ScrollGeometry): number {
  return MAX_SCROLL_PX;
}

/** Rows that fit the viewport (fractional). */
export function viewRowsOf({ rowHeight, clientHeight }: ScrollGeometry): number {
  return clientHeight / rowHeight;
}

/** The rank at the top for a scroll position. */
export function topFromScroll(scrollTop: number, g: ScrollGeometry): number {
  const range = scrollHeightFor(g) - g.clientHeight;
  const ranks = g.total - viewRowsOf(g);
  if (range <= 0 || ranks <= 0) return 0;
  return (Math.min(Math.max(scrollTop, 0), range) / range) * ranks;
}

/** The scroll position for a rank at the top. */
export function scrollFromTop(top: number, g: ScrollGeometry): number {
  const range = scrollHeightFor(g) - g.clientHeight;
  const ranks = g.total - viewRowsOf(g);
  if (range <= 0 || ranks <= 0) return 0;
  return (Math.min(Math.max(top, 0), ranks) / ranks) * range;
}
