import https from 'node:https';
import http from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import pLimit, { type LimitFunction } from 'p-limit';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { readCaBundle } from '../config/ca-bundle.js';
import { SIGV2_PATH_STYLE_PROBLEM, type StoreConfig } from '../config/connection.js';
import { StoreRetryStrategy } from './s3-retry.js';
import { listPageReader } from './s3-list-reader.js';
import { versioningRootReader } from './s3-capabilities.js';
import { versionOrderReader } from './s3-versions-reader.js';
import { addReplyReaders } from './s3-reply-readers.js';
import { SETTING_READ_COMMANDS, settingRootReader } from './s3-setting-read.js';
import { confineRequests } from './s3-confine.js';
import { retrySigV2InOtherDialect, SigV2Signer } from './s3-sigv2.js';

/**
 * The one S3Client of the seam, with the TLS trust, retries, timeouts, checksum mode and
 * signature version the config asks for. Its middleware is resolved once per command class
 * (`cacheMiddleware`: measured 3.7 → 2.3 ms of API CPU per details request), so all middleware
 * is added here, before the first request, and none to single commands.
 */
const ignore = () => {};
const SILENT_LOGGER = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore };

export function createS3Client(config: StoreConfig): S3Client {
  const agentOptions = { keepAlive: true, maxSockets: 64 };
  // AWS_CA_BUNDLE replaces Node's built-in CA list, as it does for the AWS CLI.
  const ca = config.caBundlePath ? readCaBundle(config.caBundlePath) : undefined;
  const credentials = { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey };
  if (config.signatureVersion === 'v2' && !config.forcePathStyle) {
    throw new Error(SIGV2_PATH_STYLE_PROBLEM);
  }
  if (config.signatureVersion === 'v2' && config.credentialsProvider) {
    // config/sso.ts refuses it at load: SigV2 here sends no session token.
    throw new Error('Temporary credentials (identity passthrough) need SigV4');
  }
  const sigV2 = config.signatureVersion === 'v2' ? new SigV2Signer(credentials) : undefined;
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentialsProvider ?? credentials,
    ...(sigV2 && { signer: sigV2 }),
    requestChecksumCalculation: config.checksumMode,
    responseChecksumValidation: config.checksumMode,
    maxAttempts: config.maxAttempts,
    cacheMiddleware: true,
    // The SDK logs nothing by default, but its retry middleware writes to the console (not our
    // log) when a streaming request fails, as a relayed part the store refuses (BadDigest):
    // a logger of our own that drops it. Failures reach the request log as mapped errors.
    logger: SILENT_LOGGER,
    retryStrategy: new StoreRetryStrategy(config.maxAttempts, config.retryBaseDelayMs),
    requestHandler: new NodeHttpHandler({
      connectionTimeout: config.connectTimeoutMs,
      // Time to the response headers; without the flag the SDK only logs a warning.
      requestTimeout: config.requestTimeoutMs,
      throwOnRequestTimeout: true,
      // A body that stalls this long mid-stream is given up too.
      socketTimeout: config.requestTimeoutMs,
      httpAgent: new http.Agent(agentOptions),
      httpsAgent: new https.Agent({ ...agentOptions, rejectUnauthorized: config.tlsVerify, ca }),
    }),
  });
  // Our logger is not the SDK's NoOpLogger (that one makes the retry middleware warn on the
  // console), so the SDK's logger middleware would copy every command's input and output
  // through its sensitive-field filters only to hand them to a logger that drops them: measured
  // ~0.05 ms of CPU per request. It logs nothing else; errors reach the request log mapped.
  client.middlewareStack.remove('loggerMiddleware');
  confineRequests(client, config);
  if (config.quirks.legacyCopyIfMatch) sendLegacyCopyIfMatch(client);
  if (config.payloadSigning === 'unsigned' && !sigV2) sendUnsignedBodies(client);
  if (sigV2) retrySigV2InOtherDialect(client, sigV2);
  const queue = config.quirks.maxConcurrentRequests;
  if (queue) queueSends(client, config.endpoint, queue);
  addReplyReaders(client, {
    ListObjectsV2Command: listPageReader,
    GetBucketVersioningCommand: versioningRootReader,
    ListObjectVersionsCommand: versionOrderReader,
    ...Object.fromEntries(SETTING_READ_COMMANDS.map((name) => [name, settingRootReader])),
  });
  return client;
}

/** One queue per endpoint, shared by the clients of every key pair that use it. */
const queues = new Map<string, LimitFunction>();

/**
 * Calls beyond `max` in flight wait before they are sent, in order: the SDK's timeouts start
 * only when a call leaves, so a busy store is waited for instead of timing out (504).
 */
function queueSends(client: S3Client, endpoint: string | undefined, max: number): void {
  const key = `${endpoint ?? 'aws'} ${max}`;
  let limit = queues.get(key);
  if (!limit) queues.set(key, (limit = pLimit(max)));
  const queue = limit;
  const send = client.send.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { send: typeof send }).send = (...args) => queue(() => send(...args));
}

/**
 * Ceph RGW 16 ignores `x-amz-copy-source-if-match` and reads its older name
 * `x-amz-copy-if-match` (measured: a stale ETag copied anyway). Stores with the quirk
 * (config/quirks.ts: every non-AWS endpoint by default) get both, so a conditional copy stays
 * conditional there. The header is added before signing.
 */
function sendLegacyCopyIfMatch(client: S3Client): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers;
      const etag = headers?.['x-amz-copy-source-if-match'];
      if (headers && etag) headers['x-amz-copy-if-match'] = etag;
      return next(args);
    },
    { step: 'build', name: 'legacyCopyIfMatch' },
  );
}

/** The commands whose body is an object's bytes. */
const BODY_COMMANDS: ReadonlySet<string> = new Set(['PutObjectCommand', 'UploadPartCommand']);

/**
 * payloadSigning "unsigned": object bodies go as UNSIGNED-PAYLOAD, so SigV4 does not hash them
 * (the SDK signs whatever x-amz-content-sha256 already says): the SHA-256 of every uploaded
 * byte was a quarter of the API's CPU per uploaded GiB (ADR 0015). Added before the first
 * request, as all middleware here (cacheMiddleware).
 */
function sendUnsignedBodies(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers;
      if (headers && BODY_COMMANDS.has(context.commandName ?? '')) {
        headers['x-amz-content-sha256'] ??= 'UNSIGNED-PAYLOAD';
      }
      return next(args);
    },
    { step: 'build', priority: 'low', name: 'unsignedBodies' },
  );
}
