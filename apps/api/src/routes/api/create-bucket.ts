import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateBucketBodySchema, CreateBucketResponseSchema } from '@stowage/shared';
import { bucketError } from '../../store/key-policy.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/buckets',
    {
      config: {
        audit: {
          action: 'bucket.create',
          target: (request) => ({ bucket: (request.body as { name: string }).name }),
        },
      },
      schema: {
        tags: ['buckets'],
        summary: 'Create a bucket, with versioning or object lock if asked',
        description:
          'The name is checked against S3’s naming rules (400 naming the rule). A bucket by that ' +
          'name answers 409 BucketExists; a name outside the profile’s bucket allowlist 403 ' +
          'before anything is sent. `region` is sent as the LocationConstraint unless it is ' +
          'us-east-1 (S3’s default, which S3 refuses as a constraint). What the store cannot do ' +
          '(versioning, object lock) is 502 NotSupported and no bucket is left behind. Answers ' +
          '201 with what the store then holds.',
        body: CreateBucketBodySchema,
        response: { 201: CreateBucketResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name, ...options } = request.body;
      const refused = bucketError(name, request.identity?.profile.buckets);
      if (refused) throw refused;
      const created = await request.objectStore.createBucket(name, options);
      return reply.code(201).send(created);
    },
  );
};
export default route;
