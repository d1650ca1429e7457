import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type {
  Bucket,
  BucketCapabilities,
  DeleteObjectsResponse,
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectDetails,
  PrefixSummaryResponse,
  Tag,
  UpdateMetadataBody,
} from '@stowage/shared';
import type { StoreConfig } from '../config/connection.js';
import { notApplied } from '../errors.js';
import { isUnsupportedError, mapS3Error } from './s3-errors.js';
import { keyError, keyPolicyOf, type KeyPolicy } from './key-policy.js';
import { createS3Client } from './s3-client.js';
import { uploadPlan, uploadStream, type UploadStreamInput } from './s3-upload.js';
import { getObjectContent, type ObjectContent } from './s3-object-content.js';
import { deleteObjects, deletePrefix, existingKeys, prefixSummary } from './s3-bulk.js';
import { editMetadata } from './s3-metadata-edit.js';
import { sameTags } from './metadata-edit.js';
import { createCapabilityProbe } from './s3-capabilities.js';

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: Buffer | string;
  contentType?: string;
  metadata?: Record<string, string>;
}

export type UploadObjectInput = UploadStreamInput;

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/**
 * The S3 seam: routes call these methods and nothing else talks to the store. Every method
 * maps failures through mapS3Error, so callers see HttpErrors only. The list of methods is
 * the app's whole S3 surface; the SDK is used here and in the `s3-*.ts` files beside it.
 */
export class S3Store {
  readonly client: S3Client;
  readonly endpointLabel: string;
  /** What the store can do in a bucket: harmless probes, cached (s3-capabilities.ts). */
  readonly bucketCapabilities: (bucket: string) => Promise<BucketCapabilities>;
  /** Keys this connection refuses before they reach the store (key-policy.ts). */
  readonly keyPolicy: KeyPolicy;

  constructor(readonly config: StoreConfig) {
    this.keyPolicy = keyPolicyOf(config);
    this.endpointLabel = config.endpoint ?? `AWS S3 (${config.region})`;
    this.client = createS3Client(config);
    this.bucketCapabilities = createCapabilityProbe(this.client, config, this.endpointLabel);
  }

  checkKey(key: string): void {
    const refused = keyError(key, this.keyPolicy);
    if (refused) throw refused;
  }

