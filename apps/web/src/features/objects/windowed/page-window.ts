import type { ListingEntry } from '../utils/listing-entries';
import { fetchRows, startAfterFor, type Listing, type WindowPage } from './page-rows';
import type { PositionMap } from './position-map';
import { listBeforeWindow, listForJump, PAGE_ROWS } from './window-loads';

/** Pages kept around the view. */
const MAX_PAGES = 3;
/** Load the adjacent page when the view is this close to the window's edge. */
const MARGIN = 200;
/** Loads in a row without the view moving: a guard against a window that cannot settle. */
const MAX_AUTO_LOADS = 12;

/**
 * The bounded window of pages of a windowed listing, and the view's position in it: `top` is
 * the (display) rank of the row at the top of the viewport, fractional while scrolling. Ranks
 * come from the position map when a page is placed and are kept while it stays: refinements of
 * the estimate never move rows on screen. A view far from the window jumps (one listing from
 * the map's `startAfter` for it); a view near an edge loads the adjacent page.
 */
export class PageWindow {
  pages: WindowPage[];
  top = 0;
  viewRows = 30;
  error: unknown = null;
  loading = false;
  /** Background probes are still refining the map. */
  refining = true;
  /** Bumped on every change (the React store's snapshot). */
  version = 0;
  readonly map: PositionMap;
  #gen = 0;
  #jumpingTo: number | null = null;
  #autoLoads = 0;
  #controller: AbortController | null = null;
  readonly #listeners = new Set<() => void>();
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(bucket: string, prefix: string, map: PositionMap, first: WindowPage[]) {
    this.#bucket = bucket;
    this.#prefix = prefix;
    this.map = map;
    this.pages = first.slice(0, MAX_PAGES);
  }

  /** The map learned more (background probes): totals and the scrollbar follow. */
  refresh = (done: boolean) => {
    this.refining = !done;
    this.#anchor();
    this.#emit();
  };

