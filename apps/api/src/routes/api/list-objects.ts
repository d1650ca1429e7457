import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BucketParamsSchema,
  ListObjectsQuerySchema,
  ListObjectsResponseSchema,
  type ListObjectsQuery,
  type ListObjectsResponse,
} from '@stowage/shared';
import { hiddenFolder } from '../../links/link-records.js';
import type { ObjectStore } from '../../store/object-store.js';
import { errorResponses } from './error-responses.js';
import { allowlistSerializerCompiler } from './allowlist-serializer.js';

/**
 * One page without the link records' folder (".stowage/"): the page the store gave, less that
 * folder or its objects; the cursor is the store's own, so no entry is lost or seen twice. A page
 * left empty with more to come is followed by the next, so a page is never empty but last.
 */
async function listWithout(
  store: ObjectStore,
  bucket: string,
  query: ListObjectsQuery,
  hidden: string,
): Promise<ListObjectsResponse> {
  let cursor = query.cursor;
  for (;;) {
    const page = await store.listObjects(bucket, { ...query, cursor });
    const result: ListObjectsResponse = {
      prefixes: page.prefixes.filter((p) => p !== hidden),
      objects: page.objects.filter((o) => !o.key.startsWith(hidden)),
      nextCursor: page.nextCursor,
    };
    // A deleted=true page's folders of deleted keys, less that folder too.
    if (page.deletedPrefixes) {
      result.deletedPrefixes = page.deletedPrefixes.filter((p) => p !== hidden);
    }
    if (result.prefixes.length + result.objects.length > 0 || !page.nextCursor) return result;
    cursor = page.nextCursor;
  }
}

const route: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/buckets/:bucket/objects',
    {
      // The answer's fields are picked by its schema, not validated again (allowlist-serializer.ts).
      serializerCompiler: allowlistSerializerCompiler,
      schema: {
        tags: ['objects'],
        summary: 'One page of the objects and folders under a prefix',
        description:
          'The folder that keeps share-link records (".stowage/" by default) is left out of any ' +
          'listing that would show it; list under it (prefix ".stowage/") to see them.',
        params: BucketParamsSchema,
        querystring: ListObjectsQuerySchema,
        response: { 200: ListObjectsResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { bucket } = request.params;
      const { prefix } = request.query;
      const hidden = hiddenFolder(request.identity!.profile.links, bucket);
      // Hidden when the listing would show it: its prefix leads into the folder, not inside it.
      if (hidden && hidden.startsWith(prefix) && prefix !== hidden) {
        return listWithout(request.objectStore, bucket, request.query, hidden);
      }
      return request.objectStore.listObjects(bucket, request.query);
    },
  );
};
export default route;
