import { hostname } from 'node:os';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AccessConfig } from './config/access.js';
import { redactSecrets } from './log-redaction.js';
import { refuseReadOnly } from './plugins/app/access.js';
import { frameworkErrorHandler } from './plugins/app/error-handler.js';
import type { SessionRevocations } from './auth/session-revocations.js';
import { markWriteScope } from './audit/audit-plugin.js';
import type { Drain } from './plugins/app/drain.js';
import type { WebIdentityCredentials } from './store/s3-web-identity.js';
import { apiRateLimit, registerPlugins } from './plugins/register.js';
import { lazyChildLogger, requestId } from './plugins/request-context.js';
import {
  DEFAULT_UPLOAD_BUFFER_BYTES,
  type DownloadReadSettings,
  MAX_OBJECT_BYTES,
} from './config/env-schema.js';
import { BufferBudget } from './upload/buffer-budget.js';
import type { SharedState } from './shared-state/redis.js';
import { SharedSignInGuard } from './shared-state/shared-sign-in-guard.js';
import { DEFAULT_HTTP_CONFIG, trustProxyOption, type HttpConfig } from './config/http.js';
import type { AuditLog } from './audit/audit-log.js';
import getAudit from './routes/api/get-audit.js';
import staticFiles from './plugins/external/static.js';
import health from './routes/api/health.js';
import ready from './routes/api/ready.js';
import getSession from './routes/api/get-session.js';
import signIn from './routes/api/sign-in.js';
import signOut from './routes/api/sign-out.js';
import sso from './routes/api/sso.js';
import signOutEverywhere from './routes/api/sign-out-everywhere.js';
import listBuckets from './routes/api/list-buckets.js';
import listObjects from './routes/api/list-objects.js';
import getObject from './routes/api/get-object.js';
import getObjectContent from './routes/api/get-object-content.js';
import getObjectTags from './routes/api/get-object-tags.js';
import uploadObject from './routes/api/upload-object.js';
import multipartUpload from './routes/api/multipart-upload.js';
import multipartPart from './routes/api/multipart-part.js';
import updateMetadata from './routes/api/update-metadata.js';
import createFolder from './routes/api/create-folder.js';
import editText from './routes/api/edit-text.js';
import putTags from './routes/api/put-tags.js';
import deleteObject from './routes/api/delete-object.js';
import deleteObjects from './routes/api/delete-objects.js';
import prefixSummary from './routes/api/prefix-summary.js';
import existingKeys from './routes/api/existing-keys.js';
import getBucketCapabilities from './routes/api/get-bucket-capabilities.js';
import copyObjects from './routes/api/copy-objects.js';
import renameObjects from './routes/api/rename-objects.js';
import getZip from './routes/api/get-zip.js';
import getBucketSetting from './routes/api/get-bucket-setting.js';
import putBucketSetting from './routes/api/put-bucket-setting.js';
import deleteBucketSetting from './routes/api/delete-bucket-setting.js';
import postZip from './routes/api/post-zip.js';
import createBucket from './routes/api/create-bucket.js';
import deleteBucket from './routes/api/delete-bucket.js';
import emptyBucket from './routes/api/empty-bucket.js';
import listUploads from './routes/api/list-uploads.js';
import abortUpload from './routes/api/abort-upload.js';
import abortOlderUploads from './routes/api/abort-older-uploads.js';
import getUsage from './routes/api/get-usage.js';
import createUploadLink from './routes/api/create-upload-link.js';
import uploadThroughLink from './routes/public/upload-through-link.js';
import shareObject from './routes/api/share-object.js';
import listLinks from './routes/api/list-links.js';
import deleteLink from './routes/api/delete-link.js';
import publicLinks from './routes/public/public-links.js';
import listVersions from './routes/api/list-versions.js';
import searchObjects from './routes/api/search-objects.js';
import restoreVersion from './routes/api/restore-version.js';
import undeleteObject from './routes/api/undelete-object.js';
import getVersioning from './routes/api/get-versioning.js';
import putVersioning from './routes/api/put-versioning.js';
import './links/link-url.js';

