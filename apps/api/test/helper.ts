import { S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { inject } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { hashPassword } from '../src/auth/password-hash.js';
import { buildApp, type BuildAppOptions } from '../src/build-app.js';
import { DEFAULT_LINK_MAX_DAYS, type AccessConfig } from '../src/config/access.js';
import { defaultQuirks, type StoreQuirks } from '../src/config/quirks.js';
import { type StoreConfig } from '../src/config/connection.js';
import { DEFAULT_COPY_CONCURRENCY, MAX_COPY_OBJECT_BYTES } from '../src/config/env-schema.js';
import { DEFAULT_LINK_PREFIX, type Profile } from '../src/config/profiles.js';
import { SESSION_COOKIE } from '../src/plugins/external/secure-session.js';
import { listenOnLoopback } from './raw-http.js';

export const storeKind = inject('storeKind');
export const onEmbedded = storeKind === 'embedded';
/** The signature the app under test uses: STOWAGE_TEST_SIGNATURE=v2 runs the suite on SigV2. */
export const testSignature = testSignatureVersion(process.env.STOWAGE_TEST_SIGNATURE);

function testSignatureVersion(value: string | undefined): 'v2' | 'v4' {
  if (value === undefined || value === '' || value === 'v4') return 'v4';
  if (value === 'v2') return 'v2';
  throw new Error(`STOWAGE_TEST_SIGNATURE must be v2 or v4, not ${value}`);
}

/** The store config the suite's store needs, as server.ts would build it. */
/** Fields of the suite's store config to change; `quirks` are merged with the store's own. */
export type StoreOverrides = Partial<Omit<StoreConfig, 'quirks'>> & {
  quirks?: Partial<StoreQuirks>;
};

export function testStoreConfig(overrides: StoreOverrides = {}): StoreConfig {
  const { quirks, ...rest } = overrides;
  return {
    endpoint: inject('storeEndpoint'),
    region: 'us-east-1',
    accessKeyId: inject('storeAccessKeyId'),
    secretAccessKey: inject('storeSecretAccessKey'),
    forcePathStyle: true,
    tlsVerify: true,
    caBundlePath: undefined,
    checksumMode: 'WHEN_REQUIRED',
    payloadSigning: 'signed',
    signatureVersion: testSignature,
    connectTimeoutMs: 2000,
    requestTimeoutMs: 10000,
    maxAttempts: 3,
    retryBaseDelayMs: 100,
    embedded: onEmbedded,
    multipartCopyThresholdBytes: MAX_COPY_OBJECT_BYTES,
    copyConcurrency: DEFAULT_COPY_CONCURRENCY,
    ...rest,
    // As config/connection.ts gives them: the embedded store's, or another store's.
    quirks: { ...defaultQuirks(onEmbedded ? 'embedded' : 'other'), ...quirks },
  };
}

/** The suite store's own keys (what a user types to sign in with S3 keys). */
export function testKeys() {
  const c = testStoreConfig();
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey };
}

export const TEST_PROFILE = 'test';
export const TEST_PASSWORD = 'correct horse battery staple';
export const TEST_SESSION_SECRET = 'a test session secret of at least 32 characters';
let passwordHash: Promise<string> | undefined;
/** The scrypt hash of TEST_PASSWORD, made once per test file. */
export const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export interface TestBuildOptions extends Partial<Omit<BuildAppOptions, 'access'>> {
  /** Overrides of the one profile (`test`) the app gets. */
  profile?: Partial<Profile>;
  /** Overrides of the access config (sessions, rate limit, read-only...). */
  access?: Partial<AccessConfig>;
  /**
   * How the helper signs in: `keys` (the user's S3 keys, checked by the store), `password`
   * (the profile holds the keys), or false (no session). Default: `keys`, or `password` when
   * the store overrides change the endpoint or keys (a broken store refuses a key sign-in,
   * and those tests are about what the routes answer then).
   */
  signIn?: 'keys' | 'password' | false;
}

