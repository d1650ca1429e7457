import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  MultipartPartParamsSchema,
  MultipartQuerySchema,
  UploadPartResponseSchema,
  multipartPartCount,
  multipartPartLength,
  type UploadPartResponse,
} from '@stowage/shared';
import { badRequest, HttpError } from '../../errors.js';
import { errorResponses } from './error-responses.js';
import { uploadOf } from './multipart-upload.js';

/** Base64 of 16 bytes: what Content-MD5 holds. */
const MD5_BASE64 = /^[A-Za-z0-9+/]{22}==$/;

/** Reads what is left of the body to nowhere, so the answer goes out on a clean connection. */
function drain(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    raw.once('end', resolve);
    raw.once('close', resolve);
    raw.once('error', () => resolve());
    raw.resume();
  });
}

/**
 * `PUT …/multipart/:uploadId/parts/:n?key=`: one part of a big upload, relayed. The body is
 * passed to UploadPart as it arrives with the length the client announced — no part is held
 * whole, so the upload memory budget (upload/buffer-budget.ts: the parts streamed uploads buffer) is not
 * drawn on; the body watchdog cuts a stalled part as any body. `Content-MD5` goes to the store,
 * which refuses a part whose bytes do not match (BadDigest): nothing is kept of it.
 */
const route: FastifyPluginAsyncZod = async (app) => {
  // The part is the raw body, whatever its type: no parser reads it (nor its size limit).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  app.put(
    '/buckets/:bucket/multipart/:uploadId/parts/:n',
    {
      config: {
        audit: {
          skip:
            'one per part (up to 10,000 an upload): the upload is logged by its create, its ' +
            'complete (object.upload, with bytes) or its abort',
        },
      },
      schema: {
        tags: ['uploads'],
        summary: "One part of a big upload (the relay): the body is the part's bytes",
        description:
          'Content-Length is required and must be the planned length of part n (the part size, ' +
          'the last part the rest). Content-MD5, if sent, is checked by the store. Answers the ' +
          "part's ETag. Sending a part again replaces it.",
        params: MultipartPartParamsSchema,
        querystring: MultipartQuerySchema,
        body: z.unknown().optional().describe("The part's bytes (any Content-Type)"),
        response: { 200: UploadPartResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<UploadPartResponse> => {
      try {
        const upload = uploadOf(request, { ...request.params, ...request.query }, app.linkKey);
        const { n } = request.params;
        const count = multipartPartCount(upload.size, upload.partSize);
        if (n > count)
          throw badRequest(`Part ${n} is past the last part of this upload (${count})`);
        const header = request.headers['content-length'];
        if (typeof header !== 'string' || !/^\d+$/.test(header)) {
          throw new HttpError(
            'LengthRequired',
            "A part needs a Content-Length header: the store is told the part's length before its bytes",
          );
        }
        const length = Number(header);
        const expected = multipartPartLength(upload.size, upload.partSize, n);
        if (length !== expected) {
          throw badRequest(
            `Part ${n} is ${expected} bytes (part size ${upload.partSize}, the last part the rest), not ${length}`,
          );
        }
        const md5 = request.headers['content-md5'] as string | undefined;
        if (md5 !== undefined && !MD5_BASE64.test(md5)) {
          throw badRequest('Content-MD5 is the base64 of the MD5 digest (16 bytes, 24 characters)');
        }
        // A client that goes mid-part (a reload, Pause, offline) leaves the store waiting for
        // bytes that never come, holding a connection until its timeout: cut that request too.
        const gone = new AbortController();
        const onClose = () => {
          if (!request.raw.readableEnded) gone.abort();
        };
        request.raw.once('close', onClose);
        const etag = await request.objectStore
          .uploadPart({
            bucket: request.params.bucket,
            key: request.query.key,
            uploadId: upload.storeId,
            n,
            body: request.raw,
            length,
            contentMd5: md5,
            signal: gone.signal,
          })
          .finally(() => request.raw.off('close', onClose));
        return { etag };
      } catch (err) {
        await drain(request);
        throw err;
      }
    },
  );
};
export default route;
