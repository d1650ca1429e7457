import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  CreateFolderBodySchema,
  CreateFolderResponseSchema,
} from '@stowage/shared';
import { bodyKeysTarget } from '../../audit/audit-declaration.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets/:bucket/folders',
    {
      config: { audit: { action: 'folder.create', target: bodyKeysTarget } },
      schema: {
        tags: ['objects'],
        summary: 'Create an empty folder (a zero-byte object named like the folder, "name/")',
        description:
          'The prefix ends in "/"; no segment is empty, "." or "..". A prefix that holds ' +
          'anything already (its marker or objects below it) answers 409 DestinationExists.',
        params: BucketParamsSchema,
        body: CreateFolderBodySchema,
        response: { 201: CreateFolderResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const folder = await request.objectStore.createFolder(
        request.params.bucket,
        request.body.prefix,
      );
      return reply.code(201).send(folder);
    },
  );
};
export default route;
