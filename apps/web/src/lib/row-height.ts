/**
 * The rows' height in px: tokens.css's --row-height, which the rows' CSS uses too, read once
 * from the computed style. The token stays the one place that says it (a TS constant writing
 * the property would put it in two languages). It is there before any table renders: main.tsx
 * imports tokens.css first, and module scripts run once the page's stylesheets have loaded.
 */
let rowHeight: number | undefined;
export function getRowHeight(): number {
  if (rowHeight === undefined) {
    const value = getComputedStyle(document.documentElement).getPropertyValue('--row-height');
    const px = Number.parseFloat(value);
    if (!(px > 0)) throw new Error(`--row-height is not a length in px: "${value}"`);
    rowHeight = px;
  }
  return rowHeight;
}
