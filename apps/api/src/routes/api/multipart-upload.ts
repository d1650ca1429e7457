import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BucketParamsSchema,
  CompleteMultipartBodySchema,
  CompleteMultipartResponseSchema,
  CreateMultipartBodySchema,
  CreateMultipartResponseSchema,
  ListPartsResponseSchema,
  MultipartParamsSchema,
  MultipartQuerySchema,
  SignPartsBodySchema,
  SignPartsResponseSchema,
  multipartPartCount,
  multipartPartLength,
  type CreateMultipartResponse,
  type SignPartsResponse,
} from '@stowage/shared';
import { badRequest, HttpError, payloadTooLarge } from '../../errors.js';
import { bodyKeyTarget, uploadCounts } from '../../audit/audit-declaration.js';
import {
  multipartKey,
  openUploadId,
  planFor,
  sealUploadId,
  type MultipartUpload,
} from '../../upload/multipart-token.js';
import { uploadTransportFor } from '../../upload/upload-transport.js';
import { errorResponses } from './error-responses.js';

/**
 * Big uploads driven by the client (issue 22; README "Big uploads (API)"): create, list the
 * parts held, complete, abort, and presigned part URLs for the direct transport. The part PUT
 * (the relay) is multipart-part.ts. Every call after create names the key again and opens the
 * sealed upload id for this profile, bucket and key (upload/multipart-token.ts).
 */

/** How long presigned UploadPart URLs are valid: an hour (a part at 1 MiB/s: 8 minutes). */
export const SIGN_SECONDS = 3600;

export interface MultipartRouteOptions {
  maxUploadBytes: number;
}

/** The upload a request names, checked against its bucket and `?key=`. */
export function uploadOf(
  request: FastifyRequest,
  named: { bucket: string; uploadId: string; key: string },
  linkKey: Buffer,
): MultipartUpload {
  return openUploadId(
    multipartKey(linkKey),
    { profile: request.identity!.profile.name, bucket: named.bucket, key: named.key },
    named.uploadId,
  );
}

