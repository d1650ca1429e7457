import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every answer. The SPA's CSP allows no inline script; React sets style
 * props through the CSSOM, which style-src does not govern. The object content route sends
 * its own stricter `sandbox` policy (routes/api/get-object-content.ts), which wins over this
 * one (headers set on the reply take precedence over those set on the raw response).
 *
 * helmet itself, built once: @fastify/helmet builds it again for every request (parsing the
 * CSP each time), ~0.05 ms of the ~0.35 ms of CPU a small request costs (BENCHMARKS.md, head).
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      // 'wasm-unsafe-eval' lets WebAssembly compile (the upload worker's MD5, hash-wasm); it
      // allows no eval() of JavaScript and no inline script.
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'blob:', 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  // Plain http on loopback is the default deployment: HSTS is the TLS proxy's call.
  strictTransportSecurity: false,
});

/** Sets the headers on a response (also on answers the router gives before any hook). */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  // helmet throws its errors (since 8.1) rather than passing them on.
  securityHeaders(request.raw, reply.raw, () => {});
}

export default fp(
  (app, _opts, done) => {
    app.addHook('onRequest', (request, reply, next) => {
      setSecurityHeaders(request, reply);
      next();
    });
    done();
  },
  { name: 'helmet' },
);
