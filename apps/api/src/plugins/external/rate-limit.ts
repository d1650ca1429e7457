import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';

/** Registered without a global limit: counters are made where needed (auth/sign-in-limit.ts). */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
    });
  },
  { name: 'rate-limit' },
);
