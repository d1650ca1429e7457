import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';

/** The API's path, whether the request found a route there or not. */
export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** The request's path as the router reads it: percent-escapes decoded once. */
export function routedPath(request: FastifyRequest): string {
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * API answers are never stored by a browser or a proxy cache: they hold object listings,
 * metadata and content of a signed-in user (`Cache-Control: no-store`, unless a route sets
 * its own).
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply) => {
      if (isApiPath(routedPath(request)) && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
    });
  },
  { name: 'api-headers' },
);
