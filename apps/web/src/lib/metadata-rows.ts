import type { z } from 'zod';
import {
  decodeMetadataValue,
  encodeMetadataValue,
  MetadataNameSchema,
  type Metadata,
} from '@stowage/shared';

/** One user-metadata row of a form: the value as the user reads and types it (decoded). */
export type MetadataRow = { name: string; value: string };

export function metadataToRows(metadata: Record<string, string>): MetadataRow[] {
  return Object.entries(metadata).map(([name, value]) => ({
    name,
    value: decodeMetadataValue(value),
  }));
}

type Path = (string | number)[];

/**
 * Rows -> the Metadata the API takes, values RFC 2047 encoded so any text is fine for the
 * user. Blank rows are dropped; bad or repeated names are reported on their row. The shared
 * schema then validates the encoded result (see metadataIssuePath).
 */
export function rowsToMetadata(rows: readonly MetadataRow[], ctx: z.RefinementCtx, path: Path) {
  const entries = new Map<string, string>();
  rows.forEach((row, index) => {
    if (row.name === '' && row.value === '') return;
    const name = MetadataNameSchema.safeParse(row.name);
    if (!name.success) {
      const message = name.error.issues[0]?.message ?? 'This name is not valid';
      ctx.addIssue({ code: 'custom', message, path: [...path, index, 'name'] });
    } else if (entries.has(row.name)) {
      const message = `The name "${row.name}" is used twice`;
      ctx.addIssue({ code: 'custom', message, path: [...path, index, 'name'] });
    } else {
      entries.set(row.name, encodeMetadataValue(row.value));
    }
  });
  // fromEntries defines own properties, so a name like "__proto__" stays a plain entry.
  return Object.fromEntries(entries) as Metadata;
}

/**
 * Where a shared-schema issue about the encoded metadata belongs in the form: an issue on
 * one name goes to that row's value, one on the whole (the 2 KB total) to the rows.
 */
export function metadataIssuePath(
  issuePath: readonly PropertyKey[],
  rows: readonly MetadataRow[],
  path: Path,
): Path {
  const name = issuePath[0];
  const index = typeof name === 'string' ? rows.findIndex((row) => row.name === name) : -1;
  return index >= 0 ? [...path, index, 'value'] : path;
}
