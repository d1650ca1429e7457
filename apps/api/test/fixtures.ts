import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { onEmbedded } from './helper.js';
import type { S3Store } from '../src/store/s3-store.js';

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The object's bytes' sha256, read with a plain client. */
export async function storedSha(s3: S3Client, bucket: string, key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return sha256(Buffer.from(await out.Body!.transformToByteArray()));
}

export async function exists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      return false;
    }
    throw err;
  }
}

export async function listKeys(s3: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const out = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(out.Contents ?? []).map((o) => o.Key ?? ''));
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/**
 * Multipart uploads in progress in the bucket. s3rver has no ListMultipartUploads (501), so
 * on the embedded store this answers undefined: there, callers check the app's own
 * AbortMultipartUpload instead (see sdkCalls).
 */
export async function inProgressUploads(
  s3: S3Client,
  bucket: string,
): Promise<string[] | undefined> {
  if (onEmbedded) return undefined;
  const out = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  return (out.Uploads ?? []).map((u) => u.Key ?? '');
}

export interface SdkCall {
  command: string;
  input: Record<string, unknown>;
  /** The HTTP status the store answered, once it has. */
  status?: number;
}

/**
 * Records every command the app's S3 client sends (and the store's status), so a test can see
 * which path a request took: UploadPartCopy or CopyObject, AbortMultipartUpload sent, etc.
 */
export function sdkCalls(store: S3Store): SdkCall[] {
  const calls: SdkCall[] = [];
  store.aroundSends(async (command, input, send) => {
    const call: SdkCall = { command, input };
    calls.push(call);
    try {
      const out = (await send()) as { $metadata?: { httpStatusCode?: number } };
      call.status = out.$metadata?.httpStatusCode;
      return out;
    } catch (err) {
      call.status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      throw err;
    }
  });
  return calls;
}

/** Polls until `check` holds (no fixed sleeps), failing after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
