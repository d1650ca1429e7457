import type { S3Client } from '@aws-sdk/client-s3';
import type { StoreConfig } from '../config/connection.js';
import { bucketError, keyError, keyPolicyOf, type KeyPolicy } from './key-policy.js';

interface AddressedInput {
  Bucket?: unknown;
  Key?: unknown;
  CopySource?: unknown;
}

/** `bucket/key` of a CopySource (URL-encoded, an optional `?versionId=`), decoded. */
function splitCopySource(source: string): { bucket: string; key: string } {
  const path = source.replace(/^\//, '').split('?')[0] ?? '';
  const cut = path.indexOf('/');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return { bucket: decode(path.slice(0, cut)), key: decode(path.slice(cut + 1)) };
}

/** Why this request may not leave: a bucket off the allowlist, or a key the policy refuses. */
function addressError(input: AddressedInput, policy: KeyPolicy, allowlist?: readonly string[]) {
  const named: { bucket?: string; key?: string }[] = [];
  if (typeof input.Bucket === 'string') {
    named.push({
      bucket: input.Bucket,
      key: typeof input.Key === 'string' ? input.Key : undefined,
    });
  }
  if (typeof input.CopySource === 'string') named.push(splitCopySource(input.CopySource));
  for (const { bucket, key } of named) {
    const refused =
      (bucket !== undefined ? bucketError(bucket, allowlist) : undefined) ??
      (key !== undefined ? keyError(key, policy) : undefined);
    if (refused) return refused;
  }
  return undefined;
}

/**
 * The last check before a request leaves, on every command of the client (the routes check
 * first, with clearer timing): a connection limited to some buckets names no other bucket,
 * in the target or in a copy source, and no key may climb out of its bucket (key-policy.ts).
 * Whatever a future route forgets, the store is not reached.
 */
export function confineRequests(client: S3Client, config: StoreConfig): void {
  const policy = keyPolicyOf(config);
  const allowlist = config.bucketAllowlist;
  client.middlewareStack.add(
    (next) => async (args) => {
      const refused = addressError(args.input as AddressedInput, policy, allowlist);
      if (refused) throw refused;
      return next(args);
    },
    { step: 'initialize', name: 'confineRequests', priority: 'high' },
  );
}
