import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { notFound } from '../../errors.js';

/**
 * Serves the built SPA. Other GET paths get index.html so deep links load the app;
 * unknown /api paths stay JSON 404s.
 */
export default fp<{ webDir: string }>(
  async (app, opts) => {
    if (!existsSync(path.join(opts.webDir, 'index.html'))) {
      app.log.warn(`No web build at ${opts.webDir}: serving the API only`);
      return;
    }
    await app.register(fastifyStatic, { root: opts.webDir, wildcard: false });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url === '/api' || request.url.startsWith('/api/')) {
        throw notFound(`No route GET ${request.url.split('?')[0]}`);
      }
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    });
  },
  { name: 'static' },
);
