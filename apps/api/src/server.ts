import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build-app.js';
import { ConfigError, readSettings, resolveConfig, type Settings } from './config/load-config.js';
import { embeddedSignInHint } from './embedded/keys.js';
import { tlsVerifyWarning } from './config/connection.js';
import { startEmbeddedStore, type EmbeddedStore } from './embedded/embedded-store.js';
import { S3Store } from './store/s3-store.js';
import { seedDemo } from './embedded/seed-demo.js';
import { MemorySessionRevocations } from './auth/session-revocations.js';
import { SharedState } from './shared-state/redis.js';
import { SharedSessionRevocations } from './shared-state/shared-revocations.js';
import { allowedHostsHint } from './config/http.js';
import { linkSecretWarning } from './config/access.js';
import { redirectRefusal } from './config/downloads.js';
import { AuditLog } from './audit/audit-log.js';
import { Drain } from './plugins/app/drain.js';
import { HttpError } from './errors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultWebDir = path.resolve(here, '../../web/dist');

function readConfig(): Settings {
  try {
    return readSettings();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

async function main() {
  const settings = readConfig();
  const log = { info: console.log, error: console.error };
  // The embedded store runs before the configuration is resolved: its endpoint is part of it.
  let embedded: EmbeddedStore | undefined;
  if (settings.useEmbeddedStore) {
    const { dataDir, embeddedKeys } = resolveConfig(settings);
    embedded = await startEmbeddedStore(dataDir, embeddedKeys, log);
  }
  const config = resolveConfig(settings, embedded?.endpoint);
  const logger = { level: config.logLevel };
  for (const p of config.access.profiles) {
    const warning = tlsVerifyWarning(p.name, p.connection);
    if (warning) console.warn(warning);
  }
  if (embedded && config.access.authRequired) log.info(embeddedSignInHint(config.embeddedKeys));
  const marker = path.join(config.dataDir, '.demo-seeded');
  if (config.seedDemo && !existsSync(marker)) {
    log.info('Seeding the demo bucket…');
    const store = new S3Store(config.store);
    await seedDemo(store);
    store.destroy();
    writeFileSync(marker, new Date().toISOString());
  }

  mkdirSync(config.dataDir, { recursive: true });
  // Several instances: the state they share (README "Running several instances").
  // Its outages are logged to the console until the app's logger exists.
  const shared = config.redisUrl
    ? new SharedState(config.redisUrl, {
        warn: (obj, msg) => console.warn(msg, obj),
        info: (msg) => console.log(msg),
      })
    : undefined;
  // The first sign-ins need it: wait a moment for the first connection (an outage is logged).
  await shared?.connected(5000);
  const revocationFile = path.join(config.dataDir, 'revoked-sessions.jsonl');
  const audit = config.audit ? new AuditLog(config.audit) : undefined;
  const drain = new Drain();
  const app = await buildApp({
    drain,
    metricsToken: config.metricsToken,
    audit,
    access: config.access,
    // Sign-outs survive a restart (a copied cookie stays refused): this process's own notes,
    // and with Redis every instance's (shared-state/shared-revocations.ts).
    sessionRevocations: shared
      ? new SharedSessionRevocations(shared, new MemorySessionRevocations(revocationFile))
      : new MemorySessionRevocations(revocationFile),
    sharedState: shared,
    webDir: config.webDir ?? defaultWebDir,
    maxUploadBytes: config.maxUploadBytes,
    uploadBufferBytes: config.uploadBufferBytes,
    downloadReads: config.downloadReads,
    http: config.http,
    instanceId: config.instanceId,
    bodyTimeoutMs: config.bodyTimeoutMs,
    logger,
  });
  shared?.useLog(app.log);
  if (!config.access.session.secret && config.access.authRequired) {
    app.log.warn(
      'No STOWAGE_SESSION_SECRET: sessions end when Stowage restarts, and several instances ' +
        'cannot share them. Set one of at least 32 characters (e.g. openssl rand -hex 32).',
    );
  }
  const linkWarning = linkSecretWarning(config.access);
  if (linkWarning) app.log.warn(linkWarning);
  if (!config.access.authRequired) {
    app.log.warn('STOWAGE_AUTH=off: anyone who reaches this port acts with the server-held keys');
  }
  for (const profile of config.access.profiles) {
    const refusal = redirectRefusal(profile);
    if (refusal) app.log.warn(refusal);
  }
  const hint = allowedHostsHint(config.host, config.http.allowedHosts);
  if (hint) app.log.warn(hint);
  if (audit) {
    audit.onProblem = (message, err) => app.log.error({ err }, message);
    // Opened now, so a path it cannot write is said at start (and each line still tries).
    audit.reopen();
    // Log rotation (logrotate's postrotate): the file at the path from now on.
    process.on('SIGHUP', () => {
      audit.reopen();
      app.log.info('SIGHUP: audit log reopened');
    });
  }
  let closing = false;
  /**
   * A graceful stop: not ready from now on (GET /api/ready 503), no new connection, idle
   * keep-alive ones closed and every answer with `Connection: close`; requests in flight get
   * STOWAGE_DRAIN_SECONDS to finish. Then the uploads still held are cancelled (the upload
   * driver aborts their multipart uploads), what still runs is cut, and the process exits 0.
   */
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    drain.begin();
    app.log.info(`${signal}: draining (up to ${config.drainMs / 1000} s), then shutting down`);
    // Fastify's close: stops listening, closes idle connections, waits for the others. A
    // keep-alive connection whose answer was already under way goes idle later: closed too.
    const closed = app.close();
    const idle = setInterval(() => app.server.closeIdleConnections(), 500);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), config.drainMs))),
    ]);
    clearTimeout(timer);
    if (!drained) {
      const reason = new HttpError(
        'ServerRestarting',
        'This Stowage instance is restarting and its drain time ran out: send the request again',
      );
      const aborted = await drain.abortHeld(reason, 10_000);
      app.log.warn(
        `${signal}: drain time over; ${aborted} upload(s) aborted, the requests still running cut`,
      );
      app.server.closeAllConnections();
      await closed;
    }
    clearInterval(idle);
    await shared?.close();
    audit?.close();
    await embedded?.stop();
    app.log.info(`${signal}: stopped`);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${(err as Error).message}`);
    await embedded?.stop();
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Stowage is running at http://${host}:${port}`);
}

void main();