  /**
   * Places the window where the map now puts its first row, moving the view with it: the rows
   * on screen stay, the scrollbar's thumb follows the better estimate.
   */
  #anchor() {
    const first = this.pages[0];
    const last = this.pages.at(-1);
    const key = first?.rows[0]?.key;
    if (!first || !last || key === undefined) return;
    let shift = this.map.rankOf(key) - first.base;
    if (first.after === null) shift = -first.base;
    // The folder's end in the window and its count known: its last row is the last rank (the
    // map's rankOf is within a few rows inside what it read).
    else if (!last.more && this.map.exact()) shift = this.map.total() - this.#end;
    this.#rebase(shift);
    this.#clampTop();
  }

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  #emit() {
    this.version += 1;
    for (const listener of this.#listeners) listener();
  }

  get #end(): number {
    const last = this.pages.at(-1);
    return last ? last.base + last.rows.length : 0;
  }

  /** Rows in the folder: the map's once exact, known once its end is in the window, else the estimate. */
  total(): number {
    if (this.map.exact()) return this.map.total();
    const last = this.pages.at(-1);
    if (last && !last.more) return this.#end;
    return Math.max(this.map.total(), this.#end + 1);
  }

  /** The ranks are exact: the window holds the folder's start and end, or the map knows. */
  exact(): boolean {
    const first = this.pages[0];
    const last = this.pages.at(-1);
    if (first?.after === null && last?.more === false) return true;
    return this.map.exact();
  }

  rowAt(rank: number): ListingEntry | undefined {
    for (const page of this.pages) {
      const i = rank - page.base;
      if (i >= 0 && i < page.rows.length) return page.rows[i];
    }
    return undefined;
  }

  /** Every row in the window, in order (for ranges and the instant filter). */
  rows(): ListingEntry[] {
    return this.pages.flatMap((page) => page.rows);
  }

  maxTop(): number {
    return Math.max(0, this.total() - this.viewRows);
  }

  /** Moves the view (clamped) and loads what it needs. */
  setView(top: number, viewRows = this.viewRows) {
    this.viewRows = viewRows;
    this.top = Math.min(Math.max(0, top), this.maxTop());
    this.#autoLoads = 0;
    this.#emit();
    this.#plan();
  }

  retry = () => {
    this.error = null;
    this.#autoLoads = 0;
    this.#emit();
    this.#plan();
  };

  dispose() {
    this.#controller?.abort();
    this.#listeners.clear();
  }

  #plan() {
    if (this.error !== null) return;
    const a = Math.floor(this.top);
    const b = a + this.viewRows;
    const first = this.pages[0];
    const last = this.pages.at(-1);
    if (!first || !last || a >= this.#end + PAGE_ROWS || b < first.base - PAGE_ROWS) {
      // A drag sends many scroll events: one listing for where it stops, not one per event.
      if (this.loading && this.#jumpingTo !== null && Math.abs(this.#jumpingTo - a) < 100) return;
      this.#jumpingTo = a;
      this.#run((signal) => this.#jump(a, signal), true);
    } else if (this.loading) {
      return;
    } else if (b + MARGIN > this.#end && last.more) {
      this.#run((signal) => this.#next(last, signal));
    } else if (a - MARGIN < first.base && first.after !== null) {
      this.#run((signal) => this.#previous(first, signal));
    }
  }

  /** Runs one load; a jump replaces any load in flight, other loads wait their turn. */
  #run(load: (signal: AbortSignal) => Promise<void>, replace = false) {
    if (this.loading && !replace) return;
    if (++this.#autoLoads > MAX_AUTO_LOADS) return;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const gen = ++this.#gen;
    this.loading = true;
    load(controller.signal).then(
      () => {
        if (gen !== this.#gen) return;
        this.loading = false;
        this.#jumpingTo = null;
        this.#anchor();
        this.#emit();
        this.#plan();
      },
      (error: unknown) => {
        if (gen !== this.#gen || controller.signal.aborted) return;
        this.loading = false;
        this.error = error;
        this.#emit();
      },
    );
  }

  async #list(after: string | null, signal: AbortSignal): Promise<Listing> {
    const page = await fetchRows(this.#bucket, this.#prefix, { startAfter: after }, signal);
    const keys = page.rows.map((row) => row.key);
    this.map.addPage({ startAfter: after, keys, truncated: page.nextCursor !== null });
    return { rows: page.rows, more: page.nextCursor !== null };
  }

  async #jump(rank: number, signal: AbortSignal) {
    const landed = await listForJump(this.map, (after, s) => this.#list(after, s), rank, signal);
    if (!landed) return;
    this.pages = [landed.page];
    this.top = landed.top;
    this.#clampTop();
  }

  async #next(last: WindowPage, signal: AbortSignal) {
    const after = last.rows.at(-1)?.key ?? last.after;
    const page = await this.#list(after, signal);
    if (signal.aborted) return;
    if (page.rows.length === 0) {
      this.pages = this.pages.map((p) => (p === last ? { ...p, more: false } : p));
    } else {
      this.pages = [...this.pages, { rows: page.rows, base: this.#end, after, more: page.more }];
      if (this.pages.length > MAX_PAGES) this.pages = this.pages.slice(1);
    }
    this.#clampTop();
  }

  /** Lists from the map's guess before the window's first key until it reaches that key. */
  async #previous(first: WindowPage, signal: AbortSignal) {
    const firstKey = first.rows[0]?.key;
    if (firstKey === undefined) {
      // An empty page (past the end): the next plan jumps to rows.
      this.pages = [];
      return;
    }
    const list = (after: string | null, s: AbortSignal) => this.#list(after, s);
    const before = await listBeforeWindow(this.map, list, first, firstKey, signal);
    if (before.kind === 'start') {
      // Nothing before it: the window starts the folder.
      this.#rebase(-first.base);
      this.pages = this.pages.map((p) => (p === first ? { ...p, after: null } : p));
      return;
    }
    let base = before.base;
    // From the folder's start: these ranks are exact, the window's follow them.
    if (before.fromStart) {
      this.#rebase(-base);
      base = 0;
    }
    const page = { rows: before.rows, base, after: before.after, more: true };
    this.pages = [page, ...this.pages].slice(0, MAX_PAGES);
  }

  /** Shifts every rank (pages and view) by `delta`: the rows on screen stay where they are. */
  #rebase(delta: number) {
    if (delta === 0) return;
    this.pages = this.pages.map((p) => ({ ...p, base: p.base + delta }));
    this.top += delta;
  }

  #clampTop() {
    this.top = Math.min(Math.max(0, this.top), this.maxTop());
  }

  /**
   * "Go to name": lists from just before the first key starting with `name` and shows it at
   * the top. False (the view stays) when no key starts with it.
   */
  async goToName(name: string): Promise<boolean> {
    const full = this.#prefix + name;
    const after = startAfterFor(full);
    const controller = new AbortController();
    this.#controller?.abort();
    this.#controller = controller;
    const gen = ++this.#gen;
    this.loading = true;
    this.#autoLoads = 0;
    try {
      const page = await this.#list(after, controller.signal);
      if (gen !== this.#gen) return false;
      const firstRow = page.rows[0];
      if (!firstRow?.key.startsWith(full)) return false;
      const base = Math.min(this.map.rankOf(firstRow.key), Math.max(0, this.total() - 1));
      this.pages = [{ rows: page.rows, base, after, more: page.more }];
      this.top = base;
      this.#clampTop();
      return true;
    } finally {
      if (gen === this.#gen) {
        this.loading = false;
        this.#emit();
        this.#plan();
      }
    }
  }
}
