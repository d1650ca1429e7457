import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  ListUploadsQuerySchema,
  ListUploadsResponseSchema,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/uploads',
    {
      schema: {
        tags: ['uploads'],
        summary: 'Unfinished multipart uploads, each with its parts’ count and bytes',
        description:
          'One ListMultipartUploads page of up to 100 uploads, each with ListParts summed; ' +
          '`nextCursor` asks for the next page. A store without ListMultipartUploads ' +
          '(s3rver) answers 502 NotSupported.',
        params: BucketParamsSchema,
        querystring: ListUploadsQuerySchema,
        response: { 200: ListUploadsResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      request.objectStore.listUploads(
        request.params.bucket,
        request.query.prefix ?? '',
        request.query.cursor,
      ),
  );
};
export default route;