  async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapS3Error(err, this.endpointLabel, this.config);
    }
  }

  async listBuckets(): Promise<Bucket[]> {
    const out = await this.call(() => this.client.send(new ListBucketsCommand({})));
    return (out.Buckets ?? []).map((b) => ({
      name: b.Name ?? '',
      creationDate: iso(b.CreationDate),
    }));
  }

  async bucketExists(bucket: string): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: bucket }));
      return true;
    } catch (err) {
      const mapped = mapS3Error(err, this.endpointLabel, this.config);
      if (mapped.statusCode === 404) return false;
      throw mapped;
    }
  }

  async createBucket(bucket: string): Promise<void> {
    await this.call(() => this.client.send(new CreateBucketCommand({ Bucket: bucket })));
  }

  /** One ListObjectsV2 page, never more. */
  async listObjects(bucket: string, q: ListObjectsQuery): Promise<ListObjectsResponse> {
    const out = await this.call(() =>
      this.client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: q.prefix || undefined,
          Delimiter: q.delimiter || undefined,
          MaxKeys: q.limit,
          ContinuationToken: q.cursor,
        }),
      ),
    );
    return {
      prefixes: (out.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : [])),
      objects: (out.Contents ?? []).map((o) => ({
        key: o.Key ?? '',
        size: o.Size ?? 0,
        lastModified: iso(o.LastModified),
        etag: o.ETag ?? null,
        storageClass: o.StorageClass ?? null,
      })),
      nextCursor: out.IsTruncated ? (out.NextContinuationToken ?? null) : null,
    };
  }

  /** Every object under a prefix (no delimiter), one page of up to 1,000 at a time. */
  async *listAll(bucket: string, prefix: string) {
    let cursor: string | undefined;
    do {
      const page = await this.listObjects(bucket, { prefix, delimiter: '', limit: 1000, cursor });
      yield page.objects;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async getObjectDetails(bucket: string, key: string): Promise<ObjectDetails> {
    this.checkKey(key);
    const head = await this.call(() =>
      this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
    );
    return {
      key,
      size: head.ContentLength ?? 0,
      etag: head.ETag ?? null,
      lastModified: iso(head.LastModified),
      contentType: head.ContentType ?? null,
      cacheControl: head.CacheControl ?? null,
      contentDisposition: head.ContentDisposition ?? null,
      contentEncoding: head.ContentEncoding ?? null,
      contentLanguage: head.ContentLanguage ?? null,
      expires: head.ExpiresString ?? head.Expires?.toUTCString() ?? null,
      // S3 omits the header for STANDARD objects.
      storageClass: head.StorageClass ?? 'STANDARD',
      versionId: head.VersionId ?? null,
      metadata: head.Metadata ?? {},
    };
  }

  /** `noneIfUnsupported`: a store without tagging has no tags, so the details still load. */
  async getObjectTags(
    bucket: string,
    key: string,
    { noneIfUnsupported = false } = {},
  ): Promise<Tag[]> {
    this.checkKey(key);
    const out = await this.call(() =>
      this.client
        .send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }))
        .catch((err: unknown) => {
          if (noneIfUnsupported && isUnsupportedError(err)) return { TagSet: [] };
          throw err;
        }),
    );
    return (out.TagSet ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  }

  /** The object's bytes, streamed, whole or a range (s3-object-content.ts). */
  getObjectContent(bucket: string, key: string, range?: string): Promise<ObjectContent> {
    this.checkKey(key);
    return getObjectContent(this, bucket, key, range);
  }

  async putObject(input: PutObjectInput): Promise<void> {
    this.checkKey(input.key);
    await this.call(() =>
      this.client.send(
        new PutObjectCommand({
          Bucket: input.bucket,
          Key: input.key,
          Body: input.body,
          ContentType: input.contentType,
          Metadata: input.metadata,
        }),
      ),
    );
  }

  /**
   * What an upload of this size (if known) reserves from a budget of `budgetBytes` shared by
   * every upload: what it holds while it streams, but at most its share (see uploadPlan).
   */
  uploadBufferBytes(sizeHint: number | undefined, budgetBytes: number): number {
    return uploadPlan(sizeHint, budgetBytes).reserveBytes;
  }

  /** Streams a body into a new object; answers with what the store then holds. */
  async uploadObject(input: UploadObjectInput): Promise<{ size: number; etag: string | null }> {
    this.checkKey(input.key);
    await this.call(() => uploadStream(this.client, input));
    // Ceph 16 answers CompleteMultipartUpload with an empty ETag: HEAD has the real one.
    const head = await this.call(() =>
      this.client.send(new HeadObjectCommand({ Bucket: input.bucket, Key: input.key })),
    );
    return { size: head.ContentLength ?? 0, etag: head.ETag || null };
  }

  /** Rewrites an object's headers and metadata in place; see s3-metadata-edit.ts. */
  async updateMetadata(bucket: string, key: string, body: UpdateMetadataBody) {
    this.checkKey(key);
    return editMetadata(this, bucket, key, body);
  }

  /** Replaces the tag set (the object is not rewritten); an empty list removes every tag. */
  async putObjectTags(bucket: string, key: string, tags: Tag[]): Promise<Tag[]> {
    this.checkKey(key);
    await this.setTags(bucket, key, tags);
    const stored = await this.getObjectTags(bucket, key);
    if (!sameTags(stored, tags)) {
      throw notApplied('The store accepted the change but did not apply it (tags)');
    }
    return stored;
  }

  /** PutObjectTagging even to clear: s3rver has no DeleteObjectTagging (501). */
  async setTags(bucket: string, key: string, tags: Tag[]): Promise<void> {
    const TagSet = tags.map((t) => ({ Key: t.key, Value: t.value }));
    await this.call(() =>
      this.client.send(
        new PutObjectTaggingCommand({ Bucket: bucket, Key: key, Tagging: { TagSet } }),
      ),
    );
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    this.checkKey(key);
    await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
  }

  /** Deletes keys in DeleteObjects batches, reporting per-key failures. */
  deleteObjects(bucket: string, keys: readonly string[]): Promise<DeleteObjectsResponse> {
    return deleteObjects(this, bucket, keys);
  }

  /** A folder delete: lists the whole prefix first, then deletes exactly that snapshot. */
  deletePrefix(bucket: string, prefix: string): Promise<DeleteObjectsResponse> {
    return deletePrefix(this, bucket, prefix);
  }

  /** How many objects (and bytes) a folder delete would remove, counted up to a cap. */
  prefixSummary(bucket: string, prefix: string): Promise<PrefixSummaryResponse> {
    return prefixSummary(this, bucket, prefix);
  }

  /** Which of these keys exist (HeadObject, 16 at a time). */
  existingKeys(bucket: string, keys: readonly string[]): Promise<string[]> {
    return existingKeys(this, bucket, keys);
  }

  destroy(): void {
    this.client.destroy();
  }
}
