import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';

/**
 * Streamed multipart forms (uploads). Every limit is explicit: the default fileSize (1 MiB)
 * would silently cut a streamed file short — busboy only sets `truncated` and emits 'limit'.
 * An upload form is a few small fields and one file (see upload/read-upload-form.ts).
 */
export default fp<{ maxUploadBytes: number }>(
  async (app, opts) => {
    await app.register(multipart, {
      limits: {
        fileSize: opts.maxUploadBytes,
        files: 1,
        fields: 10,
        fieldSize: 8 * 1024,
        parts: 12,
      },
    });
  },
  { name: 'multipart' },
);
