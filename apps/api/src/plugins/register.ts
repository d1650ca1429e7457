import type { FastifyInstance } from 'fastify';
import type { BuildAppOptions } from '../build-app.js';
import type { HttpConfig } from '../config/http.js';
import { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_DOWNLOAD_READS } from '../config/env-schema.js';
import { HttpError } from '../errors.js';
import type { BufferBudget } from '../upload/buffer-budget.js';
import { MemorySessionRevocations } from '../auth/session-revocations.js';
import { SharedSessionRevocations } from '../shared-state/shared-revocations.js';
import { SsoClient } from '../auth/sso-client.js';
import { WebIdentityCredentials } from '../store/s3-web-identity.js';
import auditPlugin from '../audit/audit-plugin.js';
import access from './app/access.js';
import apiHeaders from './app/api-headers.js';
import bodyWatchdog from './app/body-watchdog.js';
import drainPlugin, { Drain } from './app/drain.js';
import errorHandler from './app/error-handler.js';
import hostCheck from './app/host-check.js';
import metrics, { Meters } from './app/metrics.js';
import requestLog from './app/request-log.js';
import helmet, { directUploadSources, redirectDownloadSources } from './external/helmet.js';
import multipart from './external/multipart.js';
import rateLimit from './external/rate-limit.js';
import secureSession from './external/secure-session.js';
import swagger from './external/swagger.js';

/**
 * Every plugin of the app, in order, before the routes (build-app.ts registers those): the
 * external plugins and the app's own, whose hooks every request passes (ADR 0002 lists them
 * with what each costs).
 */
export async function registerPlugins(
  app: FastifyInstance,
  opts: BuildAppOptions,
  http: HttpConfig,
  limits: { budget: BufferBudget; maxUploadBytes: number },
): Promise<void> {
  const { budget, maxUploadBytes } = limits;
  // First, so its onRequest hook runs before any other can answer (and leave a body unread).
  await app.register(bodyWatchdog, { timeoutMs: opts.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS });
  await app.register(errorHandler);
  await app.register(drainPlugin, { drain: opts.drain ?? new Drain() });
  // Before the routes, so its onResponse hook sees every one; nothing at all without a token.
  const meters = opts.metricsToken ? new Meters(budget) : undefined;
  if (meters) await app.register(metrics, { token: opts.metricsToken!, meters });
  await app.register(helmet, {
    connectSources: directUploadSources(opts.access.profiles),
    downloadSources: redirectDownloadSources(opts.access.profiles),
  });
  await app.register(hostCheck, { allowedHosts: http.allowedHosts });
  await app.register(apiHeaders, { instanceId: opts.instanceId });
  await app.register(secureSession, { session: opts.access.session });
  const shared = opts.sharedState;
  await app.register(rateLimit, { redis: shared?.redis });
  await app.register(access, {
    access: opts.access,
    revocations:
      opts.sessionRevocations ??
      (shared ? new SharedSessionRevocations(shared) : new MemorySessionRevocations()),
    // The one holder of identity passthrough's temporary credentials (SSO roles with
    // `identity: "passthrough"`): kept in this process only, per session.
    webIdentity: opts.webIdentity ?? new WebIdentityCredentials(),
    // Metrics on: every store's calls are counted (none wrapped when off).
    watchStores: meters?.watchSend,
  });
  await app.register(requestLog);
  await app.register(auditPlugin, { log: opts.audit });
  await app.register(swagger);
  await app.register(multipart, { maxUploadBytes });
  app.decorate('publicUrl', http.publicUrl);
  // Their memory comes from the upload budget, when free (store/s3-parallel-read.ts).
  app.decorate('downloadReads', { ...(opts.downloadReads ?? DEFAULT_DOWNLOAD_READS), budget });
  app.decorate('ssoClient', opts.access.sso ? new SsoClient(opts.access.sso) : undefined);
}

/**
 * Requests per minute one session may make on /api (before sign-in: one client address). A
 * generous ceiling against a runaway script or a flood, not a quota: STOWAGE_API_RATE_LIMIT.
 */
export function apiRateLimit(api: FastifyInstance, http: HttpConfig) {
  return api.rateLimit({
    max: http.apiRateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) =>
      request.identity?.session ? `session ${request.identity.session.id}` : `client ${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        'TooManyRequests',
        `Too many requests: at most ${context.max} a minute per session; try again in ${context.after}`,
      ),
  });
}
