import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { problemsOf } from './config-fixtures.js';
import { DEMO_EMBEDDED_KEYS, embeddedSignInHint } from '../../src/embedded/keys.js';
import { tlsVerifyWarning } from '../../src/config/connection.js';
import { linkSecretWarning } from '../../src/config/access.js';

/** A dashboard password hash: server-held keys need one (or STOWAGE_AUTH=off). */
const HASH =
  'scrypt$1024$8$1$p1o6xOfxr/bdp4mnYmsRNQ==$AeXTef3LVFrgy2VMH1ZL+wJ0I0yxU09HrxyUJGH/aHs=';
/** A configured store with server-held keys (and so a dashboard password). */
const store = {
  AWS_ENDPOINT_URL: 'https://s3.example.com',
  AWS_ACCESS_KEY_ID: 'AK',
  AWS_SECRET_ACCESS_KEY: 'SK',
  STOWAGE_PASSWORD_HASH: HASH,
};

describe('loadConfig', () => {
  it('uses the embedded store when nothing is configured', () => {
    const c = loadConfig({});
    expect(c.useEmbeddedStore).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.port).toBe(8080);
    expect(c.host).toBe('127.0.0.1');
    expect(c.store.embedded).toBe(true);
    expect(c.store.checksumMode).toBe('WHEN_REQUIRED');
  });

  it('reads a custom endpoint with AWS conventions and defaults for S3-compatible stores', () => {
    const c = loadConfig({
      AWS_ENDPOINT_URL: 'http://ceph.local:7480',
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
      STOWAGE_PASSWORD_HASH: HASH,
      AWS_REGION: 'iggy-1',
    });
    expect(c.useEmbeddedStore).toBe(false);
    expect(c.seedDemo).toBe(false);
    expect(c.store).toMatchObject({
      endpoint: 'http://ceph.local:7480',
      region: 'iggy-1',
      forcePathStyle: true,
      checksumMode: 'WHEN_REQUIRED',
      tlsVerify: true,
      embedded: false,
    });
  });

  it('signs object bodies over plain http and sends them unsigned over https, unless told', () => {
    const keys = {
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
      STOWAGE_PASSWORD_HASH: HASH,
    };
    const signing = (env: Record<string, string>) => loadConfig(env).store.payloadSigning;
    expect(loadConfig({}).store.payloadSigning).toBe('signed');
    expect(signing({ ...keys, AWS_ENDPOINT_URL: 'http://ceph.local:7480' })).toBe('signed');
    expect(signing({ ...keys, AWS_ENDPOINT_URL: 'https://ceph.local' })).toBe('unsigned');
    expect(signing({ ...keys, AWS_REGION: 'eu-west-1' })).toBe('unsigned');
    expect(
      signing({
        ...keys,
        AWS_ENDPOINT_URL: 'http://ceph.local:7480',
        STOWAGE_S3_PAYLOAD_SIGNING: 'unsigned',
      }),
    ).toBe('unsigned');
    expect(() => loadConfig({ ...keys, STOWAGE_S3_PAYLOAD_SIGNING: 'maybe' })).toThrow(
      /STOWAGE_S3_PAYLOAD_SIGNING must be signed or unsigned/,
    );
  });

  it('prefers AWS_ENDPOINT_URL_S3 over AWS_ENDPOINT_URL', () => {
    const c = loadConfig({
      AWS_ENDPOINT_URL: 'http://general:1',
      AWS_ENDPOINT_URL_S3: 'https://s3only:2',
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
      STOWAGE_PASSWORD_HASH: HASH,
    });
    expect(c.store.endpoint).toBe('https://s3only:2');
  });

  it('keeps the SDK defaults for AWS itself', () => {
    const c = loadConfig({
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
      STOWAGE_PASSWORD_HASH: HASH,
      AWS_REGION: 'eu-west-1',
    });
    expect(c.store).toMatchObject({
      endpoint: undefined,
      forcePathStyle: false,
      checksumMode: 'WHEN_SUPPORTED',
    });
  });

  it('lets every switch be set explicitly', () => {
    const c = loadConfig({
      AWS_ENDPOINT_URL: 'https://s3.example.com',
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
      STOWAGE_PASSWORD_HASH: HASH,
      STOWAGE_S3_FORCE_PATH_STYLE: 'false',
      STOWAGE_S3_TLS_VERIFY: '0',
      STOWAGE_S3_CHECKSUM_MODE: 'WHEN_SUPPORTED',
      PORT: '9000',
      HOST: '0.0.0.0',
    });
    expect(c.store).toMatchObject({
      forcePathStyle: false,
      tlsVerify: false,
      checksumMode: 'WHEN_SUPPORTED',
    });
    expect(c.port).toBe(9000);
  });

  it('reports every problem at once', () => {
    let err: unknown;
    try {
      loadConfig({
        PORT: '99999',
        AWS_ENDPOINT_URL: 'not a url',
        STOWAGE_S3_TLS_VERIFY: 'maybe',
        STOWAGE_S3_CHECKSUM_MODE: 'SOMETIMES',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/AWS_ENDPOINT_URL must be an http\(s\) URL/);
    expect(problems).toMatch(/STOWAGE_S3_TLS_VERIFY must be true or false/);
    expect(problems).toMatch(/STOWAGE_S3_CHECKSUM_MODE must be WHEN_REQUIRED or WHEN_SUPPORTED/);
    expect((err as ConfigError).problems).toHaveLength(4);
  });

  it('needs both keys or neither', () => {
    expect(() => loadConfig({ AWS_ENDPOINT_URL: 'http://x:1', AWS_ACCESS_KEY_ID: 'AK' })).toThrow(
      /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together/,
    );
  });

  it('refuses a non-http endpoint', () => {
    expect(() =>
      loadConfig({
        AWS_ENDPOINT_URL: 'ftp://x',
        AWS_ACCESS_KEY_ID: 'a',
        AWS_SECRET_ACCESS_KEY: 'b',
      }),
    ).toThrow(/must start with http:\/\/ or https:\/\//);
  });

  it('limits uploads to 5 TiB unless STOWAGE_MAX_UPLOAD_BYTES says less', () => {
    expect(loadConfig({}).maxUploadBytes).toBe(5497558138880);
    expect(loadConfig({ STOWAGE_MAX_UPLOAD_BYTES: '1048576' }).maxUploadBytes).toBe(1048576);
    expect(loadConfig({}).store.multipartCopyThresholdBytes).toBe(5 * 1024 ** 3);
  });

  it('copies 8 objects at once and in parts above 5 GiB unless the environment says otherwise', () => {
    expect(loadConfig({}).store.copyConcurrency).toBe(8);
    const set = loadConfig({
      STOWAGE_COPY_CONCURRENCY: '3',
      STOWAGE_MULTIPART_COPY_THRESHOLD_MIB: '64',
    }).store;
    expect(set.copyConcurrency).toBe(3);
    expect(set.multipartCopyThresholdBytes).toBe(64 * 1024 ** 2);
  });

  it.each([
    ['STOWAGE_COPY_CONCURRENCY', '0', 'STOWAGE_COPY_CONCURRENCY is at least 1'],
    ['STOWAGE_COPY_CONCURRENCY', '65', 'STOWAGE_COPY_CONCURRENCY is at most 64'],
    ['STOWAGE_COPY_CONCURRENCY', 'many', 'STOWAGE_COPY_CONCURRENCY must be a number of copies'],
    [
      'STOWAGE_MULTIPART_COPY_THRESHOLD_MIB',
      '4',
      "STOWAGE_MULTIPART_COPY_THRESHOLD_MIB is at least 5 (S3's smallest part)",
    ],
    [
      'STOWAGE_MULTIPART_COPY_THRESHOLD_MIB',
      '5121',
      "STOWAGE_MULTIPART_COPY_THRESHOLD_MIB is at most 5120 (5 GiB, S3's largest single copy)",
    ],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each([
    ['0', 'STOWAGE_MAX_UPLOAD_BYTES must be positive'],
    ['1.5', 'STOWAGE_MAX_UPLOAD_BYTES must be a whole number of bytes'],
    ['lots', 'STOWAGE_MAX_UPLOAD_BYTES must be a number of bytes'],
    [
      '5497558138881',
      "STOWAGE_MAX_UPLOAD_BYTES is at most 5497558138880 (5 TiB, S3's object limit)",
    ],
  ])('refuses STOWAGE_MAX_UPLOAD_BYTES=%s', (value, message) => {
    expect(() => loadConfig({ STOWAGE_MAX_UPLOAD_BYTES: value })).toThrow(message);
  });

  describe('STOWAGE_S3_SIGNATURE_VERSION', () => {
    const store = {
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
      STOWAGE_PASSWORD_HASH: HASH,
    };

    it('defaults to v4', () => {
      expect(loadConfig({}).store.signatureVersion).toBe('v4');
      expect(loadConfig(store).store.signatureVersion).toBe('v4');
    });

    it('v2 sends path-style, even to AWS itself', () => {
      const c = loadConfig({ ...store, STOWAGE_S3_SIGNATURE_VERSION: 'v2' });
      expect(c.store).toMatchObject({ signatureVersion: 'v2', forcePathStyle: true });
    });

    it('refuses v2 with virtual-hosted addressing, and an unknown version', () => {
      expect(() =>
        loadConfig({
          ...store,
          STOWAGE_S3_SIGNATURE_VERSION: 'v2',
          STOWAGE_S3_FORCE_PATH_STYLE: 'false',
        }),
      ).toThrow(/STOWAGE_S3_SIGNATURE_VERSION=v2 needs path-style addressing/);
      expect(() => loadConfig({ STOWAGE_S3_SIGNATURE_VERSION: 'v2' })).toThrow(
        /v2 is for a configured store .*the embedded store is signed with v4/,
      );
      expect(() => loadConfig({ ...store, STOWAGE_S3_SIGNATURE_VERSION: 'v3' })).toThrow(
        'STOWAGE_S3_SIGNATURE_VERSION must be v2 (legacy, HMAC-SHA1) or v4 (the default)',
      );
    });
  });
});

describe("the embedded store's keys", () => {
  const operator = {
    STOWAGE_EMBEDDED_ACCESS_KEY_ID: 'ops-key',
    STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: 'ops secret of some length',
  };

  it("default to the documented demo keys, the store's and the sign-in hint's", () => {
    const c = loadConfig({});
    expect(c.embeddedKeys).toEqual({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    expect(c.embeddedKeys).toEqual(DEMO_EMBEDDED_KEYS);
    expect(c.store).toMatchObject({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    expect(c.access.embeddedKeys).toEqual(DEMO_EMBEDDED_KEYS);
    expect(embeddedSignInHint(c.embeddedKeys)).toBe(
      "Sign in with access key S3RVER and secret key S3RVER (the embedded store's keys)",
    );
  });

  it("are the operator's with both variables set; the hint never shows that secret", () => {
    const c = loadConfig(operator);
    const keys = { accessKeyId: 'ops-key', secretAccessKey: 'ops secret of some length' };
    expect(c.useEmbeddedStore).toBe(true);
    expect(c.embeddedKeys).toEqual(keys);
    expect(c.store).toMatchObject(keys);
    expect(c.access.embeddedKeys).toEqual(keys);
    const hint = embeddedSignInHint(c.embeddedKeys);
    expect(hint).toBe(
      "Sign in with access key ops-key and the secret key set in STOWAGE_EMBEDDED_SECRET_ACCESS_KEY (the embedded store's keys)",
    );
    expect(hint).not.toContain('ops secret');
  });

  it('go together: one without the other is refused', () => {
    const both =
      'STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY go together (or leave both unset for the demo keys)';
    expect(problemsOf({ STOWAGE_EMBEDDED_ACCESS_KEY_ID: 'ops-key' })).toEqual([both]);
    expect(problemsOf({ STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: 'ops secret' })).toEqual([both]);
    // A blank variable counts as unset.
    expect(
      loadConfig({ STOWAGE_EMBEDDED_ACCESS_KEY_ID: '', STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: '' })
        .embeddedKeys,
    ).toEqual(DEMO_EMBEDDED_KEYS);
  });

  it('refuses an access key id that cannot travel in a signature, and a short secret', () => {
    expect(problemsOf({ ...operator, STOWAGE_EMBEDDED_ACCESS_KEY_ID: 'a/b,c' })).toEqual([
      'STOWAGE_EMBEDDED_ACCESS_KEY_ID: STOWAGE_EMBEDDED_ACCESS_KEY_ID is 3-128 letters, digits, ".", "_" or "-"',
    ]);
    expect(problemsOf({ ...operator, STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: 'short' })).toEqual([
      'STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: STOWAGE_EMBEDDED_SECRET_ACCESS_KEY must be at least 8 characters',
    ]);
  });

  it('are refused when the embedded store is off', () => {
    expect(problemsOf({ ...store, ...operator })).toEqual([
      "STOWAGE_EMBEDDED_ACCESS_KEY_ID and STOWAGE_EMBEDDED_SECRET_ACCESS_KEY set the embedded store's keys, but the embedded store is off when an endpoint, AWS_ACCESS_KEY_ID or a profiles file is set: unset them",
    ]);
  });
});

describe('STOWAGE_UPLOAD_BUFFER_MIB', () => {
  it('defaults to 256 MiB and refuses less than one upload needs', () => {
    expect(loadConfig({}).uploadBufferBytes).toBe(256 * 1024 ** 2);
    expect(loadConfig({ STOWAGE_UPLOAD_BUFFER_MIB: '64' }).uploadBufferBytes).toBe(64 * 1024 ** 2);
    expect(problemsOf({ STOWAGE_UPLOAD_BUFFER_MIB: '8' })).toEqual([
      'STOWAGE_UPLOAD_BUFFER_MIB: STOWAGE_UPLOAD_BUFFER_MIB is at least 40 (one upload of 8 MiB parts)',
    ]);
  });
});

describe('STOWAGE_BODY_TIMEOUT_SECONDS', () => {
  it('defaults to 60 s and takes whole seconds from 1 to 3600', () => {
    expect(loadConfig({}).bodyTimeoutMs).toBe(60_000);
    expect(loadConfig({ STOWAGE_BODY_TIMEOUT_SECONDS: '15' }).bodyTimeoutMs).toBe(15_000);
    expect(loadConfig({ STOWAGE_BODY_TIMEOUT_SECONDS: '3600' }).bodyTimeoutMs).toBe(3_600_000);
  });

  it.each([
    ['0', 'STOWAGE_BODY_TIMEOUT_SECONDS is at least 1'],
    ['2.5', 'STOWAGE_BODY_TIMEOUT_SECONDS must be a whole number of seconds'],
    ['3601', 'STOWAGE_BODY_TIMEOUT_SECONDS is at most 3600 (an hour)'],
    ['soon', 'STOWAGE_BODY_TIMEOUT_SECONDS must be a number of seconds'],
  ])('refuses STOWAGE_BODY_TIMEOUT_SECONDS=%s', (value, message) => {
    expect(problemsOf({ STOWAGE_BODY_TIMEOUT_SECONDS: value })).toEqual([
      `STOWAGE_BODY_TIMEOUT_SECONDS: ${message}`,
    ]);
  });
});

describe('TLS, retries and timeouts', () => {
  let dir: string;
  let caFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-config-'));
    caFile = path.join(dir, 'ca.pem');
    const ca = await generate([{ name: 'commonName', value: 'Test CA' }], { keyType: 'ec' });
    writeFileSync(caFile, `# two certificates, as bundles hold\n${ca.cert}\n${ca.cert}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults: verified TLS with the built-in CAs, 3 attempts, 100 ms backoff base', () => {
    expect(loadConfig(store).store).toMatchObject({
      tlsVerify: true,
      caBundlePath: undefined,
      maxAttempts: 3,
      retryBaseDelayMs: 100,
      connectTimeoutMs: 5000,
      requestTimeoutMs: 30000,
    });
  });

  it('reads AWS_CA_BUNDLE, AWS_MAX_ATTEMPTS and STOWAGE_S3_RETRY_BASE_DELAY_MS', () => {
    const c = loadConfig({
      ...store,
      AWS_CA_BUNDLE: caFile,
      AWS_MAX_ATTEMPTS: '1',
      STOWAGE_S3_RETRY_BASE_DELAY_MS: '0',
    });
    expect(c.store).toMatchObject({ caBundlePath: caFile, maxAttempts: 1, retryBaseDelayMs: 0 });
  });

  it('lists an unreadable or non-PEM CA bundle as a problem', () => {
    const missing = path.join(dir, 'missing.pem');
    expect(problemsOf({ ...store, AWS_CA_BUNDLE: missing })).toEqual([
      `AWS_CA_BUNDLE: cannot read ${missing} (ENOENT)`,
    ]);
    const text = path.join(dir, 'text.pem');
    writeFileSync(text, 'not a certificate');
    expect(problemsOf({ ...store, AWS_CA_BUNDLE: text })).toEqual([
      `AWS_CA_BUNDLE: ${text} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    ]);
    const broken = path.join(dir, 'broken.pem');
    writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(problemsOf({ ...store, AWS_CA_BUNDLE: broken })).toEqual([
      `AWS_CA_BUNDLE: certificate 1 in ${broken} is not a valid certificate`,
    ]);
  });

  it.each([
    ['AWS_MAX_ATTEMPTS', '0', 'AWS_MAX_ATTEMPTS is at least 1 (1 = no retry)'],
    ['AWS_MAX_ATTEMPTS', '11', 'AWS_MAX_ATTEMPTS is at most 10'],
    ['AWS_MAX_ATTEMPTS', 'many', 'AWS_MAX_ATTEMPTS must be a number of attempts'],
    ['STOWAGE_S3_RETRY_BASE_DELAY_MS', '-1', 'STOWAGE_S3_RETRY_BASE_DELAY_MS must not be negative'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(problemsOf({ ...store, [name]: value })).toEqual([`${name}: ${message}`]);
  });

  it('warns, naming the endpoint and the profile, only when TLS verification is off', () => {
    const warnings = (env: NodeJS.ProcessEnv) =>
      loadConfig(env).access.profiles.flatMap((p) => tlsVerifyWarning(p.name, p.connection) ?? []);
    expect(warnings(store)).toEqual([]);
    expect(warnings({ ...store, STOWAGE_S3_TLS_VERIFY: 'false' })).toEqual([
      'Warning: the TLS certificate of https://s3.example.com (profile "default") is not ' +
        'verified (STOWAGE_S3_TLS_VERIFY=false or "tlsVerify": false), so anyone on the network ' +
        'path can impersonate the store. Prefer AWS_CA_BUNDLE or "caBundle".',
    ]);
  });
});

describe('the network settings', () => {
  it('defaults to loopback names, no trusted proxy, 12,000 requests a minute, no source maps', () => {
    expect(loadConfig({}).http).toEqual({
      allowedHosts: { any: false, names: ['localhost'] },
      trustProxy: false,
      apiRateLimitPerMinute: 12_000,
      serveSourceMaps: false,
    });
  });

  it('reads the allowed hosts, the public URL, trusted proxies and the limits', () => {
    const c = loadConfig({
      HOST: '0.0.0.0',
      STOWAGE_ALLOWED_HOSTS: 'stowage.lan,.corp.example',
      STOWAGE_PUBLIC_URL: 'https://Files.Example.com:8443/',
      STOWAGE_TRUST_PROXY: '10.0.0.1,loopback',
      STOWAGE_API_RATE_LIMIT: '0',
      STOWAGE_SOURCE_MAPS: 'true',
    });
    expect(c.http).toEqual({
      allowedHosts: {
        any: false,
        names: ['localhost', 'stowage.lan', '.corp.example', 'files.example.com:8443'],
      },
      trustProxy: ['10.0.0.1', 'loopback'],
      apiRateLimitPerMinute: 0,
      serveSourceMaps: true,
      publicUrl: 'https://Files.Example.com:8443/',
    });
  });

  it('reads the Redis URL and the instance name of several instances, and refuses bad ones', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: undefined, instanceId: undefined });
    expect(
      loadConfig({ STOWAGE_REDIS_URL: 'redis://redis:6379/0', STOWAGE_INSTANCE_ID: 'stowage-1' }),
    ).toMatchObject({ redisUrl: 'redis://redis:6379/0', instanceId: 'stowage-1' });
    expect(
      problemsOf({ STOWAGE_REDIS_URL: 'http://redis:6379', STOWAGE_INSTANCE_ID: 'a b' }),
    ).toEqual([
      'STOWAGE_REDIS_URL: STOWAGE_REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://redis:6379/0',
      'STOWAGE_INSTANCE_ID: STOWAGE_INSTANCE_ID is 1-64 letters, digits, ".", "_" or "-"',
    ]);
  });

  it('lists every problem: bad names, bad proxies, a bad URL, a negative limit', () => {
    expect(
      problemsOf({
        STOWAGE_ALLOWED_HOSTS: 'ok,http://x/',
        STOWAGE_TRUST_PROXY: 'proxy.lan',
        STOWAGE_PUBLIC_URL: 'stowage.example.com',
        STOWAGE_API_RATE_LIMIT: '-1',
      }),
    ).toEqual([
      'STOWAGE_PUBLIC_URL: STOWAGE_PUBLIC_URL must be the http(s) URL users open, e.g. https://stowage.example.com',
      'STOWAGE_API_RATE_LIMIT: STOWAGE_API_RATE_LIMIT must not be negative (0 = no limit)',
      'STOWAGE_ALLOWED_HOSTS: "http://x/" is not a host name (name, name:port, .domain for its subdomains, or *)',
      'STOWAGE_TRUST_PROXY: "proxy.lan" is not an address, CIDR range, loopback, linklocal or uniquelocal (or use true, false or a hop count)',
    ]);
    expect(problemsOf({ STOWAGE_PUBLIC_URL: 'stowage.example.com' })).toEqual([
      'STOWAGE_PUBLIC_URL: STOWAGE_PUBLIC_URL must be the http(s) URL users open, e.g. https://stowage.example.com',
    ]);
    expect(
      problemsOf({ STOWAGE_ALLOWED_HOSTS: 'ok,http://x/', STOWAGE_TRUST_PROXY: 'proxy.lan' }),
    ).toEqual([
      'STOWAGE_ALLOWED_HOSTS: "http://x/" is not a host name (name, name:port, .domain for its subdomains, or *)',
      'STOWAGE_TRUST_PROXY: "proxy.lan" is not an address, CIDR range, loopback, linklocal or uniquelocal (or use true, false or a hop count)',
    ]);
  });

  it('refuses to switch the Host check off when sign-in is off', () => {
    expect(problemsOf({ STOWAGE_AUTH: 'off', STOWAGE_ALLOWED_HOSTS: '*' })).toEqual([
      'STOWAGE_ALLOWED_HOSTS=* is refused with STOWAGE_AUTH=off: any web page could then reach this server through a name of its own (DNS rebinding)',
    ]);
    expect(loadConfig({ STOWAGE_ALLOWED_HOSTS: '*' }).http.allowedHosts).toEqual({
      any: true,
      names: [],
    });
  });
});

describe('share links (every profile)', () => {
  it('signs with the session secret and lasts at most 365 days by default', () => {
    expect(loadConfig({}).access.links).toEqual({ secret: undefined, maxSeconds: 365 * 86_400 });
    const session = 's'.repeat(32);
    expect(loadConfig({ STOWAGE_SESSION_SECRET: session }).access.links.secret).toBe(session);
  });

  it('reads STOWAGE_LINK_SECRET (over the session secret) and STOWAGE_LINK_MAX_DAYS', () => {
    const c = loadConfig({
      STOWAGE_SESSION_SECRET: 's'.repeat(32),
      STOWAGE_LINK_SECRET: 'l'.repeat(32),
      STOWAGE_LINK_MAX_DAYS: '7.5',
    });
    expect(c.access.links).toEqual({ secret: 'l'.repeat(32), maxSeconds: 648_000 });
  });

  it('refuses a short link secret and a limit that is not a positive number of days', () => {
    expect(problemsOf({ STOWAGE_LINK_SECRET: 'short', STOWAGE_LINK_MAX_DAYS: '0' })).toEqual([
      'STOWAGE_LINK_SECRET: STOWAGE_LINK_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)',
      'STOWAGE_LINK_MAX_DAYS: STOWAGE_LINK_MAX_DAYS must be positive',
    ]);
    expect(problemsOf({ STOWAGE_LINK_MAX_DAYS: 'soon' })).toEqual([
      'STOWAGE_LINK_MAX_DAYS: STOWAGE_LINK_MAX_DAYS must be a number of days',
    ]);
  });

  it('warns at start when links are served but no secret signs them (they end on restart)', () => {
    expect(linkSecretWarning(loadConfig({}).access)).toMatch(
      /^No STOWAGE_LINK_SECRET \(nor STOWAGE_SESSION_SECRET\): relay and upload links end when Stowage restarts/,
    );
    expect(linkSecretWarning(loadConfig({ STOWAGE_LINK_SECRET: 'l'.repeat(32) }).access)).toBe(
      undefined,
    );
    // Nothing served through Stowage: nothing to warn about.
    expect(linkSecretWarning(loadConfig({ AWS_ENDPOINT_URL: 'http://rgw:7480' }).access)).toBe(
      undefined,
    );
  });
});
