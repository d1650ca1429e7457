import { z } from 'zod';
import { BucketNameSchema, KeyPrefixSchema, ObjectKeySchema } from './common.js';

/**
 * Organize: copy, move and rename objects and folders, server side; download a selection or a
 * folder as one zip. The mapping from source to destination keys:
 * - `prefix` (a folder's content): `prefix + rest` -> `to.prefix + rest`.
 * - `keys` and `prefixes` (a selection in one folder): each object lands in `to.prefix` under
 *   its own name, each folder under its own name with its structure (`cur/f/x` -> `to/f/x`).
 * - `keys` with one key and `to.key`: that object, to that key.
 */

/** Objects and folders in one selection (the API lists each folder before it starts). */
export const MAX_SELECTION_ITEMS = 10_000;

/**
 * What happens when a destination key exists: `fail` refuses the whole operation before
 * anything is written (409 DestinationExists), `skip` leaves both, `overwrite` replaces it,
 * `keepBoth` writes "name (1).ext", the first free name (keepBothKey).
 */
export const ConflictModeSchema = z.enum(['overwrite', 'skip', 'keepBoth', 'fail']);
export type ConflictMode = z.infer<typeof ConflictModeSchema>;

/** Where a copy lands: the bucket root ("") or a folder ("…/"), never half a name. */
const destinationPrefix = KeyPrefixSchema.refine((p) => p === '' || p.endsWith('/'), {
  message: 'The destination prefix is "" (the bucket root) or ends with "/"',
});

export const CopyDestinationSchema = z.union([
  z.strictObject({ bucket: BucketNameSchema, prefix: destinationPrefix }),
  z.strictObject({ bucket: BucketNameSchema, key: ObjectKeySchema }),
]);
export type CopyDestination = z.infer<typeof CopyDestinationSchema>;

const folderPrefix = KeyPrefixSchema.min(1, 'A folder needs a prefix; the bucket root is refused');

/** A folder copied or moved: "a/" (a bare "a" would also take "a.txt" and "ab/"). */
const copiedFolder = folderPrefix.refine((p) => p.endsWith('/'), {
  message: 'A folder prefix ends with "/"',
});

const operation = {
  to: CopyDestinationSchema,
  /** Delete each source once its copy is verified. */
  move: z.boolean().default(false),
  conflict: ConflictModeSchema.default('fail'),
};

/** Either a folder's content (`prefix`) or a selection (`keys` and/or `prefixes`), never both. */
export const CopyObjectsBodySchema = z.union([
  z.strictObject({ prefix: copiedFolder, ...operation }),
  z
    .strictObject({
      keys: z.array(ObjectKeySchema).max(MAX_SELECTION_ITEMS).default([]),
      prefixes: z.array(copiedFolder).max(MAX_SELECTION_ITEMS).default([]),
      ...operation,
    })
    .refine((b) => b.keys.length + b.prefixes.length > 0, {
      message: 'Name at least one key or prefix',
    })
    .refine((b) => b.keys.length + b.prefixes.length <= MAX_SELECTION_ITEMS, {
      message: `At most ${MAX_SELECTION_ITEMS} keys and prefixes per request`,
    }),
]);
export type CopyObjectsBody = z.infer<typeof CopyObjectsBodySchema>;
export type CopyObjectsInput = z.input<typeof CopyObjectsBodySchema>;

/** Rename: a move within the bucket. A folder (`from` ending in "/") needs a folder `to`. */
export const RenameBodySchema = z.strictObject({
  from: ObjectKeySchema,
  to: ObjectKeySchema,
  conflict: ConflictModeSchema.default('fail'),
});
export type RenameBody = z.infer<typeof RenameBodySchema>;
export type RenameInput = z.input<typeof RenameBodySchema>;

/** One key the operation did not do, with the store's (or the API's) reason. */
export const CopyErrorSchema = z.object({
  key: z.string(),
  code: z.string(),
  message: z.string(),
});
export type CopyError = z.infer<typeof CopyErrorSchema>;

/** The answer: a JSON body, or the last line of an `application/x-ndjson` stream. */
export const CopyResultSchema = z.object({
  copied: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  errors: z.array(CopyErrorSchema),
  /** True when the client went away and the work stopped after the objects in flight. */
  cancelled: z.boolean(),
});
export type CopyResult = z.infer<typeof CopyResultSchema>;

/**
 * A progress line of an `application/x-ndjson` answer: objects handled (copied, skipped or
 * failed) and bytes copied, of the totals counted before the work started.
 */
export const CopyProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type CopyProgress = z.infer<typeof CopyProgressSchema>;

/** The media type of a streamed answer: one JSON object per line. */
export const NDJSON = 'application/x-ndjson';

/** `GET /zip?prefix=p/`: a folder, members named relative to it. */
export const ZipQuerySchema = z.object({ prefix: folderPrefix });
/**
 * `POST /zip`: a selection in one folder (every key and prefix in the same parent folder),
 * members named relative to that folder. Sent as JSON with the CSRF header, or by a browser
 * as a same-origin form (`application/x-www-form-urlencoded`) whose one field
 * `ZIP_SELECTION_FIELD` holds this JSON (docs/adr/0009-zip-download-of-a-selection.md).
 */
export const ZipBodySchema = z
  .strictObject({
    keys: z.array(ObjectKeySchema).max(MAX_SELECTION_ITEMS).default([]),
    prefixes: z.array(folderPrefix).max(MAX_SELECTION_ITEMS).default([]),
  })
  .refine((b) => b.keys.length + b.prefixes.length > 0, {
    message: 'Name at least one key or prefix',
  })
  .refine((b) => b.keys.length + b.prefixes.length <= MAX_SELECTION_ITEMS, {
    message: `At most ${MAX_SELECTION_ITEMS} keys and prefixes per request`,
  });
export type ZipBody = z.infer<typeof ZipBodySchema>;
export type ZipInput = z.input<typeof ZipBodySchema>;

/**
 * The one field of the browser's form POST to `/zip`: the selection as JSON (`ZipInput`).
 * A plain `<form method="post" enctype="application/x-www-form-urlencoded">` in our own page,
 * so the browser streams the answer to disk instead of the page holding it in memory.
 */
export const ZIP_SELECTION_FIELD = 'selection';
