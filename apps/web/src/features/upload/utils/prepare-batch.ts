import type { Metadata } from '@stowage/shared';
import { keepBothKey } from '@stowage/shared';
import type { NewTransfer } from './transfer-types';
import { uploadPath } from './upload-path';

export type ConflictChoice = 'overwrite' | 'skip' | 'keep-both';

/** Set in the "Upload options" form; applied to every file of the next batches. */
export type UploadOptions = { contentType?: string | undefined; metadata?: Metadata | undefined };

export type Conflict = { existing: string[]; total: number };

type PrepareBatchInput = {
  bucket: string;
  prefix: string;
  files: readonly File[];
  options: UploadOptions;
  existingKeys: (bucket: string, keys: readonly string[]) => Promise<Set<string>>;
  /** Asked once per batch when some keys exist already; null abandons the batch. */
  askConflict: (conflict: Conflict) => Promise<ConflictChoice | null>;
};

/** Names tried per key and per request when looking for a free "name (n).ext". */
const CANDIDATES_PER_ROUND = 10;
const MAX_ROUNDS = 10;

/** For each key, the first free "name (n).ext": free in the bucket and in `taken`. */
async function keepBothKeys(
  bucket: string,
  keys: readonly string[],
  taken: Set<string>,
  existingKeys: PrepareBatchInput['existingKeys'],
): Promise<Map<string, string>> {
  const renamed = new Map<string, string>();
  let pending = [...keys];
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const first = round * CANDIDATES_PER_ROUND + 1;
    const candidatesOf = (key: string) =>
      Array.from({ length: CANDIDATES_PER_ROUND }, (_, i) => keepBothKey(key, first + i));
    const existing = await existingKeys(bucket, pending.flatMap(candidatesOf));
    pending = pending.filter((key) => {
      const free = candidatesOf(key).find((c) => !existing.has(c) && !taken.has(c));
      if (free === undefined) return true;
      taken.add(free);
      renamed.set(key, free);
      return false;
    });
  }
  if (pending.length > 0) {
    throw new Error(`Could not find a free name for ${String(pending.length)} file(s).`);
  }
  return renamed;
}

/**
 * Files dropped or picked in `prefix` -> the transfers to queue: keys keep the folder
 * structure, existing keys are overwritten, skipped or renamed as the user chooses, and each
 * file gets the batch's content type or one guessed from its name. Null when abandoned.
 */
export async function prepareBatch({
  bucket,
  prefix,
  files,
  options,
  existingKeys,
  askConflict,
}: PrepareBatchInput): Promise<{ items: NewTransfer[]; skipped: number } | null> {
  // The same path twice in one drop: the last one wins, as it would on the store.
  const byKey = new Map<string, File>();
  for (const file of files) byKey.set(`${prefix}${uploadPath(file)}`, file);
  const keys = [...byKey.keys()];
  if (keys.length === 0) return { items: [], skipped: 0 };

  const existing = await existingKeys(bucket, keys);
  const clashing = keys.filter((key) => existing.has(key));
  let choice: ConflictChoice = 'overwrite';
  if (clashing.length > 0) {
    const answer = await askConflict({ existing: clashing, total: keys.length });
    if (answer === null) return null;
    choice = answer;
  }
  const renamed =
    choice === 'keep-both'
      ? await keepBothKeys(bucket, clashing, new Set(keys), existingKeys)
      : new Map<string, string>();

  // mime's type table loads with the first upload, not with the app.
  const { guessContentType } = await import('./guess-content-type');
  const items: NewTransfer[] = [];
  for (const [key, file] of byKey) {
    if (choice === 'skip' && existing.has(key)) continue;
    const finalKey = renamed.get(key) ?? key;
    items.push({
      bucket,
      key: finalKey,
      file,
      contentType: options.contentType || guessContentType(finalKey),
      metadata: options.metadata,
    });
  }
  return { items, skipped: keys.length - items.length };
}
