import { useEffect, type RefObject } from 'react';
import { clearPendingRow, focusListing, onFocusLost, pendingRow } from '@/lib/grid-focus';
import type { ListingEntry } from '../utils/listing-entries';

const ROW = '[role="row"][data-index]';

const focusLost = () => document.activeElement === null || document.activeElement === document.body;

/** A row's own control to focus: its name link. */
function rowTarget(row: Element | null): HTMLElement | null {
  return row?.querySelector<HTMLElement>('a[href]') ?? null;
}

/**
 * Keeps the focus in the grid when what held it goes: a row deleted under the focus (or with a
 * dialog's opener in it) gives it to the row now at its place, or the one before (the last row
 * went), or the grid's body; a row asked for (focusRowWhenShown) takes it once loaded.
 */
export function useGridFocus(
  body: RefObject<HTMLDivElement | null>,
  entries: readonly ListingEntry[],
  scrollToIndex: (index: number) => void,
): void {
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    // The grid's last focused control and the row it was in.
    let last: { target: Element; index: number } | null = null;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as Element;
      const row = target.closest(ROW);
      if (row) last = { target, index: Number(row.getAttribute('data-index')) };
    };
    const rescue = () => {
      if (!focusLost() || !last || last.target.isConnected) return;
      const { index } = last;
      const row =
        el.querySelector(`[data-index="${String(index)}"]`) ??
        el.querySelector(`[data-index="${String(index - 1)}"]`);
      (rowTarget(row) ?? el).focus({ preventScroll: true });
    };
    el.addEventListener('focusin', onFocusIn);
    const observer = new MutationObserver(rescue);
    observer.observe(el, { childList: true, subtree: true });
    const off = onFocusLost(() => {
      if (!focusLost()) return;
      if (last && !last.target.isConnected) rescue();
      else (rowTarget(el.querySelector(ROW)) ?? el).focus({ preventScroll: true });
    });
    return () => {
      el.removeEventListener('focusin', onFocusIn);
      observer.disconnect();
      off();
      // The grid went with the focus in it (its last row deleted): the empty folder's button.
      if (last && !last.target.isConnected) requestAnimationFrame(focusListing);
    };
  }, [body]);

  // A row asked for: scrolled to, then focused once it is rendered.
  useEffect(() => {
    const key = pendingRow();
    if (key === null) return;
    const index = entries.findIndex((e) => e.key === key);
    if (index < 0) return;
    const row = body.current?.querySelector(`[data-index="${String(index)}"]`);
    if (row) {
      clearPendingRow();
      rowTarget(row)?.focus();
    } else scrollToIndex(index);
  });
}
