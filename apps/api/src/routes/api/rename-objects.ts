import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BucketParamsSchema, RenameBodySchema } from '@stowage/shared';
import { answerCopy, copyResultResponse } from './copy-reply.js';
import { bulkCounts, defaultTarget } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/rename',
    {
      config: {
        audit: {
          action: 'objects.rename',
          target: (request) => {
            const { from, to } = request.body as { from: string; to: string };
            const { bucket } = request.params as { bucket: string };
            return { ...defaultTarget(request), key: from, to: { bucket, key: to } };
          },
          counts: bulkCounts('copied'),
        },
      },
      schema: {
        tags: ['objects'],
        summary: 'Rename an object or a folder (a move within the bucket)',
        description:
          '`{ "from": "a/b.txt", "to": "a/c.txt" }` or `{ "from": "dir/", "to": "new/" }`. An ' +
          'existing destination answers 409 DestinationExists unless `conflict` says otherwise. ' +
          'The answer is that of a copy (`Accept: application/x-ndjson` streams progress too).',
        params: BucketParamsSchema,
        body: RenameBodySchema,
        response: { 200: copyResultResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      answerCopy(request, reply, (options) =>
        request.objectStore.renameObjects(request.params.bucket, request.body, options),
      ),
  );
};
export default route;
