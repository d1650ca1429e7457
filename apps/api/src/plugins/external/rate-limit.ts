import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { KEY_PREFIX } from '../../shared-state/redis.js';

/**
 * Registered without a global limit: counters are made where needed (the API's per-session limit
 * in build-app.ts). With several instances (STOWAGE_REDIS_URL) the counters live in Redis, so a
 * session's limit holds across instances; while Redis is unreachable requests are let through
 * (`skipOnError`: a generous ceiling is not worth refusing signed-in users for).
 */
export default fp<{ redis?: Redis | undefined }>(
  async (app, opts) => {
    await app.register(rateLimit, {
      global: false,
      ...(opts.redis
        ? { redis: opts.redis, nameSpace: `${KEY_PREFIX}api-rate:`, skipOnError: true }
        : {}),
    });
  },
  { name: 'rate-limit' },
);
