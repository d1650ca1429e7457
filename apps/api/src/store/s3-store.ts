import https from 'node:https';
import http from 'node:http';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  Bucket,
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectDetails,
  Tag,
} from '@stowage/shared';
import type { StoreConfig } from '../config.js';
import { mapS3Error } from './s3-errors.js';
import { assertEmbeddedKey } from './key-policy.js';

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

export interface PutObjectInput {
  bucket: string;
  key: string;
  body: Buffer | string;
  contentType?: string;
  metadata?: Record<string, string>;
}

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

/**
 * The S3 seam: the only file that talks to the store. Every method maps failures through
 * mapS3Error, so callers see HttpErrors only. The list of methods is the app's whole S3 surface.
 */
export class S3Store {
  readonly client: S3Client;
  readonly endpointLabel: string;

  constructor(private readonly config: StoreConfig) {
    this.endpointLabel = config.endpoint ?? `AWS S3 (${config.region})`;
    const agentOptions = { keepAlive: true, maxSockets: 64 };
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      requestChecksumCalculation: config.checksumMode,
      responseChecksumValidation: config.checksumMode,
      maxAttempts: 3,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: config.connectTimeoutMs,
        // Time to the response headers; without the flag the SDK only logs a warning.
        requestTimeout: config.requestTimeoutMs,
        throwOnRequestTimeout: true,
        // A body that stalls this long mid-stream is given up too.
        socketTimeout: config.requestTimeoutMs,
        httpAgent: new http.Agent(agentOptions),
        httpsAgent: new https.Agent({ ...agentOptions, rejectUnauthorized: config.tlsVerify }),
      }),
    });
  }

  private checkKey(key: string): void {
    if (this.config.embedded) assertEmbeddedKey(key);
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw mapS3Error(err, this.endpointLabel);
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
      const mapped = mapS3Error(err, this.endpointLabel);
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

  async getObjectDetails(bucket: string, key: string): Promise<ObjectDetails> {
    this.checkKey(key);
    const [head, tags] = await Promise.all([
      this.call(() => this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))),
      this.getObjectTags(bucket, key),
    ]);
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
      tags,
    };
  }

  async getObjectTags(bucket: string, key: string): Promise<Tag[]> {
    this.checkKey(key);
    const out = await this.call(() =>
      this.client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key })),
    );
    return (out.TagSet ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  }

  async getObjectContent(bucket: string, key: string, range?: string): Promise<ObjectContent> {
    this.checkKey(key);
    if (this.config.embedded && range?.startsWith('bytes=-')) {
      range = await this.absoluteSuffixRange(bucket, key, Number(range.slice(7)));
    }
    const out = await this.call(() =>
      this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range })),
    );
    return {
      body: out.Body as Readable,
      statusCode: out.ContentRange ? 206 : 200,
      contentLength: out.ContentLength,
      contentRange: out.ContentRange,
      contentType: out.ContentType,
      etag: out.ETag,
      lastModified: out.LastModified,
    };
  }

  /** s3rver answers `bytes=-N` with the first bytes, so the embedded store gets `a-b` instead. */
  private async absoluteSuffixRange(bucket: string, key: string, n: number): Promise<string> {
    const head = await this.call(() =>
      this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
    );
    const size = head.ContentLength ?? 0;
    if (n === 0 || size === 0) return `bytes=${size}-`; // unsatisfiable, as S3 answers
    return `bytes=${Math.max(0, size - n)}-${size - 1}`;
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

  destroy(): void {
    this.client.destroy();
  }
}
