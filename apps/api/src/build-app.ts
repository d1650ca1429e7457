import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { MAX_OBJECT_BYTES, type StoreConfig } from './config.js';
import errorHandler from './plugins/app/error-handler.js';
import objectStore from './plugins/app/object-store.js';
import multipart from './plugins/external/multipart.js';
import swagger from './plugins/external/swagger.js';
import staticFiles from './plugins/external/static.js';
import health from './routes/api/health.js';
import listBuckets from './routes/api/list-buckets.js';
import listObjects from './routes/api/list-objects.js';
import getObject from './routes/api/get-object.js';
import getObjectContent from './routes/api/get-object-content.js';
import uploadObject from './routes/api/upload-object.js';
import updateMetadata from './routes/api/update-metadata.js';
import putTags from './routes/api/put-tags.js';
import deleteObject from './routes/api/delete-object.js';
import deleteObjects from './routes/api/delete-objects.js';
import prefixSummary from './routes/api/prefix-summary.js';
import existingKeys from './routes/api/existing-keys.js';
import getBucketCapabilities from './routes/api/get-bucket-capabilities.js';

export interface BuildAppOptions {
  store: StoreConfig;
  /** The built SPA to serve; omitted means API only. */
  webDir?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** The largest file one upload may carry (STOWAGE_MAX_UPLOAD_BYTES); default 5 TiB. */
  maxUploadBytes?: number;
}

/** The one way to build the app: server.ts and every test call this. */
export async function buildApp(opts: BuildAppOptions) {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Bucket names may be 255 characters; Fastify's default cap on a path parameter is 100.
    routerOptions: { maxParamLength: 300 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // External plugins, then the app's own, then routes.
  const maxUploadBytes = opts.maxUploadBytes ?? MAX_OBJECT_BYTES;
  await app.register(errorHandler);
  await app.register(swagger);
  await app.register(multipart, { maxUploadBytes });
  await app.register(objectStore, { store: opts.store });

  await app.register(
    async (api) => {
      for (const route of [
        health,
        listBuckets,
        listObjects,
        getObject,
        getObjectContent,
        updateMetadata,
        putTags,
        deleteObject,
        deleteObjects,
        prefixSummary,
        existingKeys,
        getBucketCapabilities,
      ]) {
        await api.register(route);
      }
      await api.register(uploadObject, { maxUploadBytes });
    },
    { prefix: '/api' },
  );
  if (opts.webDir) await app.register(staticFiles, { webDir: opts.webDir });
  return app;
}
