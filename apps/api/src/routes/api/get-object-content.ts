import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import { BucketParamsSchema, ObjectContentQuerySchema, downloadFilename } from '@stowage/shared';
import { errorResponses } from './error-responses.js';
import { mayShowInline } from './inline-types.js';
import { safeContentType, sendObjectContent, singleRange } from '../object-reply.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/object/content',
    {
      schema: {
        tags: ['objects'],
        summary:
          "An object's bytes, streamed; Range supported; download=1, or a type outside the safe-inline list, makes it an attachment",
        params: BucketParamsSchema,
        querystring: ObjectContentQuerySchema,
        headers: z.object({ range: z.string().optional() }),
        response: { 200: z.any(), 206: z.any(), ...errorResponses, 416: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { key, download } = request.query;
      const content = await request.objectStore.getObjectContent(
        request.params.bucket,
        key,
        singleRange(request.headers.range),
      );
      const contentType = safeContentType(content);
      const inline = !download && mayShowInline(contentType);
      return sendObjectContent(reply, content, {
        contentType,
        contentDisposition: contentDisposition(downloadFilename(key), {
          type: inline ? 'inline' : 'attachment',
        }),
        // Store content never runs as a page of ours, even when opened directly.
        csp: 'sandbox',
      });
    },
  );
};
export default route;
