import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

/**
 * Sign-in attempts are counted per client address and, separately, per access key id (or per
 * profile for a password), so neither many keys from one client nor one key from many clients
 * can be guessed at speed. The over-limit answer is a 429 with Retry-After.
 */
export function signInLimit(app: FastifyInstance, limit: { max: number; windowMs: number }) {
  const perClient = app.createRateLimit({ max: limit.max, timeWindow: limit.windowMs });
  const perKey = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => {
      const body = request.body as { accessKeyId?: unknown; profile?: unknown } | undefined;
      return typeof body?.accessKeyId === 'string'
        ? `sign-in key ${body.accessKeyId}`
        : `sign-in password ${String(body?.profile ?? '')}`;
    },
  });
  return async (request: FastifyRequest) => {
    for (const counter of [perClient, perKey]) {
      const r = await counter(request);
      if (!r.isAllowed && r.isExceeded) {
        const wait =
          r.ttlInSeconds > 90
            ? `${Math.ceil(r.ttlInSeconds / 60)} minutes`
            : `${r.ttlInSeconds} seconds`;
        throw new HttpError(429, `Too many sign-in attempts: try again in ${wait}`, {
          'retry-after': String(r.ttlInSeconds),
        });
      }
    }
  };
}
