import type { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadedPart } from '@stowage/shared';
import { HttpError, notApplied } from '../errors.js';
import type { S3Context } from './s3-context.js';

/**
 * A multipart upload driven by the client (issue 22): create, one part at a time (streamed, or
 * presigned for the client to send itself), the parts held, complete. Abort is s3-uploads.ts's.
 * Every key goes through ctx.checkKey (and s3-confine.ts), as any command's.
 */

/**
 * Ceph RGW answers ListParts of an upload that is gone (aborted, completed) with NoSuchKey:
 * for these calls the upload is what is missing, whatever the store calls it.
 */
async function ofUpload<T>(send: Promise<T>): Promise<T> {
  try {
    return await send;
  } catch (err) {
    if (err instanceof HttpError && err.code === 'NoSuchKey') {
      throw new HttpError(
        'NoSuchUpload',
        'The upload does not exist: it was completed or aborted already',
      );
    }
    throw err;
  }
}

export interface CreateMultipartInput {
  bucket: string;
  key: string;
  contentType: string | undefined;
  metadata: Record<string, string> | undefined;
}

export async function createMultipart(ctx: S3Context, input: CreateMultipartInput) {
  ctx.checkKey(input.key);
  const out = await ctx.send(
    new CreateMultipartUploadCommand({
      Bucket: input.bucket,
      Key: input.key,
      ContentType: input.contentType,
      Metadata: input.metadata,
    }),
  );
  if (!out.UploadId) throw notApplied('The store started the upload but named no upload id');
  return out.UploadId;
}

export interface UploadPartInput {
  bucket: string;
  key: string;
  uploadId: string;
  n: number;
  /** The part's bytes as they arrive: passed on, never held whole. */
  body: Readable;
  length: number;
  /** Base64 MD5 of the part, as the client sent it: the store checks it (BadDigest). */
  contentMd5: string | undefined;
  /** Aborted when the client goes before the part's last byte: the store request is cut too. */
  signal?: AbortSignal | undefined;
}

/** UploadPart streamed from `body` with its length; answers the part's ETag. */
export async function uploadPart(ctx: S3Context, input: UploadPartInput): Promise<string> {
  ctx.checkKey(input.key);
  const out = await ofUpload(
    ctx.send(
      new UploadPartCommand({
        Bucket: input.bucket,
        Key: input.key,
        UploadId: input.uploadId,
        PartNumber: input.n,
        Body: input.body,
        ContentLength: input.length,
        ContentMD5: input.contentMd5,
      }),
      { abortSignal: input.signal },
    ),
  );
  if (!out.ETag) throw notApplied('The store took the part but answered no ETag');
  return out.ETag;
}

/** Every part the upload holds (ListParts, 1,000 a page, all pages), in part order. */
export async function listParts(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
): Promise<UploadedPart[]> {
  ctx.checkKey(key);
  const parts: UploadedPart[] = [];
  let marker: string | undefined;
  do {
    const out = await ofUpload(
      ctx.send(
        new ListPartsCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          PartNumberMarker: marker,
        }),
      ),
    );
    for (const p of out.Parts ?? []) {
      if (p.PartNumber) parts.push({ n: p.PartNumber, etag: p.ETag ?? '', size: p.Size ?? 0 });
    }
    marker = out.IsTruncated ? out.NextPartNumberMarker : undefined;
  } while (marker);
  return parts.sort((a, b) => a.n - b.n);
}

export async function completeMultipart(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
  parts: readonly { n: number; etag: string }[],
): Promise<void> {
  ctx.checkKey(key);
  await ofUpload(
    ctx.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.n, ETag: p.etag })) },
      }),
    ),
  );
}

/** The headers of the SDK's flexible checksums (a checksum and the algorithm it names). */
const CHECKSUM_HEADER = /^x-amz-(checksum-|sdk-checksum-algorithm$)/i;

/**
 * Drops the flexible checksum from a presigned request. With WHEN_SUPPORTED (the default for
 * AWS connections) the SDK signs the CRC32 of the empty body it has at presign time into the
 * URL, so S3 refuses every real part (aws-sdk-js-v3 since 3.729); the part's Content-MD5,
 * sent by the client, is the check instead.
 */
const withoutChecksum = (command: UploadPartCommand) => {
  command.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { headers?: Record<string, string> };
      for (const name of Object.keys(request.headers ?? {})) {
        if (CHECKSUM_HEADER.test(name)) delete request.headers![name];
      }
      return next(args);
    },
    { step: 'build', priority: 'low', name: 'stowageDropPresignChecksum' },
  );
  return command;
};

/** Presigned UploadPart URLs (SigV4 only: the route checks), valid `expiresIn` seconds. */
export async function presignParts(
  ctx: S3Context,
  bucket: string,
  key: string,
  uploadId: string,
  parts: readonly number[],
  expiresIn: number,
  signingDate: Date,
): Promise<{ n: number; url: string }[]> {
  ctx.checkKey(key);
  return ctx.withClient(async (client) => {
    const urls: { n: number; url: string }[] = [];
    for (const n of parts) {
      const url = await getSignedUrl(
        client,
        withoutChecksum(
          new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: n }),
        ),
        { expiresIn, signingDate },
      );
      urls.push({ n, url });
    }
    return urls;
  });
}
