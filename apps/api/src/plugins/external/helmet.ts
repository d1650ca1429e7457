import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/**
 * Security headers on every answer. The SPA's CSP allows no inline script; React sets style
 * props through the CSSOM, which style-src does not govern. The object content route sends
 * its own stricter `sandbox` policy (routes/api/get-object-content.ts).
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
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
  },
  { name: 'helmet' },
);
