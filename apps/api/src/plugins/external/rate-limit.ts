import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';

/** Registered without a global limit: counters are made where needed (the API's per-session limit in build-app.ts). */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
    });
  },
  { name: 'rate-limit' },
);
