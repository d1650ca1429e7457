import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { create as contentDisposition } from 'content-disposition';
import { z } from 'zod';
import {
  BucketParamsSchema,
  ObjectContentQuerySchema,
  ObjectVersionQuerySchema,
  downloadFilename,
} from '@stowage/shared';
import { errorResponses } from './error-responses.js';
import { mayShowInline } from './inline-types.js';
import type { ParallelReads } from '../../store/s3-parallel-read.js';
import { REDIRECT_URL_SECONDS, redirectsDownloads } from '../../config/downloads.js';
import { safeContentType, sendObjectContent, singleRange } from '../object-reply.js';

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/object/content',
    {
      schema: {
        tags: ['objects'],
        summary:
          "An object's bytes (of one version with versionId), streamed; Range supported; download=1, or a type outside the safe-inline list, makes it an attachment",
        description:
          'On a profile with `downloads: "redirect"` (SigV4) the answer is 302 to a presigned ' +
          `GetObject URL valid ${REDIRECT_URL_SECONDS} s, carrying the same disposition and type; ` +
          'the client re-sends Range there. relay=1 streams the bytes through Stowage anyway.',
        params: BucketParamsSchema,
        querystring: ObjectContentQuerySchema.extend(ObjectVersionQuerySchema.shape),
        headers: z.object({ range: z.string().optional() }),
        response: {
          200: z.any(),
          206: z.any(),
          302: z.any(),
          ...errorResponses,
          416: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const { bucket } = request.params;
      const { key, download, versionId, relay } = request.query;
      const disposition = (contentType: string) =>
        contentDisposition(downloadFilename(key), {
          type: !download && mayShowInline(contentType) ? 'inline' : 'attachment',
        });
      if (!relay && redirectsDownloads(request.identity!.profile)) {
        // One HeadObject: the type decides inline or attachment as the relay does, and a
        // missing key or version is an ordinary error answer rather than the store's page.
        const details = await request.objectStore.getObjectDetails(bucket, key, versionId);
        const stored = details.contentType ?? undefined;
        const contentType = safeContentType({ contentType: stored });
        const url = await request.objectStore.presignGetObject(bucket, key, {
          expiresIn: REDIRECT_URL_SECONDS,
          contentDisposition: disposition(contentType),
          // The relay's override of a type that is no plain header value (or none at all).
          contentType: contentType === stored ? undefined : contentType,
          versionId,
        });
        return reply.code(302).header('cache-control', 'no-store').header('location', url).send();
      }
      const content = await request.objectStore.getObjectContent(
        bucket,
        key,
        singleRange(request.headers.range),
        versionId,
        request.server.downloadReads,
      );
      const contentType = safeContentType(content);
      return sendObjectContent(reply, content, {
        contentType,
        contentDisposition: disposition(contentType),
        // Store content never runs as a page of ours, even when opened directly.
        csp: 'sandbox',
      });
    },
  );
};
export default route;

declare module 'fastify' {
  interface FastifyInstance {
    /** Large whole-object downloads read in concurrent ranges (build-app.ts). */
    downloadReads: ParallelReads;
  }
}
