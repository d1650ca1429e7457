import fp from 'fastify-plugin';
import { logsInfo } from '../request-context.js';

/**
 * One structured line per request (Fastify's own two lines are switched off in build-app.ts):
 * method, route pattern (never the query, which holds object keys), status, latency, bucket.
 */
export default fp(
  (app, _opts, done) => {
    app.addHook('onResponse', (request, reply, next) => {
      // Nothing built when the level is above info (request.log: plugins/request-context.ts).
      if (!logsInfo(request.log)) return next();
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
      next();
    });
    done();
  },
  { name: 'request-log' },
);
