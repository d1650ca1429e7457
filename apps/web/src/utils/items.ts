/**
 * Objects and folders of one folder, as the listing's selection, a drag and the organize
 * dialogs pass them around: object `keys` and folder `prefixes` (each ending in "/").
 */
export type Items = { keys: readonly string[]; prefixes: readonly string[] };

/**
 * Something to do with the checked objects and folders, in the selection bar. `forDeleted`:
 * offered only when every checked row is a deleted key (Show deleted), the others only when
 * none is.
 */
export type ItemsAction = {
  label: string;
  onSelect: (items: Items) => void;
  danger?: boolean;
  forDeleted?: boolean;
};

export function itemCount(items: Items): number {
  return items.keys.length + items.prefixes.length;
}

/** "1 item", "3 items". */
export function itemsLabel(items: Items): string {
  const n = itemCount(items);
  return `${new Intl.NumberFormat('en-US').format(n)} ${n === 1 ? 'item' : 'items'}`;
}

/**
 * Objects and folders dragged from the listing, within this page. The custom type keeps the
 * upload drop zone (which wants files) out of it; the payload is the JSON of DraggedItems.
 */
export const INTERNAL_DRAG_TYPE = 'application/x-stowage-items';

export type DraggedItems = Items & { bucket: string; from: string };

/** The drag in progress: dragover handlers may only read the types, not the data. */
let current: DraggedItems | null = null;

export function startInternalDrag(dataTransfer: DataTransfer, items: DraggedItems): void {
  current = items;
  dataTransfer.setData(INTERNAL_DRAG_TYPE, JSON.stringify(items));
  // Other applications get the names as text.
  dataTransfer.setData('text/plain', [...items.prefixes, ...items.keys].join('\n'));
  dataTransfer.effectAllowed = 'move';
}

export function endInternalDrag(): void {
  current = null;
}

export function isInternalDrag(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer?.types.includes(INTERNAL_DRAG_TYPE) === true;
}

/** What is being dragged, while an internal drag is on. */
export function currentInternalDrag(): DraggedItems | null {
  return current;
}

/**
 * May these items be dropped into `target` (a folder of `bucket`)? Not where they are, not
 * into a folder being dragged or one of its subfolders.
 */
export function canDropInto(items: DraggedItems | null, bucket: string, target: string): boolean {
  if (!items || items.bucket !== bucket || items.from === target) return false;
  return !items.prefixes.some((p) => target.startsWith(p));
}
