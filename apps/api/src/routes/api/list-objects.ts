import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  ListObjectsQuerySchema,
  ListObjectsResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/objects',
    {
      schema: {
        tags: ['objects'],
        summary: 'One page of the objects and folders under a prefix',
        params: BucketParamsSchema,
        querystring: ListObjectsQuerySchema,
        response: { 200: ListObjectsResponseSchema, ...errorResponses },
      },
    },
    async (request) => request.objectStore.listObjects(request.params.bucket, request.query),
  );
};
export default route;