export interface BuildAppOptions {
  /** Profiles, sign-in, sessions, read-only (config/load-config.ts `access`). */
  access: AccessConfig;
  /** The built SPA to serve; omitted means API only. */
  webDir?: string | undefined;
  /** Pino options (level, stream...); the secrets are redacted whatever is given. */
  logger?: Exclude<FastifyServerOptions['logger'], true>;
  /** The largest file one upload may carry (STOWAGE_MAX_UPLOAD_BYTES); default 5 TiB. */
  maxUploadBytes?: number;
  /** Upload parts all uploads together may hold in memory (STOWAGE_UPLOAD_BUFFER_MIB). */
  uploadBufferBytes?: number;
  /** Large downloads read in concurrent ranges (STOWAGE_DOWNLOAD_*); default DEFAULT_DOWNLOAD_READS. */
  downloadReads?: DownloadReadSettings;
  /** Ended sessions; default: in this process's memory (server.ts keeps them in a file). */
  sessionRevocations?: SessionRevocations;
  /** Allowed hosts, trusted proxies, API rate limit, source maps (config/http.ts defaults). */
  http?: Partial<HttpConfig>;
  /**
   * The budget itself, for tests that watch what uploads reserve; it wins over
   * uploadBufferBytes. Production leaves it out and gets a budget of its own.
   */
  uploadBudget?: BufferBudget;
  /**
   * A request body that delivers less than 1 KiB in this long of waiting for the client is cut
   * off with 408 (STOWAGE_BODY_TIMEOUT_SECONDS; plugins/app/body-watchdog.ts). Default 60 s.
   */
  bodyTimeoutMs?: number;
  /** ZIP64 records in every zip download whatever its size: for tests (zip/zip-writer.ts). */
  zipForceZip64?: boolean;
  /**
   * Identity passthrough's STS exchange (store/s3-web-identity.ts); default: a new one. Tests
   * give their own to count the exchanges.
   */
  webIdentity?: WebIdentityCredentials;
  /** STOWAGE_AUDIT_LOG's writer (audit/audit-log.ts); undefined: no audit log. */
  audit?: AuditLog | undefined;
  /**
   * STOWAGE_REDIS_URL's client (shared-state/redis.ts): the sign-in limit, the API rate limit and
   * sign-outs are then shared by every instance. Undefined: all of it in this process.
   */
  sharedState?: SharedState | undefined;
  /** The graceful restart's state (server.ts begins it on SIGTERM); default: a new one. */
  drain?: Drain;
  /** STOWAGE_METRICS_TOKEN: `/metrics` exists only with it (plugins/app/metrics.ts). */
  metricsToken?: string | undefined;
  /** STOWAGE_INSTANCE_ID: the X-Stowage-Instance header of every answer, and every log line's `instance`. */
  instanceId?: string | undefined;
}

