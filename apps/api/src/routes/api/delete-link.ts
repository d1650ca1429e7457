import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LinkParamsSchema } from '@stowage/shared';
import { HttpError } from '../../errors.js';
import { getLinkRecord, recordKey, recordPlace } from '../../links/link-records.js';
import { linkNotFound } from '../../links/resolve-link.js';
import { deleteLinkReceipts } from '../../links/upload-receipts.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/buckets/:bucket/links/:id',
    {
      config: {
        audit: {
          action: 'link.revoke',
          target: (request) => {
            const { bucket, id } = request.params as { bucket: string; id: string };
            return { bucket, link: id };
          },
        },
      },
      schema: {
        tags: ['links'],
        summary: 'Revoke a relay or upload link: its record is deleted, and its URL answers 404',
        params: LinkParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { bucket, id } = request.params;
      const identity = request.identity!;
      const profile = identity.profile;
      const keys = profile.links.keys;
      if (!keys) throw linkNotFound();
      if (!(await request.objectStore.bucketExists(bucket))) {
        throw new HttpError('NoSuchBucket', 'The bucket does not exist');
      }
      const store = app.stores.get(profile, keys);
      const place = recordPlace(profile.links, bucket);
      const record = await getLinkRecord(store, place, id);
      if (!record || record.profile !== profile.name || record.bucket !== bucket) {
        throw linkNotFound();
      }
      // The record first: from then on the link is refused; then an upload link's receipts.
      await store.deleteObject(place.bucket, recordKey(place, id));
      if (record.kind === 'upload') await deleteLinkReceipts(store, place, id);
      request.log.info(
        { event: 'link.revoke', who: identity.who, id, bucket, key: record.key, ip: request.ip },
        'link revoked',
      );
      return reply.code(204).send(null);
    },
  );
};
export default route;
