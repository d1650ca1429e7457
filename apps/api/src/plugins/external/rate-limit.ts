import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';

/** Registered without a global limit: routes opt in (sign-in, per client and per key id). */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `Too many sign-in attempts: try again in ${context.after}`,
      }),
    });
  },
  { name: 'rate-limit' },
);
