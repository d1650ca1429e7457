/**
 * The cache's key hierarchy for one bucket. Several features write the same objects (upload,
 * edit, delete) and must refresh what the others read, but features do not import each other:
 * the keys live here, and each query file builds its key from them.
 */
export const queryKeys = {
  bucket: (bucket: string) => ['buckets', bucket] as const,
  objects: (bucket: string, prefix: string) => ['buckets', bucket, 'objects', { prefix }] as const,
  /** The same folder with its deleted keys too ("Show deleted"): a listing of its own. */
  objectsWithDeleted: (bucket: string, prefix: string) =>
    ['buckets', bucket, 'objects', { prefix, deleted: true }] as const,
  object: (bucket: string, key: string) => ['buckets', bucket, 'object', { key }] as const,
  objectTags: (bucket: string, key: string) =>
    ['buckets', bucket, 'object', { key }, 'tags'] as const,
  /** An object's versions and delete markers, newest first (under the object: they go with it). */
  objectVersions: (bucket: string, key: string) =>
    ['buckets', bucket, 'object', { key }, 'versions'] as const,
  capabilities: (bucket: string) => ['buckets', bucket, 'capabilities'] as const,
  /** One of the bucket's settings (lifecycle, CORS, policy…): its document, null if not set. */
  setting: (bucket: string, name: string) => ['buckets', bucket, 'settings', name] as const,
  uploads: (bucket: string) => ['buckets', bucket, 'uploads'] as const,
  /** The share and upload links made through Stowage (the Links page). */
  links: (bucket: string) => ['buckets', bucket, 'links'] as const,
};

type KeyPart = { prefix?: unknown; key?: unknown } | undefined;

/** The prefix of a listing query key of `bucket`, or null for any other query. */
export function listingPrefixOf(queryKey: readonly unknown[], bucket: string): string | null {
  const [root, name, kind, part] = queryKey as [unknown, unknown, unknown, KeyPart];
  if (root !== 'buckets' || name !== bucket || kind !== 'objects') return null;
  return typeof part?.prefix === 'string' ? part.prefix : null;
}

/** The key of an object-details (or preview) query key of `bucket`, or null. */
export function objectKeyOf(queryKey: readonly unknown[], bucket: string): string | null {
  const [root, name, kind, part] = queryKey as [unknown, unknown, unknown, KeyPart];
  if (root !== 'buckets' || name !== bucket || kind !== 'object') return null;
  return typeof part?.key === 'string' ? part.key : null;
}
