import fp from 'fastify-plugin';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Profile } from '../../config/profiles.js';
import { redirectsDownloads } from '../../config/downloads.js';

/** What helmet does to a response, recorded once: headers to set, headers to remove. */
export interface SecurityHeaders {
  set: ReadonlyArray<readonly [name: string, value: string]>;
  remove: readonly string[];
}

/**
 * Security headers on every answer. The SPA's CSP allows no inline script; React sets style
 * props through the CSSOM, which style-src does not govern. The object content route sends
 * its own stricter `sandbox` policy (routes/api/get-object-content.ts), which wins over this
 * one (headers set on the reply take precedence over those set on the raw response).
 *
 * helmet builds the headers once, and they are then copied: @fastify/helmet builds helmet
 * again for every request (parsing the CSP each time, ~0.05 ms), and helmet's own middleware
 * chain still costs ~10 µs a request (ADR 0002). Nothing here depends on the request (no
 * nonce), so helmet is run once on a recording response and what it did is replayed.
 */
const headersWith = (
  connectSources: readonly string[],
  downloadSources: readonly string[] = [],
): SecurityHeaders =>
  recorded(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // 'wasm-unsafe-eval' lets WebAssembly compile (the upload worker's MD5, hash-wasm); it
          // allows no eval() of JavaScript and no inline script.
          scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
          styleSrc: ["'self'"],
          // Previews of a profile with `downloads: "redirect"` load from its store (302 there).
          imgSrc: ["'self'", 'blob:', 'data:', ...downloadSources],
          mediaSrc: ["'self'", ...downloadSources],
          frameSrc: ["'self'", ...downloadSources],
          // The stores big uploads go straight to (direct transport: profiles' uploadTransport).
          connectSrc: ["'self'", ...connectSources],
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
    }),
  );

type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** Runs helmet's middleware once on a response that only records what is done to it. */
export function recorded(middleware: Middleware): SecurityHeaders {
  const set: [string, string][] = [];
  const remove: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void remove.push(name),
  };
  let failed: unknown;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (err) => {
    failed = err;
  });
  if (failed) throw failed;
  return { set, remove };
}

const defaultHeaders = headersWith([]);

declare module 'fastify' {
  interface FastifyInstance {
    /** helmet as this app builds it (its CSP names the stores of direct uploads). */
    securityHeaders?: SecurityHeaders;
  }
}

/**
 * The origins a page sends big uploads' parts to (README "Big uploads in the browser",
 * Transports): every profile with `uploadTransport: "direct"` on SigV4 — its endpoint's origin
 * (and its subdomains when buckets are virtual-hosted), or AWS S3's `https://*.amazonaws.com`.
 */
export function directUploadSources(profiles: readonly Profile[]): string[] {
  return storeOrigins(
    profiles.filter(
      (p) => p.uploadTransport === 'direct' && p.connection.signatureVersion === 'v4',
    ),
  );
}

/**
 * The origins previews follow a content route's 302 to (README "Downloads: relay or
 * redirect"): the store of every profile whose downloads redirect (config/downloads.ts).
 */
export const redirectDownloadSources = (profiles: readonly Profile[]): string[] =>
  storeOrigins(profiles.filter(redirectsDownloads));

/** Each profile's endpoint origin (and its subdomains when buckets are virtual-hosted). */
function storeOrigins(profiles: readonly Profile[]): string[] {
  const sources = new Set<string>();
  for (const p of profiles) {
    const endpoint = p.connection.endpoint;
    if (endpoint === undefined) {
      sources.add('https://*.amazonaws.com');
      continue;
    }
    const url = new URL(endpoint);
    sources.add(url.origin);
    if (!p.connection.forcePathStyle) sources.add(`${url.protocol}//*.${url.host}`);
  }
  return [...sources];
}

/** Sets the headers on a response (also on answers the router gives before any hook). */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const { set, remove } = request.server.securityHeaders ?? defaultHeaders;
  const res = reply.raw;
  for (const name of remove) res.removeHeader(name);
  for (const [name, value] of set) res.setHeader(name, value);
}

export default fp<{ connectSources?: readonly string[]; downloadSources?: readonly string[] }>(
  (app, opts, done) => {
    const sources = opts.connectSources ?? [];
    const downloads = opts.downloadSources ?? [];
    app.decorate(
      'securityHeaders',
      sources.length || downloads.length ? headersWith(sources, downloads) : defaultHeaders,
    );
    app.addHook('onRequest', (request, reply, next) => {
      setSecurityHeaders(request, reply);
      next();
    });
    done();
  },
  { name: 'helmet' },
);
