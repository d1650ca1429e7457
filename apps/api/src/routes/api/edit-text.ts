import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BucketParamsSchema,
  EditTextHeadersSchema,
  ObjectDetailsSchema,
  ObjectKeyQuerySchema,
  TEXT_EDIT_MAX_BYTES,
} from '@stowage/shared';
import { HttpError, payloadTooLarge } from '../../errors.js';
import { errorResponses } from './error-responses.js';

const TOO_LARGE = `The text is over ${TEXT_EDIT_MAX_BYTES / 1024 / 1024} MiB: too large to edit here (download it, edit it, upload it)`;

/** The body as bytes, refused (413) as soon as it passes the limit: never held beyond it. */
async function readLimited(payload: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of payload) {
    const buf = chunk as Buffer;
    length += buf.length;
    if (length > limit) {
      payload.destroy();
      throw payloadTooLarge(TOO_LARGE);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, length);
}

const route: FastifyPluginAsyncZod = async (app) => {
  // The body is the text, byte for byte (whatever the object's own type): read as bytes here.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', async (request: FastifyRequest, payload: Readable) => {
    if (Number(request.headers['content-length'] ?? 0) > TEXT_EDIT_MAX_BYTES) {
      throw payloadTooLarge(TOO_LARGE);
    }
    return readLimited(payload, TEXT_EDIT_MAX_BYTES);
  });

  app.put(
    '/buckets/:bucket/object/content',
    {
      config: { audit: { action: 'object.content.put' } },
      schema: {
        tags: ['objects'],
        summary: "Replace a text object's content (the editor's save), if it is unchanged",
        description:
          'Body: the text (Content-Type text/plain), at most 1 MiB (else 413). If-Match: the ETag ' +
          'the text was loaded with; a different current ETag answers 409 ObjectChanged and ' +
          "nothing is written. The object's Content-Type, other headers, metadata and tags are kept.",
        consumes: ['text/plain'],
        params: BucketParamsSchema,
        querystring: ObjectKeyQuerySchema,
        headers: EditTextHeadersSchema,
        body: z.any(),
        response: { 200: ObjectDetailsSchema, ...errorResponses },
      },
    },
    async (request) => {
      // No body at all is an empty text; a body of another type is not a text.
      const raw = request.body ?? Buffer.alloc(0);
      if (!Buffer.isBuffer(raw)) {
        throw new HttpError('UnsupportedMediaType', 'Send the text as text/plain');
      }
      return request.objectStore.editText(
        request.params.bucket,
        request.query.key,
        raw,
        request.headers['if-match'],
      );
    },
  );
};
export default route;
