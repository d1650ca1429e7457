import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  ListVersionsQuerySchema,
  ListVersionsResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

/** An object's history (store/s3-object-versions.ts). */
const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/versions',
    {
      schema: {
        tags: ['versions'],
        summary:
          "One page of an object's versions and delete markers, newest first (ListObjectVersions, exact key only); 501 VersioningUnsupported on a store without versioning",
        params: BucketParamsSchema,
        querystring: ListVersionsQuerySchema,
        response: { 200: ListVersionsResponseSchema, ...errorResponses },
      },
    },
    async (request) => request.objectStore.listObjectVersions(request.params.bucket, request.query),
  );
};
export default route;
