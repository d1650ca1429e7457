import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AbortOlderBodySchema,
  AbortOlderResponseSchema,
  BucketParamsSchema,
} from '@stowage/shared';
import { bulkCounts } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/uploads/abort-older',
    {
      config: { audit: { action: 'uploads.abort-older', counts: bulkCounts('aborted') } },
      schema: {
        tags: ['uploads'],
        summary: 'Abort every unfinished upload started more than `days` days ago (0: all)',
        description:
          'Every ListMultipartUploads page is read first, then the old uploads are aborted a ' +
          'few at a time; failures are per upload in `errors`. One gone meanwhile is neither.',
        params: BucketParamsSchema,
        body: AbortOlderBodySchema,
        response: { 200: AbortOlderResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      request.objectStore.abortOlderUploads(request.params.bucket, request.body.days),
  );
};
export default route;
