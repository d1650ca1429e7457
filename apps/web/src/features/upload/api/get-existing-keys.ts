import type { z } from 'zod';
import {
  bucketPath,
  MAX_KEY_BYTES,
  utf8Length,
  type ExistingKeysResponseSchema,
} from '@stowage/shared';
import { apiPost } from '@/lib/api-client';

/** The API answers for at most this many keys per request. */
const CHUNK = 1000;

type ExistingKeysResponse = z.infer<typeof ExistingKeysResponseSchema>;

/** Which of `keys` exist in the bucket already, asked in chunks of 1,000. */
export async function getExistingKeys(bucket: string, keys: readonly string[]) {
  const existing = new Set<string>();
  // A key S3 cannot store cannot exist; the API would refuse the whole request for it.
  const storable = keys.filter((key) => key !== '' && utf8Length(key) <= MAX_KEY_BYTES);
  for (let start = 0; start < storable.length; start += CHUNK) {
    const chunk = storable.slice(start, start + CHUNK);
    const res = await apiPost<ExistingKeysResponse>(`${bucketPath(bucket)}/existing-keys`, {
      keys: chunk,
    });
    for (const key of res.existing) existing.add(key);
  }
  return existing;
}
