import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { BucketParamsSchema, ObjectContentQuerySchema, downloadFilename } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

/** S3 serves one range per request; anything else is ignored, as RFC 9110 allows. */
const SINGLE_RANGE = /^bytes=(\d+-\d*|-\d+)$/;
/** A header value Node will send as is (the store's Content-Type is not trusted blindly). */
const SAFE_HEADER = /^[\t\x20-\x7e]*$/;

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/object/content',
    {
      schema: {
        tags: ['objects'],
        summary: "An object's bytes, streamed; Range supported; download=1 makes it an attachment",
        params: BucketParamsSchema,
        querystring: ObjectContentQuerySchema,
        headers: z.object({ range: z.string().optional() }),
        response: { 200: z.any(), 206: z.any(), ...errorResponses, 416: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { key, download } = request.query;
      const range = request.headers.range;
      const content = await request.objectStore.getObjectContent(
        request.params.bucket,
        key,
        range && SINGLE_RANGE.test(range) ? range : undefined,
      );
      const type = content.contentType && SAFE_HEADER.test(content.contentType);
      reply
        .code(content.statusCode)
        .header('content-type', type ? content.contentType : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        // Store content never runs as a page of ours, even when opened directly.
        .header('content-security-policy', 'sandbox')
        .header('accept-ranges', 'bytes')
        .header(
          'content-disposition',
          contentDisposition(downloadFilename(key), { type: download ? 'attachment' : 'inline' }),
        );
      if (content.contentLength !== undefined)
        reply.header('content-length', content.contentLength);
      if (content.contentRange) reply.header('content-range', content.contentRange);
      if (content.etag) reply.header('etag', content.etag);
      if (content.lastModified) reply.header('last-modified', content.lastModified.toUTCString());
      return reply.send(content.body);
    },
  );
};
export default route;
