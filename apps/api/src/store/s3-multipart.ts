import type { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadedPart } from '@stowage/shared';
import { notApplied } from '../errors.js';
import type { S3Context } from './s3-context.js';

/**
 * A multipart upload driven by the client (issue 22): create, one part at a time (streamed, or
 * presigned for the client to send itself), the parts held, complete. Abort is s3-uploads.ts's.
 * Every key goes through ctx.checkKey (and s3-confine.ts), as any command's.
 */

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
}

/** UploadPart streamed from `body` with its length; answers the part's ETag. */
export async function uploadPart(ctx: S3Context, input: UploadPartInput): Promise<string> {
  ctx.checkKey(input.key);
  const out = await ctx.send(
    new UploadPartCommand({
      Bucket: input.bucket,
      Key: input.key,
      UploadId: input.uploadId,
      PartNumber: input.n,
      Body: input.body,
      ContentLength: input.length,
      ContentMD5: input.contentMd5,
    }),
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
    const out = await ctx.send(
      new ListPartsCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumberMarker: marker,
      }),
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
  await ctx.send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.n, ETag: p.etag })) },
    }),
  );
}

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
        new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: n }),
        { expiresIn, signingDate },
      );
      urls.push({ n, url });
    }
    return urls;
  });
}
