import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import {
  BucketParamsSchema,
  ObjectContentQuerySchema,
  ObjectVersionQuerySchema,
  downloadFilename,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';
import { mayShowInline } from './inline-types.js';
import type { ParallelReads } from '../../store/s3-parallel-read.js';
import { safeContentType, sendObjectContent, singleRange } from '../object-reply.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/object/content',
    {
      schema: {
        tags: ['objects'],
        summary:
          "An object's bytes (of one version with versionId), streamed; Range supported; download=1, or a type outside the safe-inline list, makes it an attachment",
        params: BucketParamsSchema,
        querystring: ObjectContentQuerySchema.extend(ObjectVersionQuerySchema.shape),
        headers: z.object({ range: z.string().optional() }),
        response: { 200: z.any(), 206: z.any(), ...errorResponses, 416: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { key, download, versionId } = request.query;
      const content = await request.objectStore.getObjectContent(
        request.params.bucket,
        key,
        singleRange(request.headers.range),
        versionId,
        request.server.downloadReads,
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

declare module 'fastify' {
  interface FastifyInstance {
    /** Large whole-object downloads read in concurrent ranges (build-app.ts). */
    downloadReads: ParallelReads;
  }
}
