import fp from 'fastify-plugin';
import { hostAllowed, type AllowedHosts } from '../../config/http.js';
import { HttpError } from '../../errors.js';

/**
 * Every request must name this server in its Host header (X-Forwarded-Host from a trusted
 * proxy): a page on an attacker's domain that resolves to this address (DNS rebinding) is
 * refused before anything else runs, in every auth mode. 421 Misdirected Request says "not
 * this server"; the page of such a name never gets an answer it could read.
 */
export default fp<{ allowedHosts: AllowedHosts }>(
  (app, opts, done) => {
    if (opts.allowedHosts.any) return done();
    app.addHook('onRequest', (request, _reply, next) => {
      if (hostAllowed(opts.allowedHosts, request.host)) return next();
      const shown = JSON.stringify(request.host.slice(0, 100));
      throw new HttpError(
        'MisdirectedHost',
        `This server does not answer for the host ${shown}. If it is one of its names, ` +
          'add it to STOWAGE_ALLOWED_HOSTS or set STOWAGE_PUBLIC_URL.',
      );
    });
    done();
  },
  { name: 'host-check', dependencies: ['helmet'] },
);
