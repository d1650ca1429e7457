import type { AnyRouter } from '@tanstack/react-router';
import { getRowHeight } from './row-height';
import { documentTitle } from './document-title';
import { keyGrid, type KeyGrid } from './shortcuts';

/** How long "g" waits for its second key. */
const SEQUENCE_MS = 1500;

/** Is the user typing somewhere (the keys are then theirs)? A checkbox is not a field. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio'].includes(target.type);
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** The grid row holding the focus (its index), or null. */
function focusedRow(grid: KeyGrid): number | null {
  const row = document.activeElement?.closest<HTMLElement>('[data-index]');
  return row && grid.scroller?.contains(row) ? Number(row.dataset.index) : null;
}

/**
 * Scrolls row `index` into view, which renders it (rows out of view are not in the DOM), then
 * focuses its name link: the focus follows the row instead of falling to the page.
 */
function focusRow(grid: KeyGrid, index: number) {
  grid.scrollToIndex(index);
  const linkOf = () =>
    grid.scroller?.querySelector<HTMLElement>(`[data-index="${String(index)}"] a`);
  // A row already rendered (the next one, say) takes the focus at once: a key pressed right
  // after (k then Enter) acts on it, not on the row before.
  const rendered = linkOf();
  if (rendered) {
    rendered.focus();
    return;
  }
  // A windowed listing may list the row first (End, far away): up to about a second.
  let frames = 60;
  const focus = () => {
    const link = linkOf();
    if (link) link.focus();
    else if (frames-- > 0) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}

type Move = (from: number, grid: KeyGrid) => number;
const screenful = (grid: KeyGrid) =>
  Math.max(1, Math.floor((grid.scroller?.clientHeight ?? 0) / getRowHeight()) - 1);

/** Where each key moves the focus, from the focused row. */
const MOVES: Record<string, Move> = {
  ArrowDown: (i) => i + 1,
  j: (i) => i + 1,
  ArrowUp: (i) => i - 1,
  k: (i) => i - 1,
  Home: () => 0,
  End: (_, grid) => grid.count - 1,
  PageDown: (i, grid) => i + screenful(grid),
  PageUp: (i, grid) => i - screenful(grid),
};

/** A key on the listing's rows; false: not the grid's (the browser keeps it). */
function gridKey(grid: KeyGrid, key: string): boolean {
  const at = focusedRow(grid);
  const last = grid.count - 1;
  const move = MOVES[key];
  if (move && last >= 0) {
    // j and k also start from outside the grid: at the open object's row, or the first.
    if (at === null && key !== 'j' && key !== 'k') return false;
    const to = Math.max(0, Math.min(last, at === null ? grid.selectedIndex : move(at, grid)));
    grid.onLastLoaded?.(to === last && grid.hasMore ? to + 1 : null);
    focusRow(grid, to);
    return true;
  }
  if (at === null) return false;
  const onLink = document.activeElement?.tagName === 'A';
  const entry = grid.entryAt(at);
  // Space checks or unchecks the row (on its checkbox or a button, Space is theirs); x checks it.
  if ((key === ' ' && onLink) || key === 'x') {
    if (!entry || !grid.selection) return false;
    grid.selection.toggle(entry.key, key === 'x' || !grid.selection.selected.has(entry.key), false);
    return true;
  }
  // Enter on the name link is the link's own; elsewhere in the row (its checkbox) it opens it.
  if (key === 'Enter' && !onLink && document.activeElement?.tagName !== 'BUTTON') {
    grid.scroller?.querySelector<HTMLElement>(`[data-index="${String(at)}"] a`)?.click();
    return true;
  }
  return false;
}

/**
 * The keyboard shortcuts (the `?` dialog lists them) and the tab title, loaded after the first
 * paint. One listener on the document: never while typing in a field, with Ctrl, Alt or Meta
 * held, or while a dialog or a menu is open. The listing's rows (keyGrid) take the moves;
 * any other key clicks the visible control that declares it (`aria-keyshortcuts`: "u" on
 * Upload files, "Delete" on the selection's Delete, "Escape" on Close details); "g b" and
 * "?" are the app's own.
 */
export function installKeymap(router: AnyRouter) {
  let pending: { key: string; at: number } | null = null;

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || document.querySelector('dialog[open], :popover-open')) return;
    const { key } = event;
    const afterG = pending !== null && event.timeStamp - pending.at < SEQUENCE_MS;
    pending = key === 'g' ? { key, at: event.timeStamp } : null;
    let done = true;
    if (afterG && key === 'b') void router.navigate({ to: '/' });
    else if (key === '?') {
      void import('@/features/shortcuts/components/shortcuts-dialog').then((m) => {
        m.showShortcuts();
      });
    } else if (!keyGrid.current || !gridKey(keyGrid.current, key)) {
      const control = [
        ...document.querySelectorAll<HTMLElement>(`[aria-keyshortcuts~="${CSS.escape(key)}"]`),
      ].find((element) => element.checkVisibility() && !element.matches(':disabled'));
      control?.click();
      done = control !== undefined;
    }
    if (done) event.preventDefault();
  });

  // The tab title names where the user is, so tabs and history entries tell apart.
  const setTitle = () => {
    const { pathname, search } = router.state.location;
    document.title = documentTitle(pathname, search as Record<string, unknown>);
  };
  router.subscribe('onResolved', setTitle);
  setTitle();
}
