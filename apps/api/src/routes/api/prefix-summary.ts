import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  PrefixSummaryQuerySchema,
  PrefixSummaryResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/prefix-summary',
    {
      schema: {
        tags: ['objects'],
        summary: 'How many objects and bytes are under a prefix (what a folder delete removes)',
        description: 'Counting stops at 100,000 objects; `truncated` then says "more than".',
        params: BucketParamsSchema,
        querystring: PrefixSummaryQuerySchema,
        response: { 200: PrefixSummaryResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      request.objectStore.prefixSummary(request.params.bucket, request.query.prefix),
  );
};
export default route;
