/**
 * Where the focus goes when what held it is gone: a dialog's opener deleted with its row, a
 * row removed under the focus. The object grid takes it back (lib side, so a dialog or a
 * feature can say so without importing the grid).
 */

const FOCUS_LOST = 'stowage:focus-lost';

/** The focus fell to the page (a dialog's opener went with its row): the grid takes it back. */
export function reportFocusLost(): void {
  document.dispatchEvent(new Event(FOCUS_LOST));
  focusListing();
}

/**
 * No grid took it (the folder is empty now): the listing's own control (its upload button,
 * which may still be loading).
 */
export function focusListing(): void {
  const settled = () => {
    if (document.activeElement !== document.body) return true;
    const target = document.querySelector<HTMLElement>(
      '[data-testid="listing"] :is(a[href], button)',
    );
    target?.focus();
    return target !== null;
  };
  if (settled()) return;
  // Until it shows or the focus is elsewhere (the user's), for a few seconds at most.
  const observer = new MutationObserver(() => {
    if (settled()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => {
    observer.disconnect();
  }, 3000);
}

export function onFocusLost(listener: () => void): () => void {
  document.addEventListener(FOCUS_LOST, listener);
  return () => {
    document.removeEventListener(FOCUS_LOST, listener);
  };
}

let pendingKey: string | null = null;

/**
 * The row of `key` takes the focus once it shows in the grid (an object just created); the
 * user's next click first forgets it.
 */
export function focusRowWhenShown(key: string): void {
  pendingKey = key;
  document.addEventListener('pointerdown', clearPendingRow, { capture: true, once: true });
}

/** The key waiting for its row (the grid clears it once focused). */
export function pendingRow(): string | null {
  return pendingKey;
}

export function clearPendingRow(): void {
  pendingKey = null;
}
