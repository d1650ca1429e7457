import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AbortUploadQuerySchema, BucketParamsSchema } from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/buckets/:bucket/uploads',
    {
      config: { audit: { action: 'upload.abort' } },
      schema: {
        tags: ['uploads'],
        summary: 'Abort one unfinished multipart upload (204): its parts are freed',
        description:
          'An upload that no longer exists (completed or aborted) answers 404 NoSuchUpload; a ' +
          'store without AbortMultipartUpload 502 NotSupported.',
        params: BucketParamsSchema,
        querystring: AbortUploadQuerySchema,
        response: { 204: z.null().describe('Aborted'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { key, uploadId } = request.query;
      await request.objectStore.abortUpload(request.params.bucket, key, uploadId);
      return reply.code(204).send(null);
    },
  );
};
export default route;
