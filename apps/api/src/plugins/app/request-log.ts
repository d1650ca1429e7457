import fp from 'fastify-plugin';

/**
 * One structured line per request (Fastify's own two lines are switched off in build-app.ts):
 * method, route pattern (never the query, which holds object keys), status, latency, bucket.
 */
export default fp(
  async (app) => {
    app.addHook('onResponse', async (request, reply) => {
      const bucket = (request.params as { bucket?: unknown } | undefined)?.bucket;
      request.log.info(
        {
          method: request.method,
          route: request.routeOptions.url ?? request.url.split('?')[0],
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
          ...(typeof bucket === 'string' ? { bucket } : {}),
        },
        'request',
      );
    });
  },
  { name: 'request-log' },
);
