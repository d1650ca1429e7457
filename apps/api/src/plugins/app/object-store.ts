import fp from 'fastify-plugin';
import type { StoreConfig } from '../../config.js';
import { S3Store } from '../../store/s3-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The S3 seam: routes call it; nothing else touches the SDK. */
    objectStore: S3Store;
  }
}

export default fp<{ store: StoreConfig }>(
  async (app, opts) => {
    const store = new S3Store(opts.store);
    app.decorate('objectStore', store);
    app.addHook('onClose', async () => store.destroy());
  },
  { name: 'object-store' },
);