/** The access config of an app with one profile over the suite's store. */
export async function testAccess(
  store: StoreConfig,
  serverHeld: boolean,
  options: TestBuildOptions = {},
): Promise<AccessConfig> {
  const { accessKeyId, secretAccessKey, ...connection } = store;
  const profile: Profile = {
    name: TEST_PROFILE,
    connection,
    serverKeys: serverHeld ? { accessKeyId, secretAccessKey } : undefined,
    passwordHash: serverHeld ? await testPasswordHash() : undefined,
    buckets: undefined,
    readOnly: false,
    // Relay and upload links are served with the suite store's keys, whoever signs in.
    links: {
      defaultMode: 'relay',
      keys: { accessKeyId, secretAccessKey },
      bucket: undefined,
      prefix: DEFAULT_LINK_PREFIX,
    },
    ...options.profile,
  };
  return {
    profiles: [profile],
    defaultProfile: TEST_PROFILE,
    authRequired: true,
    readOnly: false,
    session: {
      secret: TEST_SESSION_SECRET,
      idleMs: 3_600_000,
      maxMs: 43_200_000,
      secureCookie: 'auto',
    },
    loginRateLimit: { max: 1000, windowMs: 60_000 },
    links: { secret: TEST_SESSION_SECRET, maxSeconds: DEFAULT_LINK_MAX_DAYS * 86_400 },
    ...options.access,
  };
}

/** The `name=value` of the session cookie a sign-in answer set. */
export function sessionCookie(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!c) throw new Error('No session cookie was set');
  return `${c.name}=${encodeURIComponent(c.value)}`;
}

/**
 * The app exactly as production builds it, over the suite's real store, signed in through
 * POST /api/session. Its `inject` sends the session cookie and the CSRF header (a test's own
 * headers win); `injectRaw` sends neither. `objectStore` is the store the session's requests
 * use (for fixtures and SDK call recording).
 */
export async function build(overrides: StoreOverrides = {}, options: TestBuildOptions = {}) {
  const store = testStoreConfig(overrides);
  const base = testStoreConfig();
  const changed =
    store.endpoint !== base.endpoint ||
    store.accessKeyId !== base.accessKeyId ||
    store.secretAccessKey !== base.secretAccessKey;
  const signIn = options.signIn ?? (changed ? 'password' : 'keys');
  const { profile: _p, access: _a, signIn: _s, ...buildOptions } = options;
  const access = await testAccess(store, signIn === 'password', options);
  const app = await buildApp({ ...buildOptions, access });
  await app.ready();
  const injectRaw = app.inject.bind(app);
  const keys = { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey };
  const sessionHeaders: Record<string, string> = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
  if (signIn) {
    const res = await injectRaw({
      method: 'POST',
      url: '/api/session',
      headers: sessionHeaders,
      payload: signIn === 'password' ? { password: TEST_PASSWORD } : keys,
    });
    if (res.statusCode !== 200) {
      await app.close();
      throw new Error(`Test sign-in failed: ${res.statusCode} ${res.payload}`);
    }
    sessionHeaders.cookie = sessionCookie(res);
  }
  const withSession = (opts: string | InjectOptions) => {
    const o = typeof opts === 'string' ? { url: opts } : opts;
    return injectRaw({ ...o, headers: { ...sessionHeaders, ...o.headers } });
  };
  const profile = app.profileByName(TEST_PROFILE)!;
  return Object.assign(app, {
    inject: withSession,
    injectRaw,
    sessionHeaders,
    objectStore: app.stores.get(profile, profile.serverKeys ?? keys),
  });
}

export type TestApp = Awaited<ReturnType<typeof build>>;

/**
 * A test file's apps, closed together in its `afterAll` (`closeAll`): `listening` builds one and
 * has it listen on loopback, for `fetch` as a browser or a link's recipient uses it; `track` adds
 * one built otherwise.
 */
export function testApps() {
  const apps: TestApp[] = [];
  return {
    track<T extends TestApp>(app: T): T {
      apps.push(app);
      return app;
    },
    async listening(overrides: StoreOverrides = {}, options: TestBuildOptions = {}) {
      const app = await build(overrides, options);
      apps.push(app);
      const port = await listenOnLoopback(app);
      return { app, base: `http://127.0.0.1:${port}` };
    },
    async closeAll() {
      for (const app of apps.splice(0)) await app.close();
    },
  };
}

/** A fresh bucket per test file, so files can run in parallel on one store. */
export async function createBucket(app: TestApp, label: string): Promise<string> {
  const name = `t-${label}-${randomBytes(4).toString('hex')}`;
  await app.objectStore.createBucket(name);
  return name;
}

export const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  ).toString();

/**
 * A plain SDK client (SigV4 whatever the suite's signature) for fixtures, standing in for
 * another S3 user (a colleague, boto3).
 */
export function fixtureClient(): S3Client {
  const c = testStoreConfig();
  return new S3Client({
    endpoint: c.endpoint,
    region: c.region,
    forcePathStyle: true,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
