import type { Readable } from 'node:stream';
import type { ParallelReads } from './s3-parallel-read.js';
import type {
  AbortOlderResponse,
  Bucket,
  BucketCapabilities,
  CreateBucketResponse,
  CreateFolderResponse,
  EmptyBucketResult,
  ListUploadsResponse,
  UsageResult,
  CopyObjectsBody,
  CopyProgress,
  CopyResult,
  DeleteObjectsResponse,
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectDetails,
  ObjectSummary,
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
import type { CreateMultipartInput, UploadPartInput } from './s3-multipart.js';
import type { DeletePrefixOptions } from './s3-bulk.js';
import type { CreateBucketOptions } from './s3-buckets.js';
import type { SearchOptions, SearchPage } from './s3-search.js';
import type { UsageOptions } from './s3-usage.js';

/**
 * The app's whole S3 surface: routes depend on this and on nothing else of the store. One
 * implementation, S3Store (s3-store.ts). Every method answers HttpErrors only.
 */
export interface ObjectStore {
  listBuckets(): Promise<Bucket[]>;
  /** False for a missing bucket; a refusal or an outage is the error. */
  bucketExists(bucket: string): Promise<boolean>;
  /**
   * Creates a bucket (s3-buckets.ts): 409 BucketExists if one by that name exists; versioning
   * and object lock as asked, or nothing created; answers what the store then holds.
   */
  createBucket(bucket: string, options?: CreateBucketOptions): Promise<CreateBucketResponse>;
  /** Deletes an empty bucket; one that holds anything is 409 BucketNotEmpty with the count. */
  deleteBucket(bucket: string): Promise<void>;
  /** Deletes every object, version and delete marker, and aborts every upload (s3-empty.ts). */
  emptyBucket(bucket: string, options?: CopyOptions): Promise<EmptyBucketResult>;
  /** One page of unfinished multipart uploads, each with its parts' count and bytes. */
  listUploads(bucket: string, prefix: string, cursor?: string): Promise<ListUploadsResponse>;
  abortUpload(bucket: string, key: string, uploadId: string): Promise<void>;
  /** Aborts every upload started more than `days` days ago (0: all). */
  abortOlderUploads(bucket: string, days: number): Promise<AbortOlderResponse>;
  /** Objects, bytes, largest objects, uploads and noncurrent versions (s3-usage.ts). */
  bucketUsage(bucket: string, prefix: string, options?: UsageOptions): Promise<UsageResult>;
  /**
   * One ListObjectsV2 page, never more; with `deleted`, one ListObjectVersions page on a
   * versioned bucket (s3-deleted-listing.ts).
   */
  listObjects(bucket: string, query: ListObjectsQuery): Promise<ListObjectsResponse>;
  /** Every object under a prefix (no delimiter), one page of up to 1,000 at a time. */
  listAll(bucket: string, prefix: string): AsyncGenerator<ObjectSummary[]>;
  /**
   * A search (s3-search.ts): every key under `query.prefix` listed 1,000 a page (no delimiter),
   * each page's matches yielded as it arrives, the next page asked for meanwhile (one ahead).
   * Ends at the last page, at `query.limit` matches, or once `signal` aborts. A failure before
   * the first page is thrown by the first `next()`.
   */
  searchObjects(
    bucket: string,
    query: SearchQuery,
    options?: SearchOptions,
  ): AsyncGenerator<SearchPage, void, undefined>;
  /** HeadObject of the current version, or of `versionId` (s3-object-versions.ts checks it). */
  getObjectDetails(bucket: string, key: string, versionId?: string): Promise<ObjectDetails>;
  /** `noneIfUnsupported`: a store without tagging has no tags, so the details still load. */
  getObjectTags(
    bucket: string,
    key: string,
    options?: { noneIfUnsupported?: boolean; versionId?: string | undefined },
  ): Promise<Tag[]>;
  /**
   * The object's bytes (of the current version, or `versionId`), streamed, whole or a range;
   * with `parallel`, a large whole object is read in concurrent ranges (s3-parallel-read.ts).
   */
  getObjectContent(
    bucket: string,
    key: string,
    range?: string,
    versionId?: string,
    parallel?: ParallelReads,
  ): Promise<ObjectContent>;
  /**
   * One page of a key's versions and delete markers, newest first (ListObjectVersions with the
   * key as prefix, exact matches only). 501 VersioningUnsupported where the store has none.
   */
  listObjectVersions(bucket: string, query: ListVersionsQuery): Promise<ListVersionsResponse>;
  /**
   * Makes a version the current one by copying it over the key (metadata and tags kept; in
   * parts over the copy threshold). Answers the new current version; a version that is current
   * already is answered as it is, nothing written.
   */
  restoreVersion(bucket: string, key: string, versionId: string): Promise<ObjectVersion>;
  /** Deletes one version (or delete marker) permanently; 404 NoSuchVersion if there is none. */
  deleteVersion(bucket: string, key: string, versionId: string): Promise<void>;
  /** Removes the delete markers above the key's newest version; answers that version. */
  undeleteObject(bucket: string, key: string): Promise<ObjectVersion>;
  /** The bucket's versioning as the store says now (no cache). */
  getVersioning(bucket: string): Promise<VersioningStatus>;
  /** Enables or suspends versioning, reads it back; answers the status the store then holds. */
  setVersioning(bucket: string, status: 'Enabled' | 'Suspended'): Promise<VersioningStatus>;
  /**
   * A presigned GetObject URL of this connection's keys (s3-presign.ts): no request is sent;
   * the store checks the signature and the expiry when the URL is fetched.
   */
  presignGetObject(bucket: string, key: string, options: PresignGetOptions): Promise<string>;
  putObject(input: PutObjectInput): Promise<void>;
  /** What an upload of this size may reserve from a budget of `budgetBytes` (s3-upload.ts). */
  uploadBufferBytes(sizeHint: number | undefined, budgetBytes: number): number;
  /** Streams a body into a new object; answers with what the store then holds. */
  uploadObject(input: UploadObjectInput): Promise<{ size: number; etag: string | null }>;
  /** CreateMultipartUpload (s3-multipart.ts): the store's upload id. */
  createMultipart(input: CreateMultipartInput): Promise<string>;
  /** UploadPart streamed from the body with its length (no part held whole): the part's ETag. */
  uploadPart(input: UploadPartInput): Promise<string>;
  /** Every part an upload holds, in order (ListParts, all pages). */
  listParts(bucket: string, key: string, uploadId: string): Promise<UploadedPart[]>;
  /** CompleteMultipartUpload with these parts (ascending). */
  completeMultipart(
    bucket: string,
    key: string,
    uploadId: string,
    parts: readonly { n: number; etag: string }[],
  ): Promise<void>;
  /** Presigned UploadPart URLs of this connection's keys (SigV4). */
  presignParts(
    bucket: string,
    key: string,
    uploadId: string,
    parts: readonly number[],
    options: { expiresIn: number; signingDate: Date },
  ): Promise<{ n: number; url: string }[]>;
  /** Rewrites an object's headers and metadata in place (s3-metadata-edit.ts). */
  updateMetadata(bucket: string, key: string, body: UpdateMetadataBody): Promise<ObjectDetails>;
  /** A new empty folder: a zero-byte `prefix` marker; 409 if the prefix holds anything (s3-create-edit.ts). */
  createFolder(bucket: string, prefix: string): Promise<CreateFolderResponse>;
  /**
   * Replaces a text object's bytes if its ETag is still `ifMatch` (else 409), keeping its
   * headers, metadata and tags (s3-create-edit.ts).
   */
  editText(bucket: string, key: string, body: Buffer, ifMatch: string): Promise<ObjectDetails>;
  /** Replaces the tag set; an empty list removes every tag. Answers the tags read back. */
  putObjectTags(bucket: string, key: string, tags: Tag[], versionId?: string): Promise<Tag[]>;
  deleteObject(bucket: string, key: string): Promise<void>;
  /** Deletes keys in DeleteObjects batches, reporting per-key failures. */
  deleteObjects(bucket: string, keys: readonly string[]): Promise<DeleteObjectsResponse>;
  /** A folder delete: lists the whole prefix first, then deletes exactly that snapshot; stops between batches when `signal` aborts. */
  deletePrefix(
    bucket: string,
    prefix: string,
    options?: DeletePrefixOptions,
  ): Promise<DeleteObjectsResponse>;
  /** How many objects (and bytes) a folder delete would remove, counted up to a cap. */
  prefixSummary(bucket: string, prefix: string): Promise<PrefixSummaryResponse>;
  /** Which of these keys exist. */
  existingKeys(bucket: string, keys: readonly string[]): Promise<string[]>;
  /**
   * Copies or moves objects and folders (s3-organize.ts): a 4xx before anything is written
   * (bad request, bucket refused or missing, destinations that exist with `fail`), else a
   * result with per-key errors. `signal` stops new copies; `onProgress` follows the work.
   */
  copyObjects(bucket: string, body: CopyObjectsBody, options?: CopyOptions): Promise<CopyResult>;
  /** A move within the bucket: an object to a key, or a folder to a folder. */
  renameObjects(bucket: string, body: RenameBody, options?: CopyOptions): Promise<CopyResult>;
  /**
   * A bucket setting as its S3 document (AWS SDK shape); 404 NotConfigured when never set
   * (tags: an empty TagSet). s3-bucket-settings.ts.
   */
  getBucketSetting(bucket: string, name: SettingName): Promise<Record<string, unknown>>;
  /** Writes a setting, reads it back and compares: answers what the store now holds. */
  putBucketSetting(
    bucket: string,
    name: SettingName,
    doc: object,
  ): Promise<Record<string, unknown>>;
  /** Removes a setting (lifecycle, CORS, policy, tags, encryption), then checks it is gone. */
  deleteBucketSetting(bucket: string, name: SettingName): Promise<void>;
  /** What the store can do in a bucket: harmless probes, cached (s3-capabilities.ts). */
  bucketCapabilities(bucket: string): Promise<BucketCapabilities>;
}

export interface PresignGetOptions {
  /** Seconds the URL is valid (SigV4: at most 7 days). */
  expiresIn: number;
  /** The store answers with this Content-Disposition (`response-content-disposition`). */
  contentDisposition?: string | undefined;
  /** The store answers with this Content-Type (`response-content-type`). */
  contentType?: string | undefined;
  /** That version of the object. */
  versionId?: string | undefined;
  /** Sign as of this time instead of now (tests: an expired URL without waiting). */
  signingDate?: Date | undefined;
}

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: Buffer | string;
  contentType?: string;
  metadata?: Record<string, string>;
}

export interface UploadObjectInput {
  bucket: string;
  key: string;
  /** The file's bytes as they arrive; destroying it with an error aborts the upload. */
  body: Readable;
  /** The size the client announced, if any: it only sizes the parts. */
  sizeHint: number | undefined;
  /** The memory all uploads share (STOWAGE_UPLOAD_BUFFER_MIB): it caps this one's queue. */
  bufferBudgetBytes: number;
  contentType: string | undefined;
  metadata: Record<string, string> | undefined;
}

export interface ObjectContent {
  body: Readable;
  /** 206 when a range was asked for and served. */
  statusCode: 200 | 206;
  contentLength: number | undefined;
  contentRange: string | undefined;
  contentType: string | undefined;
  etag: string | undefined;
  lastModified: Date | undefined;
}

export interface CopyOptions {
  /** Aborted when the client goes away: no new copy starts, the ones in flight finish. */
  signal?: AbortSignal | undefined;
  /** Called once the plan is made (totals counted, `done` 0 or what planning decided), then after each object. */
  onProgress?: ((progress: CopyProgress) => void) | undefined;
}