const route: FastifyPluginAsyncZod<MultipartRouteOptions> = async (app, opts) => {
  app.post(
    '/buckets/:bucket/multipart',
    {
      config: { audit: { action: 'upload.multipart.create', target: bodyKeyTarget } },
      schema: {
        tags: ['uploads'],
        summary: 'Start a big upload: an S3 multipart upload the client sends part by part',
        description:
          'The key, content type and metadata follow the rules of the upload route (an existing ' +
          'object is replaced once the upload completes). The answer names the part size ' +
          '(8 MiB, more to stay within 10,000 parts) and the number of parts; its uploadId is ' +
          'sealed to this bucket, key and size. `transport` says how the browser sends the parts: ' +
          'direct (presigned URLs, `…/sign`) where the profile says uploadTransport "direct", the ' +
          "connection signs with SigV4 and the bucket's CORS lets the page's origin (its Origin " +
          'header) PUT with Content-MD5 and read ETag; else relay, with the reason.',
        params: BucketParamsSchema,
        body: CreateMultipartBodySchema,
        response: { 200: CreateMultipartResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<CreateMultipartResponse> => {
      const { bucket } = request.params;
      const { key, size, contentType, metadata } = request.body;
      if (size > opts.maxUploadBytes) {
        throw payloadTooLarge(
          `The file is over this server's limit of ${opts.maxUploadBytes} bytes`,
        );
      }
      const storeId = await request.objectStore.createMultipart({
        bucket,
        key,
        contentType: contentType?.trim() || undefined,
        metadata,
      });
      const plan = planFor(storeId, size);
      const uploadId = sealUploadId(
        multipartKey(app.linkKey),
        { profile: request.identity!.profile.name, bucket, key },
        plan,
      );
      return {
        uploadId,
        partSize: plan.partSize,
        parts: multipartPartCount(size, plan.partSize),
        transport: await uploadTransportFor(request, bucket),
      };
    },
  );

  app.get(
    '/buckets/:bucket/multipart/:uploadId/parts',
    {
      config: { audit: { skip: 'a read: the parts the upload holds (ListParts)' } },
      schema: {
        tags: ['uploads'],
        summary: 'The parts a big upload holds (to resume it): number, ETag and size of each',
        params: MultipartParamsSchema,
        querystring: MultipartQuerySchema,
        response: { 200: ListPartsResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const upload = uploadOf(request, { ...request.params, ...request.query }, app.linkKey);
      const { bucket } = request.params;
      return {
        parts: await request.objectStore.listParts(bucket, request.query.key, upload.storeId),
      };
    },
  );

  app.post(
    '/buckets/:bucket/multipart/:uploadId/complete',
    {
      config: { audit: { action: 'object.upload', counts: uploadCounts } },
      schema: {
        tags: ['uploads'],
        summary: 'Finish a big upload: the parts become the object; answers its details',
        description:
          'Every part from 1 to the number planned must be listed with the ETag its PUT answered, ' +
          'and the store must hold it at its planned length: else 400 naming the part, nothing ' +
          'completed (the upload stays, to resume).',
        params: MultipartParamsSchema,
        querystring: MultipartQuerySchema,
        body: CompleteMultipartBodySchema,
        response: { 200: CompleteMultipartResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const upload = uploadOf(request, { ...request.params, ...request.query }, app.linkKey);
      const { bucket } = request.params;
      const { key } = request.query;
      const wanted = request.body.parts;
      const count = multipartPartCount(upload.size, upload.partSize);
      if (wanted.length !== count || wanted.some((p, i) => p.n !== i + 1)) {
        throw badRequest(`List every part from 1 to ${count}, each once, in order`);
      }
      // Checked against what the store holds first: a missing or short part is a 400 that
      // leaves the upload as it is (s3rver would assemble whatever it has).
      const held = new Map(
        (await request.objectStore.listParts(bucket, key, upload.storeId)).map((p) => [p.n, p]),
      );
      const strip = (etag: string) => etag.replaceAll('"', '');
      for (const p of wanted) {
        const part = held.get(p.n);
        if (!part) throw badRequest(`Part ${p.n} has not been uploaded`);
        if (strip(part.etag) !== strip(p.etag)) {
          throw badRequest(
            `Part ${p.n}'s ETag is not the one the store holds: send the part again`,
          );
        }
        const length = multipartPartLength(upload.size, upload.partSize, p.n);
        if (part.size !== length) {
          throw badRequest(`Part ${p.n} holds ${part.size} bytes, not ${length}: send it again`);
        }
      }
      await request.objectStore.completeMultipart(bucket, key, upload.storeId, wanted);
      const details = await request.objectStore.getObjectDetails(bucket, key);
      if (details.size !== upload.size) {
        throw new HttpError(
          'StoreNotApplied',
          `The store completed the upload with ${details.size} bytes, not the ${upload.size} announced`,
        );
      }
      return details;
    },
  );

  app.delete(
    '/buckets/:bucket/multipart/:uploadId',
    {
      config: { audit: { action: 'upload.abort' } },
      schema: {
        tags: ['uploads'],
        summary: 'Abort a big upload (204): the parts sent are freed',
        description:
          'An upload that no longer exists answers 404 NoSuchUpload; a store without ' +
          'AbortMultipartUpload 502 NotSupported.',
        params: MultipartParamsSchema,
        querystring: MultipartQuerySchema,
        response: { 204: z.null().describe('Aborted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const upload = uploadOf(request, { ...request.params, ...request.query }, app.linkKey);
      await request.objectStore.abortUpload(
        request.params.bucket,
        request.query.key,
        upload.storeId,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/buckets/:bucket/multipart/:uploadId/sign',
    {
      config: {
        audit: { skip: 'no change: presigned part URLs of an upload whose create is logged' },
      },
      schema: {
        tags: ['uploads'],
        summary:
          'Presigned UploadPart URLs (direct transport): the client sends parts to the store',
        description:
          'Offered where the profile says uploadTransport "direct" and the connection signs with ' +
          "SigV4 (the presigned URL carries the session's own keys' signature); else 403 " +
          "DirectUploadUnavailable. The bucket's CORS " +
          'must let the page send PUTs to the store and read the ETag header.',
        params: MultipartParamsSchema,
        querystring: MultipartQuerySchema,
        body: SignPartsBodySchema,
        response: { 200: SignPartsResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<SignPartsResponse> => {
      const upload = uploadOf(request, { ...request.params, ...request.query }, app.linkKey);
      const profile = request.identity!.profile;
      if ((profile.uploadTransport ?? 'relay') !== 'direct') {
        throw new HttpError(
          'DirectUploadUnavailable',
          'This profile sends parts through Stowage (the relay): uploadTransport is not "direct"',
        );
      }
      if (profile.connection.signatureVersion !== 'v4') {
        throw new HttpError(
          'DirectUploadUnavailable',
          'This connection signs with SigV2: parts go through Stowage (the relay), not straight to the store',
        );
      }
      const count = multipartPartCount(upload.size, upload.partSize);
      const over = request.body.parts.find((n) => n > count);
      if (over !== undefined) throw badRequest(`Part ${over} is past the last part (${count})`);
      const now = Math.floor(Date.now() / 1000);
      const urls = await request.objectStore.presignParts(
        request.params.bucket,
        request.query.key,
        upload.storeId,
        [...new Set(request.body.parts)],
        { expiresIn: SIGN_SECONDS, signingDate: new Date(now * 1000) },
      );
      return { urls, expiresAt: new Date((now + SIGN_SECONDS) * 1000).toISOString() };
    },
  );
};
export default route;
