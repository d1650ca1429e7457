import {
  DeleteObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type {
  AbortOlderResponse,
  Bucket,
  CreateBucketResponse,
  CreateFolderResponse,
  EmptyBucketResult,
  ListUploadsResponse,
  UsageResult,
  BucketCapabilities,
  CopyObjectsBody,
  CopyResult,
  DeleteObjectsResponse,
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectDetails,
  PrefixSummaryResponse,
  SettingName,
  Tag,
  RenameBody,
  UpdateMetadataBody,
  ListVersionsQuery,
  ListVersionsResponse,
  ObjectVersion,
  VersioningStatus,
  SearchQuery,
  UploadedPart,
} from '@stowage/shared';
import type { StoreConfig } from '../config/connection.js';
import { HttpError } from '../errors.js';
import type {
  CopyOptions,
  ObjectContent,
  ObjectStore,
  PresignGetOptions,
  PutObjectInput,
  UploadObjectInput,
} from './object-store.js';
import { presignGetObject } from './s3-presign.js';
import { createS3Client } from './s3-client.js';
import { createS3Context, type S3Context } from './s3-context.js';
import { uploadPlan, uploadStream } from './s3-upload.js';
import { getObjectContent } from './s3-object-content.js';
import type { ParallelReads } from './s3-parallel-read.js';
import {
  deleteObjects,
  deletePrefix,
  existingKeys,
  prefixSummary,
  type DeletePrefixOptions,
} from './s3-bulk.js';
import { editMetadata } from './s3-metadata-edit.js';
import { headDetails, putTags, readTags } from './s3-object-info.js';
import { createCapabilityProbe } from './s3-capabilities.js';
import { copyObjects } from './s3-organize.js';
import { deleteSetting, getSetting, putSetting } from './s3-bucket-settings.js';
import { renameAsMove } from './organize-keys.js';
import { aroundSends, type AroundSend } from './s3-send-hooks.js';
import { createBucket, deleteBucket, type CreateBucketOptions } from './s3-buckets.js';
import { emptyBucket } from './s3-empty.js';
import { abortOlder, abortUpload, listUploads } from './s3-uploads.js';
import {
  completeMultipart,
  createMultipart,
  listParts,
  presignParts,
  uploadPart,
  type CreateMultipartInput,
  type UploadPartInput,
} from './s3-multipart.js';
import { bucketUsage, type UsageOptions } from './s3-usage.js';
import { searchObjects, type SearchOptions } from './s3-search.js';
import { listAll, listObjects, listRange } from './s3-listing.js';
import { versioningNow } from './s3-versions.js';
import {
  checkVersionsCursor,
  deleteVersion,
  listKeyVersions,
  requireVersioning,
  restoreVersion,
  undeleteObject,
} from './s3-object-versions.js';
import { versionError } from './s3-errors.js';
import { createFolder, editText } from './s3-create-edit.js';

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/**
 * The S3 seam (ObjectStore, object-store.ts): routes call these methods and nothing else talks
 * to the store. The SDK client is private; the helpers in the `s3-*.ts` files beside this one
 * get an S3Context whose `send` maps every failure once (s3-context.ts), so callers see
 * HttpErrors only.
 */
export class S3Store implements ObjectStore {
  readonly #client: S3Client;
  readonly #ctx: S3Context;
  readonly #capabilities: ReturnType<typeof createCapabilityProbe>;

  constructor(config: StoreConfig) {
    this.#client = createS3Client(config);
    this.#ctx = createS3Context(this.#client, config);
    this.#capabilities = createCapabilityProbe(this.#ctx);
  }

  /** The endpoint, or "AWS S3 (region)", as messages name the store. */
  get endpointLabel(): string {
    return this.#ctx.endpointLabel;
  }

  /**
   * The one way to watch or perturb this store's calls from outside (tests; metrics later):
   * `around` runs for every command the client sends, each upload part included. Returns
   * the function that removes it.
   */
  aroundSends(around: AroundSend): () => void {
    return aroundSends(this.#client, around);
  }

  async listBuckets(): Promise<Bucket[]> {
    const out = await this.#ctx.send(new ListBucketsCommand({}));
    return (out.Buckets ?? []).map((b) => ({
      name: b.Name ?? '',
      creationDate: iso(b.CreationDate),
    }));
  }

  async bucketExists(bucket: string): Promise<boolean> {
    try {
      await this.#ctx.send(new HeadBucketCommand({ Bucket: bucket }));
      return true;
    } catch (err) {
      // HeadBucket's 404 has no body to name it: the status decides.
      if (err instanceof HttpError && err.statusCode === 404) return false;
      throw err;
    }
  }

  async createBucket(bucket: string, options?: CreateBucketOptions): Promise<CreateBucketResponse> {
    this.#capabilities.forget(bucket);
    return createBucket(this.#ctx, bucket, options);
  }

  async deleteBucket(bucket: string): Promise<void> {
    await deleteBucket(this.#ctx, this.#listAll, bucket);
    this.#capabilities.forget(bucket);
  }

  emptyBucket(bucket: string, options?: CopyOptions): Promise<EmptyBucketResult> {
    return emptyBucket(this.#ctx, this.#listAll, bucket, options);
  }

  listUploads(bucket: string, prefix: string, cursor?: string): Promise<ListUploadsResponse> {
    return listUploads(this.#ctx, bucket, prefix, cursor);
  }

  abortUpload(bucket: string, key: string, uploadId: string): Promise<void> {
    this.#ctx.checkKey(key);
    return abortUpload(this.#ctx, bucket, key, uploadId);
  }

  abortOlderUploads(bucket: string, days: number): Promise<AbortOlderResponse> {
    return abortOlder(this.#ctx, bucket, days);
  }

  bucketUsage(bucket: string, prefix: string, options?: UsageOptions): Promise<UsageResult> {
    return bucketUsage(this.#ctx, this.#listAll, bucket, prefix, options);
  }

  readonly #listAll = (bucket: string, prefix: string) => this.listAll(bucket, prefix);

  listObjects(bucket: string, q: ListObjectsQuery): Promise<ListObjectsResponse> {
    return listObjects(this.#ctx, bucket, q, (b) => this.#capabilities.versioning(b));
  }

  listAll(bucket: string, prefix: string) {
    return listAll(this.#ctx, bucket, prefix);
  }

  searchObjects(bucket: string, query: SearchQuery, options?: SearchOptions) {
    return searchObjects(this.#ctx, bucket, query, options);
  }

  /**
   * 501 VersioningUnsupported where the capability probe (its versioning answer, cached a
   * minute) says the store has no versioning: s3rver would answer a versionId with the current
   * object, and has no ListObjectVersions.
   */
  async #requireVersioning(bucket: string): Promise<void> {
    requireVersioning(await this.#capabilities.versioning(bucket));
  }

  /** A read or write of one version: the store's "no such version" answers said of it. */
  async #ofVersion<T>(bucket: string, versionId: string | undefined, fn: () => Promise<T>) {
    if (versionId === undefined) return fn();
    await this.#requireVersioning(bucket);
    try {
      return await fn();
    } catch (err) {
      throw versionError(err, versionId);
    }
  }

  getObjectDetails(bucket: string, key: string, versionId?: string): Promise<ObjectDetails> {
    this.#ctx.checkKey(key);
    return this.#ofVersion(bucket, versionId, () => headDetails(this.#ctx, bucket, key, versionId));
  }

  getObjectTags(
    bucket: string,
    key: string,
    options?: { noneIfUnsupported?: boolean; versionId?: string | undefined },
  ) {
    this.#ctx.checkKey(key);
    return this.#ofVersion(bucket, options?.versionId, () =>
      readTags(this.#ctx, bucket, key, options),
    );
  }

  getObjectContent(
    bucket: string,
    key: string,
    range?: string,
    versionId?: string,
    parallel?: ParallelReads,
  ): Promise<ObjectContent> {
    this.#ctx.checkKey(key);
    return this.#ofVersion(bucket, versionId, () =>
      getObjectContent(this.#ctx, bucket, key, range, versionId, parallel),
    );
  }

  async listObjectVersions(
    bucket: string,
    query: ListVersionsQuery,
  ): Promise<ListVersionsResponse> {
    this.#ctx.checkKey(query.key);
    checkVersionsCursor(query);
    await this.#requireVersioning(bucket);
    return listKeyVersions(this.#ctx, bucket, query);
  }

  async restoreVersion(bucket: string, key: string, versionId: string): Promise<ObjectVersion> {
    this.#ctx.checkKey(key);
    await this.#requireVersioning(bucket);
    return restoreVersion(this.#ctx, bucket, key, versionId);
  }

  async deleteVersion(bucket: string, key: string, versionId: string): Promise<void> {
    this.#ctx.checkKey(key);
    await this.#requireVersioning(bucket);
    return deleteVersion(this.#ctx, bucket, key, versionId);
  }

  async undeleteObject(bucket: string, key: string): Promise<ObjectVersion> {
    this.#ctx.checkKey(key);
    await this.#requireVersioning(bucket);
    return undeleteObject(this.#ctx, bucket, key);
  }

  getVersioning(bucket: string): Promise<VersioningStatus> {
    return versioningNow(this.#ctx, bucket);
  }

  async setVersioning(bucket: string, status: 'Enabled' | 'Suspended'): Promise<VersioningStatus> {
    // Asked now (not the cache): a store without versioning is refused before any write.
    requireVersioning(await versioningNow(this.#ctx, bucket));
    await putSetting(this.#ctx, bucket, 'versioning', { Status: status });
    this.#capabilities.forget(bucket);
    return versioningNow(this.#ctx, bucket);
  }

  presignGetObject(bucket: string, key: string, options: PresignGetOptions): Promise<string> {
    return presignGetObject(this.#ctx, bucket, key, options);
  }

  async putObject(input: PutObjectInput): Promise<void> {
    this.#ctx.checkKey(input.key);
    await this.#ctx.send(
      new PutObjectCommand({
        Bucket: input.bucket,
        Key: input.key,
        Body: input.body,
        ContentType: input.contentType,
        Metadata: input.metadata,
      }),
    );
  }

  uploadBufferBytes(sizeHint: number | undefined, budgetBytes: number): number {
    return uploadPlan(sizeHint, budgetBytes).reserveBytes;
  }

  async uploadObject(input: UploadObjectInput): Promise<{ size: number; etag: string | null }> {
    this.#ctx.checkKey(input.key);
    await this.#ctx.withClient((client) => uploadStream(client, input));
    // Ceph 16 answers CompleteMultipartUpload with an empty ETag: HEAD has the real one.
    const head = await this.#ctx.send(
      new HeadObjectCommand({ Bucket: input.bucket, Key: input.key }),
    );
    return { size: head.ContentLength ?? 0, etag: head.ETag || null };
  }

  createMultipart(input: CreateMultipartInput): Promise<string> {
    return createMultipart(this.#ctx, input);
  }

  uploadPart(input: UploadPartInput): Promise<string> {
    return uploadPart(this.#ctx, input);
  }

  listParts(bucket: string, key: string, uploadId: string): Promise<UploadedPart[]> {
    return listParts(this.#ctx, bucket, key, uploadId);
  }

  completeMultipart(
    bucket: string,
    key: string,
    uploadId: string,
    parts: readonly { n: number; etag: string }[],
  ): Promise<void> {
    return completeMultipart(this.#ctx, bucket, key, uploadId, parts);
  }

  presignParts(
    bucket: string,
    key: string,
    uploadId: string,
    parts: readonly number[],
    options: { expiresIn: number; signingDate: Date },
  ): Promise<{ n: number; url: string }[]> {
    return presignParts(
      this.#ctx,
      bucket,
      key,
      uploadId,
      parts,
      options.expiresIn,
      options.signingDate,
    );
  }

  updateMetadata(bucket: string, key: string, body: UpdateMetadataBody) {
    this.#ctx.checkKey(key);
    return editMetadata(this.#ctx, bucket, key, body);
  }

  createFolder(bucket: string, prefix: string): Promise<CreateFolderResponse> {
    return createFolder(this.#ctx, bucket, prefix);
  }

  editText(bucket: string, key: string, body: Buffer, ifMatch: string): Promise<ObjectDetails> {
    return editText(this.#ctx, bucket, key, body, ifMatch);
  }

  putObjectTags(bucket: string, key: string, tags: Tag[], versionId?: string): Promise<Tag[]> {
    this.#ctx.checkKey(key);
    return this.#ofVersion(bucket, versionId, () =>
      putTags(this.#ctx, bucket, key, tags, versionId),
    );
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    this.#ctx.checkKey(key);
    await this.#ctx.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }

  deleteObjects(bucket: string, keys: readonly string[]): Promise<DeleteObjectsResponse> {
    return deleteObjects(this.#ctx, bucket, keys);
  }

  deletePrefix(
    bucket: string,
    prefix: string,
    options?: DeletePrefixOptions,
  ): Promise<DeleteObjectsResponse> {
    const pages = options?.range
      ? listRange(this.#ctx, bucket, prefix, options.range)
      : this.listAll(bucket, prefix);
    return deletePrefix(this.#ctx, pages, bucket, options);
  }

  prefixSummary(bucket: string, prefix: string): Promise<PrefixSummaryResponse> {
    return prefixSummary(this.listAll(bucket, prefix));
  }

  existingKeys(bucket: string, keys: readonly string[]): Promise<string[]> {
    return existingKeys(this.#ctx, bucket, keys);
  }

  copyObjects(bucket: string, body: CopyObjectsBody, options?: CopyOptions): Promise<CopyResult> {
    return copyObjects(this.#ctx, this, bucket, body, options);
  }

  renameObjects(bucket: string, body: RenameBody, options?: CopyOptions): Promise<CopyResult> {
    return this.copyObjects(bucket, renameAsMove(bucket, body), options);
  }

  getBucketSetting(bucket: string, name: SettingName): Promise<Record<string, unknown>> {
    return getSetting(this.#ctx, bucket, name);
  }

  putBucketSetting(
    bucket: string,
    name: SettingName,
    doc: object,
  ): Promise<Record<string, unknown>> {
    return putSetting(this.#ctx, bucket, name, doc);
  }

  deleteBucketSetting(bucket: string, name: SettingName): Promise<void> {
    return deleteSetting(this.#ctx, bucket, name);
  }

  bucketCapabilities(bucket: string): Promise<BucketCapabilities> {
    return this.#capabilities(bucket);
  }

  destroy(): void {
    this.#client.destroy();
  }
}
