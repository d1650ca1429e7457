import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SignatureV4 } from '@smithy/signature-v4';
import { DEMO_EMBEDDED_KEYS } from '../../src/embedded/keys.js';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/embedded/embedded-store.js';
import type { Credentials } from '../../src/config/connection.js';

// The embedded store over real HTTP, as any local process could reach it: only requests
// signed (SigV4) with its keys get through (security finding 7).

const MiB = 1024 * 1024;
const quiet = { info: () => {}, error: () => {} };
let dir: string;
let store: EmbeddedStore;
const bucket = 'guarded';

const client = (credentials: Credentials, extra: object = {}) =>
  new S3Client({
    endpoint: store.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    ...extra,
  });
let s3: S3Client;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-embedded-auth-'));
  store = await startEmbeddedStore(dir, DEMO_EMBEDDED_KEYS, quiet);
  s3 = client({ ...DEMO_EMBEDDED_KEYS });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'secret.txt', Body: 'the secret' }));
});
afterAll(async () => {
  await store?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
}

/** One request with node:http, nothing added: no SDK, no signature unless given. */
function raw(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(url, store.endpoint), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** node:crypto's SHA-256 in the shape the SDK's signer wants. */
class Sha256 {
  private h;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key =
      secret === undefined || typeof secret === 'string'
        ? secret
        : Buffer.from(secret as ArrayBuffer);
    this.h = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  }
  update(data: string | Uint8Array) {
    this.h.update(data);
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset() {}
}

/** The headers of a request signed with SigV4 by the SDK's own signer. */
async function signed(
  method: string,
  pathname: string,
  body: string,
  headers: Record<string, string> = {},
  keys: Credentials = DEMO_EMBEDDED_KEYS,
): Promise<Record<string, string>> {
  const url = new URL(store.endpoint);
  const signer = new SignatureV4({
    service: 's3',
    region: 'us-east-1',
    credentials: keys,
    sha256: Sha256,
    uriEscapePath: false,
  });
  const request = await signer.sign({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: pathname,
    query: {},
    headers: {
      host: url.host,
      'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      ...headers,
    },
  });
  return request.headers;
}

const errorCode = (body: string) => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];

async function objectExists(key: string, on = bucket) {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: on, Key: key }));
    return true;
  } catch (err) {
    if ((err as Error).name === 'NotFound') return false;
    throw err;
  }
}

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return `${e.$metadata?.httpStatusCode} ${e.name}`;
  }
  return 'resolved';
};

describe('an anonymous request (no signature at all)', () => {
  it('can neither list, read nor write: 403 AccessDenied, nothing written', async () => {
    const answers = [
      await raw('GET', '/'),
      await raw('GET', `/${bucket}`),
      await raw('GET', `/${bucket}?list-type=2`),
      await raw('GET', `/${bucket}/secret.txt`),
      await raw('PUT', `/${bucket}/planted.txt`, {}, 'planted'),
      await raw('PUT', '/planted-bucket'),
      await raw('DELETE', `/${bucket}/secret.txt`),
    ];
    for (const a of answers) {
      expect(a.status).toBe(403);
      expect(errorCode(a.body)).toBe('AccessDenied');
      expect(a.body).not.toContain('the secret');
      expect(a.body).not.toContain('secret.txt');
    }
    expect(await objectExists('planted.txt')).toBe(false);
    expect(await objectExists('secret.txt')).toBe(true);
    expect(existsSync(path.join(dir, 's3', 'planted-bucket'))).toBe(false);
    const { Buckets } = await s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => b.Name)).toEqual([bucket]);
  });
});

