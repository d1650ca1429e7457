import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { tlsVerifyWarning } from '../../src/config/connection.js';
import { redirectRefusal, redirectsDownloads } from '../../src/config/downloads.js';
import { problemsOf, profilesFile as fileIn } from './config-fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-profiles-'));
/** Beside the CA files the tests write: the profiles name them by relative paths. */
const profilesFile = (content: unknown) => fileIn(content, dir);

const HASH =
  'scrypt$1024$8$1$p1o6xOfxr/bdp4mnYmsRNQ==$AeXTef3LVFrgy2VMH1ZL+wJ0I0yxU09HrxyUJGH/aHs=';

describe('connection profiles', () => {
  it('env alone defines one profile named default: keys sign-in on the embedded store', () => {
    const c = loadConfig({});
    expect(c.access.defaultProfile).toBe('default');
    expect(c.access.profiles).toHaveLength(1);
    expect(c.access.profiles[0]).toMatchObject({
      name: 'default',
      serverKeys: undefined,
      readOnly: false,
    });
    expect(c.access.profiles[0]!.connection.embedded).toBe(true);
    expect(c.access.authRequired).toBe(true);
    expect(c.access.session).toEqual({
      secret: undefined,
      idleMs: 3_600_000,
      maxMs: 43_200_000,
      secureCookie: 'auto',
    });
    expect(c.access.loginRateLimit).toEqual({ max: 10, windowMs: 300_000 });
  });

  it('an endpoint without keys: users sign in with their own S3 keys', () => {
    const c = loadConfig({ AWS_ENDPOINT_URL: 'http://rgw:7480' });
    expect(c.useEmbeddedStore).toBe(false);
    expect(c.access.profiles[0]).toMatchObject({ serverKeys: undefined, passwordHash: undefined });
  });

  it('server-held keys need a password hash, or STOWAGE_AUTH=off on loopback', () => {
    const keys = {
      AWS_ENDPOINT_URL: 'http://rgw:7480',
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
    };
    expect(problemsOf(keys).join()).toContain(
      'holds S3 keys but no dashboard password: make a hash with `pnpm hash-password`',
    );
    expect(problemsOf({ ...keys, STOWAGE_PASSWORD_HASH: HASH })).toEqual([]);
    expect(problemsOf({ ...keys, STOWAGE_AUTH: 'off' })).toEqual([]);
    expect(loadConfig({ ...keys, STOWAGE_AUTH: 'off' }).access.authRequired).toBe(false);
    expect(problemsOf({ ...keys, STOWAGE_PASSWORD_HASH: 'hunter2' }).join()).toContain(
      'The password hash of profile "default" is not an scrypt$N$r$p$salt$hash string',
    );
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'example.com'])(
    'refuses STOWAGE_AUTH=off on HOST=%s',
    (host) => {
      expect(problemsOf({ STOWAGE_AUTH: 'off', HOST: host })).toEqual([
        `STOWAGE_AUTH=off is allowed only on a loopback HOST (127.0.0.1, ::1, localhost), not ${host}`,
      ]);
    },
  );

  it.each(['127.0.0.1', '127.1.2.3', '::1', 'localhost'])(
    'allows STOWAGE_AUTH=off on HOST=%s',
    (host) => {
      expect(problemsOf({ STOWAGE_AUTH: 'off', HOST: host })).toEqual([]);
    },
  );

  it('refuses a short session secret and reads the session limits', () => {
    expect(problemsOf({ STOWAGE_SESSION_SECRET: 'short' })).toEqual([
      'STOWAGE_SESSION_SECRET: STOWAGE_SESSION_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)',
    ]);
    const c = loadConfig({
      STOWAGE_SESSION_SECRET: 'x'.repeat(32),
      STOWAGE_SESSION_IDLE_MINUTES: '15',
      STOWAGE_SESSION_MAX_HOURS: '2',
      STOWAGE_SESSION_COOKIE_SECURE: 'true',
      STOWAGE_READ_ONLY: 'true',
      STOWAGE_LOGIN_RATE_LIMIT: '5',
      STOWAGE_LOGIN_RATE_WINDOW_MINUTES: '1',
    });
    expect(c.access.session).toEqual({
      secret: 'x'.repeat(32),
      idleMs: 900_000,
      maxMs: 7_200_000,
      secureCookie: true,
    });
    expect(c.access.readOnly).toBe(true);
    expect(c.access.loginRateLimit).toEqual({ max: 5, windowMs: 60_000 });
  });

  it('reads a profiles file: endpoints, keys, allowlists, read-only, defaults from env', async () => {
    const ca = await generate([{ name: 'commonName', value: 'Test CA' }], { keyType: 'ec' });
    writeFileSync(path.join(dir, 'ca.pem'), ca.cert);
    const file = profilesFile({
      defaultProfile: 'archive',
      profiles: [
        { name: 'ceph', endpoint: 'http://rgw:7480', region: 'iggy-1', payloadSigning: 'unsigned' },
        {
          name: 'archive',
          endpoint: 'https://s3.example.com',
          forcePathStyle: true,
          signatureVersion: 'v2',
          tlsVerify: false,
          caBundle: 'ca.pem',
          accessKeyId: 'AK',
          secretAccessKey: 'SK',
          passwordHash: HASH,
          buckets: ['reports'],
          readOnly: true,
        },
        { name: 'aws', region: 'eu-west-1' },
      ],
    });
    const c = loadConfig({ STOWAGE_PROFILES_FILE: file, STOWAGE_S3_REQUEST_TIMEOUT_MS: '1234' });
    expect(c.useEmbeddedStore).toBe(false);
    expect(c.access.defaultProfile).toBe('archive');
    const [ceph, archive, aws] = c.access.profiles;
    expect(ceph).toMatchObject({
      name: 'ceph',
      serverKeys: undefined,
      readOnly: false,
      buckets: undefined,
    });
    expect(ceph!.connection).toMatchObject({
      endpoint: 'http://rgw:7480',
      region: 'iggy-1',
      forcePathStyle: true,
      tlsVerify: true,
      checksumMode: 'WHEN_REQUIRED',
      payloadSigning: 'unsigned',
      requestTimeoutMs: 1234,
      embedded: false,
    });
    expect(archive).toMatchObject({
      serverKeys: { accessKeyId: 'AK', secretAccessKey: 'SK' },
      passwordHash: HASH,
      buckets: ['reports'],
      readOnly: true,
    });
    expect(archive!.connection).toMatchObject({
      forcePathStyle: true,
      tlsVerify: false,
      signatureVersion: 'v2',
      caBundlePath: path.join(dir, 'ca.pem'),
      payloadSigning: 'unsigned',
    });
    expect(aws!.connection).toMatchObject({
      endpoint: undefined,
      forcePathStyle: false,
      checksumMode: 'WHEN_SUPPORTED',
      payloadSigning: 'unsigned',
    });
  });

  it('lists every problem of a bad profiles file', () => {
    const file = profilesFile({
      defaultProfile: 'nope',
      profiles: [
        { name: 'a', endpoint: 'ftp://x', signatureVersion: 'v3', colour: 'blue' },
        { name: 'b c' },
      ],
    });
    const problems = problemsOf({ STOWAGE_PROFILES_FILE: file });
    expect(problems).toEqual(
      expect.arrayContaining([
        `${file}: profile "a" endpoint: endpoint must start with http:// or https://`,
        `${file}: profile "a" signatureVersion: signatureVersion is v2 or v4`,
        expect.stringMatching(new RegExp(`^${file}: profile "a": Unrecognized key: "colour"`)),
        `${file}: profile "b c" name: A profile name uses letters, digits, ".", "_" and "-"`,
      ]),
    );
  });

  it('names duplicate profiles, a missing default, half a key pair and a hash without keys', () => {
    const file = profilesFile({
      defaultProfile: 'nope',
      profiles: [
        { name: 'a', endpoint: 'http://x:1', accessKeyId: 'AK' },
        { name: 'a', endpoint: 'http://x:2', passwordHash: HASH },
      ],
    });
    expect(problemsOf({ STOWAGE_PROFILES_FILE: file })).toEqual([
      `${file}: profile "a": accessKeyId and secretAccessKey go together`,
      `${file}: profile "a" is defined twice`,
      `${file}: defaultProfile "nope" is not one of the profiles`,
      'Profile "a" has a password hash but no keys: its users sign in with their own S3 keys',
    ]);
  });

  it('refuses v2 with virtual-hosted addressing and a CA bundle that is not one', () => {
    const notPem = path.join(dir, 'not-a-ca.pem');
    writeFileSync(notPem, 'hello');
    const file = profilesFile({
      profiles: [
        { name: 'old', endpoint: 'http://x:1', signatureVersion: 'v2', forcePathStyle: false },
        { name: 'tls', endpoint: 'https://x:2', caBundle: 'not-a-ca.pem' },
      ],
    });
    expect(problemsOf({ STOWAGE_PROFILES_FILE: file })).toEqual([
      `${file}: profile "old": signatureVersion "v2" needs path-style addressing: leave forcePathStyle out or set it true`,
      `${file}: profile "tls": caBundle: ${notPem} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    ]);
  });

  it('says when the file cannot be read or is not JSON', () => {
    expect(problemsOf({ STOWAGE_PROFILES_FILE: path.join(dir, 'missing.json') })).toEqual([
      `STOWAGE_PROFILES_FILE: cannot read ${path.join(dir, 'missing.json')} as JSON (ENOENT)`,
    ]);
    const bad = profilesFile('{ not json');
    expect(problemsOf({ STOWAGE_PROFILES_FILE: bad })[0]).toMatch(/cannot read .* as JSON/);
  });
});

describe('one connection model', () => {
  /** Every connection setting the environment documents, with a value that is not its default. */
  const caFile = path.join(dir, 'inherited-ca.pem');
  beforeAll(async () => {
    const ca = await generate([{ name: 'commonName', value: 'inherited' }], { keyType: 'ec' });
    writeFileSync(caFile, ca.cert);
  });
  const envSettings = {
    AWS_REGION: 'iggy-1',
    STOWAGE_S3_CHECKSUM_MODE: 'WHEN_SUPPORTED',
    STOWAGE_S3_TLS_VERIFY: 'false',
    AWS_CA_BUNDLE: caFile,
    STOWAGE_S3_SIGNATURE_VERSION: 'v2',
    STOWAGE_S3_FORCE_PATH_STYLE: 'true',
    STOWAGE_S3_CONNECT_TIMEOUT_MS: '1234',
    STOWAGE_S3_REQUEST_TIMEOUT_MS: '5678',
    AWS_MAX_ATTEMPTS: '5',
    STOWAGE_S3_RETRY_BASE_DELAY_MS: '42',
  };
  const inherited = {
    region: 'iggy-1',
    checksumMode: 'WHEN_SUPPORTED',
    tlsVerify: false,
    caBundlePath: caFile,
    signatureVersion: 'v2',
    forcePathStyle: true,
    connectTimeoutMs: 1234,
    requestTimeoutMs: 5678,
    maxAttempts: 5,
    retryBaseDelayMs: 42,
  };

  it("gives a file profile every setting it leaves out from the environment's", () => {
    const file = profilesFile({ profiles: [{ name: 'bare', endpoint: 'http://rgw:7480' }] });
    const c = loadConfig({ STOWAGE_PROFILES_FILE: file, ...envSettings });
    expect(c.access.profiles[0]!.connection).toMatchObject(inherited);
  });

  it("gives the environment's own profile the very same connection", () => {
    const c = loadConfig({ AWS_ENDPOINT_URL: 'http://rgw:7480', ...envSettings });
    expect(c.access.profiles[0]!.connection).toMatchObject(inherited);
    expect(c.store).toMatchObject(inherited);
  });

  it('keeps what a profile says over the environment', () => {
    const file = profilesFile({
      profiles: [
        {
          name: 'own',
          endpoint: 'http://rgw:7480',
          region: 'own-1',
          checksumMode: 'WHEN_REQUIRED',
          tlsVerify: true,
          signatureVersion: 'v4',
          quirks: { legacyCopyIfMatch: false, maxConcurrentRequests: 2 },
        },
      ],
    });
    const c = loadConfig({ STOWAGE_PROFILES_FILE: file, ...envSettings });
    expect(c.access.profiles[0]!.connection).toMatchObject({
      region: 'own-1',
      checksumMode: 'WHEN_REQUIRED',
      tlsVerify: true,
      signatureVersion: 'v4',
      quirks: { legacyCopyIfMatch: false, maxConcurrentRequests: 2, partCopy: true },
    });
  });

  it('warns at start for every profile whose certificates are not checked', () => {
    const file = profilesFile({
      profiles: [
        { name: 'checked', endpoint: 'https://a.example' },
        { name: 'unchecked', endpoint: 'https://b.example', tlsVerify: false },
      ],
    });
    const c = loadConfig({ STOWAGE_PROFILES_FILE: file });
    const warnings = c.access.profiles.flatMap((p) => tlsVerifyWarning(p.name, p.connection) ?? []);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Warning: the TLS certificate of https:\/\/b\.example \(profile "unchecked"\)/,
    );
  });

  it("knows the embedded store's endpoint before it freezes, and nothing patches it after", () => {
    const c = loadConfig({}, 'http://127.0.0.1:4568');
    expect(c.access.profiles[0]!.connection).toMatchObject({
      endpoint: 'http://127.0.0.1:4568',
      embedded: true,
      quirks: { fileSystemKeys: true, absoluteSuffixRanges: true, maxConcurrentRequests: 4 },
    });
    expect(c.store.endpoint).toBe('http://127.0.0.1:4568');
    expect(() => {
      (c.access.profiles[0]!.connection as { endpoint?: string }).endpoint = 'http://elsewhere';
    }).toThrow(TypeError);
  });
});

describe('share link settings', () => {
  const linkKeys = { accessKeyId: 'LINKAK', secretAccessKey: 'LINKSK' };

  it('default: relay with the keys the server holds (embedded, server-held), else direct', () => {
    expect(loadConfig({}).access.profiles[0]!.links).toEqual({
      defaultMode: 'relay',
      keys: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      bucket: undefined,
      prefix: '.stowage/links/',
    });
    expect(loadConfig({ AWS_ENDPOINT_URL: 'http://rgw:7480' }).access.profiles[0]!.links).toEqual({
      defaultMode: 'direct',
      keys: undefined,
      bucket: undefined,
      prefix: '.stowage/links/',
    });
    const held = loadConfig({
      AWS_ENDPOINT_URL: 'http://rgw:7480',
      AWS_ACCESS_KEY_ID: 'AK',
      AWS_SECRET_ACCESS_KEY: 'SK',
      STOWAGE_PASSWORD_HASH: HASH,
    });
    expect(held.access.profiles[0]!.links.keys).toEqual({
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
    });
  });

  it("a file profile's links: its own keys, mode, bucket and prefix", () => {
    const file = profilesFile({
      profiles: [
        {
          name: 'keys',
          endpoint: 'http://rgw:7480',
          buckets: ['shared', 'links'],
          links: { ...linkKeys, defaultMode: 'direct', bucket: 'links', prefix: 'share/records/' },
        },
        {
          name: 'held',
          endpoint: 'http://rgw:7480',
          accessKeyId: 'AK',
          secretAccessKey: 'SK',
          passwordHash: HASH,
        },
      ],
    });
    const [keys, held] = loadConfig({ STOWAGE_PROFILES_FILE: file }).access.profiles;
    expect(keys!.links).toEqual({
      defaultMode: 'direct',
      keys: linkKeys,
      bucket: 'links',
      prefix: 'share/records/',
    });
    expect(held!.links).toMatchObject({ defaultMode: 'relay', keys: { accessKeyId: 'AK' } });
  });

  it("the environment's profile reads the same settings from STOWAGE_LINK_* (one model)", () => {
    const env = {
      AWS_ENDPOINT_URL: 'http://rgw:7480',
      STOWAGE_LINK_MODE: 'direct',
      STOWAGE_LINK_ACCESS_KEY_ID: linkKeys.accessKeyId,
      STOWAGE_LINK_SECRET_ACCESS_KEY: linkKeys.secretAccessKey,
      STOWAGE_LINK_BUCKET: 'links',
      STOWAGE_LINK_PREFIX: 'share/records/',
    };
    const fromEnv = loadConfig(env).access.profiles[0]!.links;
    const file = profilesFile({
      profiles: [
        {
          name: 'default',
          endpoint: 'http://rgw:7480',
          links: { ...linkKeys, defaultMode: 'direct', bucket: 'links', prefix: 'share/records/' },
        },
      ],
    });
    expect(fromEnv).toEqual(loadConfig({ STOWAGE_PROFILES_FILE: file }).access.profiles[0]!.links);
  });

  it('uploadTransport: relay by default; direct from the file or STOWAGE_UPLOAD_TRANSPORT', () => {
    expect(loadConfig({}).access.profiles[0]!.uploadTransport).toBe('relay');
    expect(
      loadConfig({ STOWAGE_UPLOAD_TRANSPORT: 'direct' }).access.profiles[0]!.uploadTransport,
    ).toBe('direct');
    const file = profilesFile({
      profiles: [
        { name: 'd', endpoint: 'http://rgw:7480', uploadTransport: 'direct' },
        { name: 'r', endpoint: 'http://rgw:7480' },
      ],
    });
    const [d, r] = loadConfig({ STOWAGE_PROFILES_FILE: file }).access.profiles;
    expect([d!.uploadTransport, r!.uploadTransport]).toEqual(['direct', 'relay']);
    const bad = profilesFile({
      profiles: [{ name: 'b', endpoint: 'http://rgw:7480', uploadTransport: 'straight' }],
    });
    expect(problemsOf({ STOWAGE_PROFILES_FILE: bad })).toEqual([
      `${bad}: profile "b" uploadTransport: uploadTransport is relay or direct`,
    ]);
    expect(problemsOf({ STOWAGE_UPLOAD_TRANSPORT: 'straight' })).toEqual([
      'STOWAGE_UPLOAD_TRANSPORT: STOWAGE_UPLOAD_TRANSPORT must be relay or direct',
    ]);
    expect(problemsOf({ STOWAGE_PROFILES_FILE: file, STOWAGE_UPLOAD_TRANSPORT: 'direct' })).toEqual(
      [
        'STOWAGE_UPLOAD_TRANSPORT is for env alone: with a profiles file, give each profile its "uploadTransport"',
      ],
    );
  });

  it('downloads: relay by default; redirect from the file or STOWAGE_DOWNLOADS; SigV2 relays', () => {
    expect(loadConfig({}).access.profiles[0]!.downloads).toBe('relay');
    expect(loadConfig({ STOWAGE_DOWNLOADS: 'redirect' }).access.profiles[0]!.downloads).toBe(
      'redirect',
    );
    const file = profilesFile({
      profiles: [
        { name: 'd', endpoint: 'http://rgw:7480', downloads: 'redirect' },
        { name: 'r', endpoint: 'http://rgw:7480' },
        { name: 'v2', endpoint: 'http://rgw:7480', signatureVersion: 'v2', downloads: 'redirect' },
      ],
    });
    const [d, r, v2] = loadConfig({ STOWAGE_PROFILES_FILE: file }).access.profiles;
    expect([d!.downloads, r!.downloads, v2!.downloads]).toEqual(['redirect', 'relay', 'redirect']);
    expect([d!, r!, v2!].map(redirectsDownloads)).toEqual([true, false, false]);
    expect(redirectRefusal(d!)).toBeUndefined();
    expect(redirectRefusal(v2!)).toBe(
      'profile "v2": downloads "redirect" needs SigV4 presigned URLs, and this profile signs ' +
        'with SigV2 (a store may refuse SigV2 presigned requests, and Stowage cannot tell ' +
        'which do): its downloads go through Stowage (relay)',
    );
    const bad = profilesFile({
      profiles: [{ name: 'b', endpoint: 'http://rgw:7480', downloads: 'direct' }],
    });
    expect(problemsOf({ STOWAGE_PROFILES_FILE: bad })).toEqual([
      `${bad}: profile "b" downloads: downloads is relay or redirect`,
    ]);
    expect(problemsOf({ STOWAGE_DOWNLOADS: 'direct' })).toEqual([
      'STOWAGE_DOWNLOADS: STOWAGE_DOWNLOADS must be relay or redirect',
    ]);
    expect(problemsOf({ STOWAGE_PROFILES_FILE: file, STOWAGE_DOWNLOADS: 'redirect' })).toEqual([
      'STOWAGE_DOWNLOADS is for env alone: with a profiles file, give each profile its "downloads"',
    ]);
  });

  it('lists every problem of the link settings, file and environment alike', () => {
    const file = profilesFile({
      profiles: [
        { name: 'half', endpoint: 'http://rgw:7480', links: { accessKeyId: 'AK' } },
        { name: 'nokeys', endpoint: 'http://rgw:7480', links: { defaultMode: 'relay' } },
        {
          name: 'outside',
          endpoint: 'http://rgw:7480',
          buckets: ['a-bucket'],
          links: { ...linkKeys, bucket: 'elsewhere' },
        },
        { name: 'prefix', endpoint: 'http://rgw:7480', links: { prefix: '/abs' } },
        { name: 'mode', endpoint: 'http://rgw:7480', links: { defaultMode: 'proxy' } },
      ],
    });
    const fileProblems = problemsOf({ STOWAGE_PROFILES_FILE: file });
    expect(fileProblems).toEqual(
      expect.arrayContaining([
        `${file}: profile "prefix" links.prefix: is a folder such as ".stowage/links/": it ends with "/", and has no leading "/", no empty, "." or ".." folder`,
        `${file}: profile "mode" links.defaultMode: defaultMode is direct or relay`,
      ]),
    );
    const valid = profilesFile({
      profiles: [
        { name: 'half', endpoint: 'http://rgw:7480', links: { accessKeyId: 'AK' } },
        { name: 'nokeys', endpoint: 'http://rgw:7480', links: { defaultMode: 'relay' } },
        {
          name: 'outside',
          endpoint: 'http://rgw:7480',
          buckets: ['a-bucket'],
          links: { ...linkKeys, bucket: 'elsewhere' },
        },
      ],
    });
    expect(problemsOf({ STOWAGE_PROFILES_FILE: valid })).toEqual([
      'Profile "half": links.accessKeyId and links.secretAccessKey go together',
      'Profile "nokeys": links.defaultMode "relay" needs keys the server holds to serve links with: set links.accessKeyId and links.secretAccessKey, or make direct the default',
      'Profile "outside": links.bucket "elsewhere" is not one of its buckets (a-bucket): link records could not be kept there',
    ]);
    expect(
      problemsOf({
        AWS_ENDPOINT_URL: 'http://rgw:7480',
        STOWAGE_LINK_MODE: 'relay',
        STOWAGE_LINK_SECRET_ACCESS_KEY: 'SK',
        STOWAGE_LINK_PREFIX: 'no-slash',
      }),
    ).toEqual([
      'STOWAGE_LINK_PREFIX: STOWAGE_LINK_PREFIX is a folder such as .stowage/links/: it ends with "/", and has no leading "/", no empty, "." or ".." folder',
      'Profile "default": STOWAGE_LINK_ACCESS_KEY_ID and STOWAGE_LINK_SECRET_ACCESS_KEY go together',
      'Profile "default": STOWAGE_LINK_MODE "relay" needs keys the server holds to serve links with: set STOWAGE_LINK_ACCESS_KEY_ID and STOWAGE_LINK_SECRET_ACCESS_KEY, or make direct the default',
    ]);
    expect(
      problemsOf({
        STOWAGE_PROFILES_FILE: profilesFile({ profiles: [{ name: 'p' }] }),
        STOWAGE_LINK_BUCKET: 'links',
      }),
    ).toEqual([
      'STOWAGE_LINK_BUCKET: the STOWAGE_LINK_* profile settings are for env alone: with a profiles file, give each profile its "links"',
    ]);
  });
});
