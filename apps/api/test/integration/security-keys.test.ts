import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  GetObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, onTestFinished as after } from 'vitest';
import { CSRF_HEADER } from '@stowage/shared';
import { build, fixtureClient, onEmbedded, q, testStoreConfig, type TestApp } from '../helper.js';
import { createS3Client } from '../../src/store/s3-client.js';
import { exists, listKeys } from '../fixtures.js';
import { uploadForm } from '../multipart.js';
import { listenOnLoopback, rawRequest } from '../raw-http.js';

/**
 * A profile limited to one bucket, on a store that resolves `..` in the request path as a file
 * system would (s3rver does, when a profile points at one as an ordinary store: without the
 * fileSystemKeys quirk only the allowlist's rule applies). `key=../secret/x` must never reach
 * `secret`.
 */
const s3 = fixtureClient();
const name = (label: string) => `t-${label}-${randomBytes(4).toString('hex')}`;
const allowed = name('allowed');
const secret = name('secret');
let app: TestApp;
let port: number;
let cookie: string;

beforeAll(async () => {
  for (const bucket of [allowed, secret])
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: secret, Key: 'secret.txt', Body: 'the secret' }));
  app = await build(
    { quirks: { fileSystemKeys: false } },
    { signIn: 'password', profile: { buckets: [allowed] } },
  );
  port = await listenOnLoopback(app);
  cookie = app.sessionHeaders.cookie!;
});
afterAll(() => app.close());

const send = (method: string, path: string, body?: unknown, type = 'application/json') =>
  rawRequest(port, {
    method,
    path,
    headers: {
      cookie,
      [CSRF_HEADER]: '1',
      ...(body !== undefined ? { 'content-type': type } : {}),
    },
    ...(body !== undefined ? { body: Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
  });
const escape = `../${secret}/secret.txt`;
const at = (route: string, key: string) => `/api/buckets/${allowed}/${route}?${q({ key })}`;

describe('keys stay in their bucket on a profile with a bucket allowlist', () => {
  it('tells the app which buckets the profile may use (the session answer)', async () => {
    const res = await send('GET', '/api/session');
    expect(JSON.parse(res.body)).toMatchObject({ signedIn: true, bucketAllowlist: [allowed] });
  });

  it('refuses to read another bucket through ../ (content, details, tags)', async () => {
    for (const route of ['object/content', 'object', 'object/tags']) {
      const res = await send('GET', at(route, escape));
      expect(res.status, route).toBe(400);
      expect(res.body, route).not.toContain('the secret');
      expect(JSON.parse(res.body).message, route).toMatch(/\.\." segments/);
    }
  });

  it('refuses to write or delete in another bucket through ../', async () => {
    const form = uploadForm(Buffer.from('planted'));
    const upload = await send(
      'POST',
      at('upload', `../${secret}/planted.txt`),
      form.payload,
      form.contentType,
    );
    expect(upload.status).toBe(400);
    const tags = await send('PUT', at('object/tags', escape), { tags: [{ key: 'a', value: 'b' }] });
    expect(tags.status).toBe(400);
    const del = await send('DELETE', at('object', escape));
    expect(del.status).toBe(400);
    const bulk = await send('POST', `/api/buckets/${allowed}/delete`, { keys: [escape] });
    expect(bulk.status).toBe(200);
    expect(JSON.parse(bulk.body)).toMatchObject({
      deleted: 0,
      errors: [{ key: escape, code: 'UnsafeKey' }],
    });
    const existing = await send('POST', `/api/buckets/${allowed}/existing-keys`, {
      keys: [escape],
    });
    expect(JSON.parse(existing.body)).toEqual({ existing: [] });

    expect(await listKeys(s3, secret)).toEqual(['secret.txt']);
    expect(await exists(s3, secret, 'planted.txt')).toBe(false);
  });

  it('refuses any "." or ".." segment there, even one that stays in the bucket', async () => {
    for (const key of ['a/../b.txt', './b.txt', 'a/./b.txt', 'a/..']) {
      const res = await send('GET', at('object', key));
      expect(res.status, key).toBe(400);
      expect(JSON.parse(res.body).message, key).toContain('may use only some buckets');
    }
  });

  it('keeps every command of the connection to its buckets, whatever the route (the seam refuses)', async () => {
    // The client the seam builds for this profile, sent to directly, as a new route might.
    const client = createS3Client({ ...testStoreConfig(), bucketAllowlist: [allowed] });
    after(() => client.destroy());
    await expect(
      client.send(new GetObjectCommand({ Bucket: secret, Key: 'secret.txt' })),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      client.send(
        new CopyObjectCommand({
          Bucket: allowed,
          Key: 'copied.txt',
          CopySource: `${secret}/secret.txt`,
        }),
      ),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      client.send(
        new CopyObjectCommand({
          Bucket: allowed,
          Key: 'copied.txt',
          CopySource: `${allowed}/..%2F${secret}%2Fsecret.txt`,
        }),
      ),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(await exists(s3, allowed, 'copied.txt')).toBe(false);
  });
});

describe('in every mode, a key never climbs out of its bucket', () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await build({ quirks: { fileSystemKeys: false } });
  });
  afterAll(() => open.close());

  it('refuses ../ keys that would leave the bucket without an allowlist too', async () => {
    for (const key of [escape, `a/../../${secret}/secret.txt`, `a//../../${secret}/secret.txt`]) {
      const res = await open.inject(`/api/buckets/${allowed}/object/content?${q({ key })}`);
      expect(res.statusCode, key).toBe(400);
      expect(res.payload, key).not.toContain('the secret');
    }
  });

  it('carries a key whose ".." stays inside the bucket where the store keeps it (Ceph)', async () => {
    const key = 'dots/x/../y.txt';
    const plain = await build();
    try {
      if (onEmbedded) {
        // s3rver would resolve it to dots/y.txt: the embedded store refuses it instead.
        const res = await plain.inject(`/api/buckets/${allowed}/object/content?${q({ key })}`);
        expect(res.statusCode).toBe(400);
        expect(res.json().message).toContain(
          'This store keeps objects as files and cannot hold this key safely',
        );
      } else {
        await s3.send(new PutObjectCommand({ Bucket: allowed, Key: key, Body: 'dots' }));
        const res = await plain.inject(`/api/buckets/${allowed}/object/content?${q({ key })}`);
        expect(res.statusCode).toBe(200);
        expect(res.payload).toBe('dots');
      }
    } finally {
      await plain.close();
    }
  });
});

describe('keys and bodies every store is spared', () => {
  it('refuses a NUL in a key or a prefix with 400', async () => {
    for (const path of [
      at('object', 'a\0b'),
      `/api/buckets/${allowed}/objects?${q({ prefix: 'a\0' })}`,
      `/api/buckets/${allowed}/prefix-summary?${q({ prefix: 'a\0/' })}`,
    ]) {
      const res = await send('GET', path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).message, path).toMatch(/NUL character/);
    }
  });

  it('refuses a delete body with both keys and a prefix, and deletes nothing', async () => {
    await s3.send(new PutObjectCommand({ Bucket: allowed, Key: 'both/keep.txt', Body: 'k' }));
    const res = await send('POST', `/api/buckets/${allowed}/delete`, {
      keys: ['both/keep.txt'],
      prefix: 'both/',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toBe(
      'keys and prefix cannot be sent together: send one of them',
    );
    expect(await exists(s3, allowed, 'both/keep.txt')).toBe(true);
  });
});