describe('a request signed with keys the store does not hold', () => {
  it('a wrong secret: 403 SignatureDoesNotMatch, as the SDK names it; nothing written', async () => {
    const wrong = client({ accessKeyId: 'S3RVER', secretAccessKey: 'not-the-secret' });
    expect(await rejection(wrong.send(new ListBucketsCommand({})))).toBe(
      '403 SignatureDoesNotMatch',
    );
    expect(
      await rejection(
        wrong.send(new PutObjectCommand({ Bucket: bucket, Key: 'wrong.txt', Body: 'x' })),
      ),
    ).toBe('403 SignatureDoesNotMatch');
    expect(await objectExists('wrong.txt')).toBe(false);
  });

  it('an unknown access key: 403 InvalidAccessKeyId', async () => {
    const unknown = client({ accessKeyId: 'NOSUCHKEY', secretAccessKey: 'S3RVER' });
    expect(await rejection(unknown.send(new ListBucketsCommand({})))).toBe(
      '403 InvalidAccessKeyId',
    );
  });

  it('a signature more than 15 minutes old: 403 RequestTimeTooSkewed', async () => {
    const late = client({ ...DEMO_EMBEDDED_KEYS }, { systemClockOffset: -20 * 60_000 });
    expect(await rejection(late.send(new ListBucketsCommand({})))).toBe('403 RequestTimeTooSkewed');
  });

  it('SigV2 (the legacy scheme, not checked here): 400 InvalidRequest', async () => {
    const date = new Date().toUTCString();
    const sig = createHmac('sha1', 'S3RVER').update(`GET\n\n\n${date}\n/`).digest('base64');
    const a = await raw('GET', '/', { date, authorization: `AWS S3RVER:${sig}` });
    expect(a.status).toBe(400);
    expect(errorCode(a.body)).toBe('InvalidRequest');
  });

  it('a signed request with an unsigned x-amz-* header added: 403, nothing written', async () => {
    const headers = await signed('PUT', `/${bucket}/added.txt`, 'x');
    const a = await raw(
      'PUT',
      `/${bucket}/added.txt`,
      { ...headers, 'x-amz-meta-added': '1' },
      'x',
    );
    expect(a.status).toBe(403);
    expect(errorCode(a.body)).toBe('AccessDenied');
    expect(await objectExists('added.txt')).toBe(false);
    // The same request without it goes through: the signature itself was good.
    expect((await raw('PUT', `/${bucket}/added.txt`, headers, 'x')).status).toBe(200);
  });
});

describe('a client that holds the keys', () => {
  const odd = 'dir with space/ünïcode+plus %41 100%.txt';

  it('lists, writes, reads, copies and deletes, odd keys included', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: odd, Body: 'odd body' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: odd }));
    expect(await got.Body?.transformToString()).toBe('odd body');
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'dir with space/ünïcode+plus %' }),
    );
    expect(listed.Contents?.map((o) => o.Key)).toEqual([odd]);
    await s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: 'copy+of %.txt',
        CopySource: `${bucket}/${encodeURI(odd)}`,
      }),
    );
    expect(await objectExists('copy+of %.txt')).toBe(true);
    const deleted = await s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'copy+of %.txt' }] } }),
    );
    expect(deleted.Deleted?.map((d) => d.Key)).toEqual(['copy+of %.txt']);
    expect(await objectExists('copy+of %.txt')).toBe(false);
  });

  it('uploads in parts (lib-storage), the object whole', async () => {
    const body = randomBytes(11 * MiB);
    await new Upload({
      client: s3,
      params: { Bucket: bucket, Key: 'parts/big.bin', Body: body },
      partSize: 5 * MiB,
    }).done();
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'parts/big.bin' }));
    const bytes = Buffer.from((await got.Body?.transformToByteArray()) ?? []);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      createHash('sha256').update(body).digest('hex'),
    );
  });

  it('reads values as sent: DeleteObjects of "007" deletes "007", a tag "1.10" stays "1.10"', async () => {
    for (const Key of ['007', '7'])
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key }));
    await s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: '007' }] } }),
    );
    expect([await objectExists('007'), await objectExists('7')]).toEqual([false, true]);
    await s3.send(
      new PutObjectTaggingCommand({
        Bucket: bucket,
        Key: '7',
        Tagging: {
          TagSet: [
            { Key: 'version', Value: '1.10' },
            { Key: 'a&b', Value: '<007>' },
          ],
        },
      }),
    );
    const { TagSet } = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: '7' }));
    expect(TagSet).toEqual([
      { Key: 'version', Value: '1.10' },
      { Key: 'a&b', Value: '<007>' },
    ]);
  });
});