/** Headers and fields that hold secrets: pino writes `[Redacted]` instead. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'secretAccessKey',
  'password',
  '*.secretAccessKey',
  '*.password',
  '*.*.secretAccessKey',
  '*.*.password',
];

/** The one way to build the app: server.ts and every test call this. */
export async function buildApp(opts: BuildAppOptions) {
  const http: HttpConfig = { ...DEFAULT_HTTP_CONFIG, ...opts.http };
  const app = Fastify({
    logger: opts.logger
      ? {
          ...opts.logger,
          redact: { paths: REDACT },
          // pino's own base (pid, hostname) plus the instance's name.
          ...(opts.instanceId
            ? {
                base: {
                  pid: process.pid,
                  hostname: hostname(),
                  ...opts.logger.base,
                  instance: opts.instanceId,
                },
              }
            : {}),
          // Secrets at any depth, e.g. @fastify/multipart's trace of the request headers.
          formatters: { ...opts.logger.formatters, log: redactSecrets },
        }
      : false,
    // One line per request, written by plugins/app/request-log.ts.
    logController: new LogController({ disableRequestLogging: true }),
    // request.log is made at its first line that passes the level (plugins/request-context.ts).
    ...(opts.logger ? { childLoggerFactory: lazyChildLogger } : {}),
    // Bucket names may be 255 characters; Fastify's default cap on a path parameter is 100.
    routerOptions: { maxParamLength: 300 },
    // X-Forwarded-* are believed only from these peers (request.ip, .protocol, .host).
    trustProxy: trustProxyOption(http.trustProxy),
    frameworkErrors: frameworkErrorHandler,
    // Unique across instances: an error body and the log line of its request share it.
    genReqId: requestId,
    // While it drains (SIGTERM), a request on a connection already open is still served, with
    // `Connection: close` (plugins/app/drain.ts), rather than Fastify's bare 503.
    return503OnClosing: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // External plugins, then the app's own (plugins/register.ts), then routes.
  const maxUploadBytes = opts.maxUploadBytes ?? MAX_OBJECT_BYTES;
  const budget =
    opts.uploadBudget ?? new BufferBudget(opts.uploadBufferBytes ?? DEFAULT_UPLOAD_BUFFER_BYTES);
  await registerPlugins(app, opts, http, { budget, maxUploadBytes });
  const shared = opts.sharedState;

  await app.register(
    async (api) => {
      if (http.apiRateLimitPerMinute > 0) api.addHook('onRequest', apiRateLimit(api, http));
      await api.register(health);
      await api.register(ready);
      await api.register(getSession);
      await api.register(signIn, {
        limit: opts.access.loginRateLimit,
        guard: shared && new SharedSignInGuard(shared, opts.access.loginRateLimit),
      });
      await api.register(signOut);
      if (opts.access.sso) await api.register(sso, { sso: opts.access.sso });
      for (const route of [
        signOutEverywhere,
        listBuckets,
        listObjects,
        getObject,
        getObjectContent,
        getObjectTags,
        prefixSummary,
        getBucketCapabilities,
        listUploads,
        getUsage,
        getBucketSetting,
        listVersions,
        getVersioning,
        searchObjects,
        // Download links are reads: a read-only profile may make them (links/README.md).
        shareObject,
        listLinks,
        getAudit,
      ]) {
        await api.register(route);
      }
      // Zip downloads are reads (the POST of a selection too): a read-only profile has them.
      const zip = { forceZip64: opts.zipForceZip64 === true };
      await api.register(getZip, zip);
      await api.register(postZip, zip);
      // STOWAGE_READ_ONLY: the write routes do not exist. A read-only profile gets 403.
      if (opts.access.readOnly) return;
      await api.register(async (writes) => {
        writes.addHook('onRequest', refuseReadOnly);
        markWriteScope(writes);
        for (const route of [
          updateMetadata,
          putTags,
          deleteObject,
          deleteObjects,
          existingKeys,
          copyObjects,
          renameObjects,
          createBucket,
          deleteBucket,
          emptyBucket,
          abortUpload,
          abortOlderUploads,
          putBucketSetting,
          deleteBucketSetting,
          deleteLink,
          restoreVersion,
          undeleteObject,
          putVersioning,
          createFolder,
          editText,
        ]) {
          await writes.register(route);
        }
        await writes.register(uploadObject, { maxUploadBytes, budget });
        // Big uploads part by part (issue 22): parts are streamed, not buffered.
        await writes.register(multipartUpload, { maxUploadBytes });
        await writes.register(multipartPart);
        await writes.register(createUploadLink, { maxUploadBytes });
      });
    },
    { prefix: '/api' },
  );
  // Share links' public routes (/s/…): no session; each checks its own signed token.
  await app.register(publicLinks, { webDir: opts.webDir });
  if (!opts.access.readOnly) {
    await app.register(uploadThroughLink, { maxUploadBytes, budget });
  }
  if (opts.webDir) {
    await app.register(staticFiles, { webDir: opts.webDir, serveSourceMaps: http.serveSourceMaps });
  }
  return app;
}
