import type { Items } from '@/utils/items';

/** What the listing asked for; OrganizeDialogs takes it from there. */
export type OrganizeRequest =
  /** "Copy to…" / "Move to…": the destination picker first. */
  | { kind: 'copy' | 'move'; bucket: string; from: string; items: Items }
  /** Rows dropped on a folder: a confirmation first. */
  | { kind: 'drop'; bucket: string; from: string; items: Items; to: string }
  /** An object's key or a folder's prefix. */
  | { kind: 'rename'; bucket: string; key: string };