describe('a presigned GET URL', () => {
  const presign = (Key: string, options: { expiresIn: number; signingDate?: Date }) =>
    getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key }), options);

  it('reads the object it names, until it expires', async () => {
    const url = await presign('secret.txt', { expiresIn: 60 });
    const ok = await raw('GET', url);
    expect(ok).toEqual({ status: 200, body: 'the secret' });
    const odd = 'presigned/ünï +plus %41 100%.txt';
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: odd, Body: 'odd' }));
    expect(await raw('GET', await presign(odd, { expiresIn: 60 }))).toEqual({
      status: 200,
      body: 'odd',
    });
    const expired = await presign('secret.txt', {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    const late = await raw('GET', expired);
    expect(late.status).toBe(403);
    expect(errorCode(late.body)).toBe('AccessDenied');
    expect(late.body).toContain('Request has expired');
  });

  it('is refused for another key, or with its expiry lengthened', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'other.txt', Body: 'other' }));
    const url = new URL(await presign('secret.txt', { expiresIn: 60 }));
    const otherKey = new URL(url);
    otherKey.pathname = `/${bucket}/other.txt`;
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '3600');
    for (const tampered of [otherKey, longer]) {
      const a = await raw('GET', tampered.toString());
      expect(a.status).toBe(403);
      expect(errorCode(a.body)).toBe('SignatureDoesNotMatch');
      expect(a.body).not.toContain('other');
    }
  });
});

describe('a malformed multipart POST (dicer CVE-2022-24434)', () => {
  it('does not kill the store, anonymous or signed', async () => {
    const pid = store.pid();
    const boundary = '----WebKitFormBoundaryoo6vortfDzBsDiro';
    // A part whose first header line starts with a space: dicer 0.3.0 threw on it, uncaught.
    const body = `--${boundary}\r\n Content-Disposition: form-data; name="x"\r\n\r\n\r\n--${boundary}--`;
    const form = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const anonymous = await raw('POST', `/${bucket}`, form, body);
    expect(anonymous.status).toBe(403);
    const headers = await signed('POST', `/${bucket}`, body, form);
    const byKeyHolder = await raw('POST', `/${bucket}`, headers, body);
    expect(byKeyHolder.status).toBe(501);
    expect(errorCode(byKeyHolder.body)).toBe('NotImplemented');
    await new Promise((r) => setTimeout(r, 300));
    expect(store.pid()).toBe(pid);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets?.length).toBe(1);
  });
});

describe('keys the operator sets', () => {
  const operator = { accessKeyId: 'operator-key', secretAccessKey: 'an operator secret, 8+ chars' };
  let other: EmbeddedStore;
  let otherDir: string;
  beforeAll(async () => {
    otherDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-embedded-keys-'));
    other = await startEmbeddedStore(otherDir, operator, quiet);
  });
  afterAll(async () => {
    await other?.stop();
    rmSync(otherDir, { recursive: true, force: true });
  });
  const on = (credentials: Credentials) =>
    new S3Client({
      endpoint: other.endpoint,
      region: 'eu-west-3', // any region the client signs for
      forcePathStyle: true,
      credentials,
      maxAttempts: 1,
    });

  it('are the only ones: the demo keys are then refused', async () => {
    await on(operator).send(new CreateBucketCommand({ Bucket: 'ops' }));
    const { Buckets } = await on(operator).send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => b.Name)).toEqual(['ops']);
    expect(await rejection(on({ ...DEMO_EMBEDDED_KEYS }).send(new ListBucketsCommand({})))).toBe(
      '403 InvalidAccessKeyId',
    );
    const wrongSecret = { ...operator, secretAccessKey: 'S3RVER' };
    expect(await rejection(on(wrongSecret).send(new ListBucketsCommand({})))).toBe(
      '403 SignatureDoesNotMatch',
    );
  });
});
