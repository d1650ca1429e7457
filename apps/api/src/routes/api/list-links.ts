import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  LinksQuerySchema,
  LinksResponseSchema,
  type LinksResponse,
} from '@stowage/shared';
import { HttpError } from '../../errors.js';
import { claimsOfRecord, listLinkRecords, recordPlace } from '../../links/link-records.js';
import { linkKeyId, signLinkToken } from '../../links/link-token.js';
import { publicLinkUrl } from '../../links/link-url.js';
import { errorResponses } from './error-responses.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/links',
    {
      schema: {
        tags: ['links'],
        summary: "The bucket's relay and upload links made through Stowage on this profile",
        description:
          'Read with the keys the server holds for the profile; a profile without them makes ' +
          'direct links only (never recorded), so its list is empty. Newest first within a page.',
        params: BucketParamsSchema,
        querystring: LinksQuerySchema,
        response: { 200: LinksResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<LinksResponse> => {
      const { bucket } = request.params;
      const profile = request.identity!.profile;
      const keys = profile.links.keys;
      if (!keys) return { links: [], nextCursor: null };
      // The records are read with the server's keys: this session must reach the bucket itself.
      if (!(await request.objectStore.bucketExists(bucket))) {
        throw new HttpError('NoSuchBucket', 'The bucket does not exist');
      }
      const page = await listLinkRecords(
        app.stores.get(profile, keys),
        recordPlace(profile.links, bucket),
        request.query.cursor,
      );
      const now = Date.now();
      const keyId = linkKeyId(app.linkKey);
      return {
        links: page.records
          .filter((r) => r.profile === profile.name && r.bucket === bucket)
          .map((r) => ({
            id: r.id,
            kind: r.kind,
            bucket: r.bucket,
            key: r.key,
            createdBy: r.createdBy,
            createdAt: r.createdAt,
            expiresAt: r.expiresAt,
            // Made under another link secret: refused like an expired link (links/README.md).
            expired: Date.parse(r.expiresAt) <= now || (r.keyId !== undefined && r.keyId !== keyId),
            url: publicLinkUrl(request, signLinkToken(app.linkKey, claimsOfRecord(r))),
            downloadName: r.downloadName,
            passwordProtected: r.passwordHash !== undefined,
            maxBytes: r.maxBytes,
            maxTotalBytes: r.maxTotalBytes,
            overwrite: r.kind === 'upload' ? (r.overwrite ?? false) : undefined,
          })),
        nextCursor: page.nextCursor,
      };
    },
  );
};
export default route;
