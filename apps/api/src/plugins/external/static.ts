import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUCKETS_PATH, SESSION_PATH, folderPageUrl } from '@stowage/shared';
import { notFound } from '../../errors.js';
import { isApiPath, routedPath } from '../app/api-headers.js';

/**
 * What the app at `url` asks for first: the session, and the page's own data (the bucket
 * list, or a folder's first page). The same shared functions build the app's requests.
 */
export function firstRequests(url: string): string[] {
  const { pathname, searchParams } = new URL(url, 'http://stowage');
  if (pathname === '/') return [SESSION_PATH, BUCKETS_PATH];
  const segment = /^\/b\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (segment === undefined) return [SESSION_PATH];
  // A malformed %-escape never gets here: the router answers 400 first. ?deleted=1 is the
  // app's "Show deleted": its first page is the listing with the deleted keys.
  return [
    SESSION_PATH,
    folderPageUrl(decodeURIComponent(segment), searchParams.get('prefix') ?? '', undefined, {
      deleted: searchParams.get('deleted') === '1',
    }),
  ];
}

/**
 * Serves the built SPA. Other GET paths get index.html so deep links load the app;
 * unknown /api paths stay JSON 404s. The page comes with a preload (Link header) of the
 * app's first requests, so the browser asks for them while it is still loading the scripts
 * (~0.4 s of a first visit here; BENCHMARKS.md, browser).
 */
export default fp<{ webDir: string; serveSourceMaps: boolean }>(
  async (app, opts) => {
    if (!existsSync(path.join(opts.webDir, 'index.html'))) {
      app.log.warn(`No web build at ${opts.webDir}: serving the API only`);
      return;
    }
    await app.register(async (web) => {
      // The web build is public (the login page loads without a session): every route of
      // this scope, and only these, is marked so for the gate (plugins/app/access.ts).
      web.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true };
      });
      await serveWebBuild(web, opts.webDir, opts.serveSourceMaps);
    });
  },
  { name: 'static' },
);

/**
 * The build's files (source maps only when STOWAGE_SOURCE_MAPS asks: they are built
 * `hidden`, and the scripts then name them in a SourceMap header), and the app's page for
 * every other GET path.
 */
async function serveWebBuild(web: FastifyInstance, webDir: string, serveSourceMaps: boolean) {
  // index: false: "/" is the app's bucket list, served below with its preloads.
  await web.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    globIgnore: serveSourceMaps ? [] : ['**/*.map'],
    setHeaders: (reply, file) => {
      if (serveSourceMaps && file.endsWith('.js') && existsSync(`${file}.map`)) {
        reply.header('sourcemap', `${path.basename(file)}.map`);
      }
    },
  });
  web.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = routedPath(request);
    if (isApiPath(pathname) || pathname.endsWith('.map')) {
      throw notFound(`No route GET ${pathname}`);
    }
    // `crossorigin`: the app's fetch() is a CORS-mode request, and only a preload of the
    // same mode and URL is handed to it. encodeURIComponent leaves no `>`, `,` or `;`.
    const links = firstRequests(request.url).map(
      (url) => `<${url}>; rel=preload; as=fetch; crossorigin`,
    );
    return reply
      .header('link', links.join(', '))
      .type('text/html; charset=utf-8')
      .sendFile('index.html');
  });
}
