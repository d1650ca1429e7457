import { randomBytes } from 'node:crypto';
import {
  DeleteObjectCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boto3,
  dropBucket,
  ndjsonHeaders,
  ndjsonLines,
  type Boto3Bucket,
} from '../bucket-admin.js';
import { listKeys } from '../fixtures.js';
import { build, fixtureClient, onEmbedded, type TestApp } from '../helper.js';

let app: TestApp;
const s3 = fixtureClient();
const made: string[] = [];
/** A fresh name for a bucket this file creates (and removes after). */
const fresh = (label: string) => {
  const name = `t-adm-${label}-${randomBytes(4).toString('hex')}`;
  made.push(name);
  return name;
};
const create = (body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/buckets', payload: body });
const put = (bucket: string, key: string, body: string) =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

beforeAll(async () => {
  app = await build();
});
afterAll(async () => {
  for (const bucket of made) await dropBucket(s3, bucket);
  await app.close();
});

describe('POST /api/buckets', () => {
  it('creates a bucket, versioned when asked (boto3 sees it), where the store can', async () => {
    const plain = fresh('plain');
    const res = await create({ name: plain });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      name: plain,
      versioning: onEmbedded ? 'unsupported' : 'Off',
      objectLock: false,
    });
    expect(boto3<Boto3Bucket>('bucket', plain)).toEqual({ exists: true, versioning: null });

    const versioned = fresh('ver');
    const v = await create({ name: versioned, versioning: true });
    if (onEmbedded) {
      // s3rver has no versioning: a clear 502, and no bucket left behind.
      expect(v.statusCode).toBe(502);
      expect(v.json()).toMatchObject({ code: 'NotSupported' });
      expect(v.json().message).toMatch(/does not support versioning, so no bucket was created/);
      expect(boto3<Boto3Bucket>('bucket', versioned).exists).toBe(false);
      return;
    }
    expect(v.statusCode).toBe(201);
    expect(v.json()).toEqual({ name: versioned, versioning: 'Enabled', objectLock: false });
    expect(boto3<Boto3Bucket>('bucket', versioned)).toEqual({
      exists: true,
      versioning: 'Enabled',
    });
  });

  it('answers 409 BucketExists for a name in use, 400 naming the rule for a bad name', async () => {
    const name = fresh('dup');
    expect((await create({ name })).statusCode).toBe(201);
    const again = await create({ name });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'BucketExists' });
    for (const [bad, rule] of [
      ['Upper_Case', 'lower-case letters, digits, "." and "-" only'],
      ['ab', 'at least 3 characters'],
      ['192.168.1.1', 'not an IP address'],
      ['a..b', 'no two dots in a row'],
    ]) {
      const res = await create({ name: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'BadRequest' });
      expect(res.json().message).toContain(rule);
    }
    const region = await create({ name: 'fine-name', region: 'EU West' });
    expect(region.statusCode).toBe(400);
    expect(region.json().message).toMatch(/^region: /);
  });

  it('object lock: set on creation where the store has it; else 502 and no bucket', async () => {
    const name = fresh('lock');
    const res = await create({ name, objectLock: true });
    if (onEmbedded) {
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ code: 'NotSupported' });
      expect(boto3<Boto3Bucket>('bucket', name).exists).toBe(false);
      return;
    }
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ name, versioning: 'Enabled', objectLock: true });
    // A legal hold: the store refuses to delete that version, and emptying says so per entry.
    const held = await put(name, 'held.txt', 'keep');
    await put(name, 'free.txt', 'go');
    await s3.send(
      new PutObjectLegalHoldCommand({
        Bucket: name,
        Key: 'held.txt',
        VersionId: held.VersionId,
        LegalHold: { Status: 'ON' },
      }),
    );
    try {
      const empty = await app.inject({
        method: 'POST',
        url: `/api/buckets/${name}/empty`,
        payload: { confirm: name },
      });
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toMatchObject({ deleted: 1, uploadsAborted: 0, cancelled: false });
      expect(empty.json().errors).toEqual([
        expect.objectContaining({ key: 'held.txt', versionId: held.VersionId }),
      ]);
      expect(await listKeys(s3, name)).toEqual(['held.txt']);
    } finally {
      await s3.send(
        new PutObjectLegalHoldCommand({
          Bucket: name,
          Key: 'held.txt',
          VersionId: held.VersionId,
          LegalHold: { Status: 'OFF' },
        }),
      );
    }
  });

  it('refuses a name outside the profile’s allowlist with 403, sending nothing', async () => {
    const allowed = fresh('allowed');
    expect((await create({ name: allowed })).statusCode).toBe(201);
    const limited = await build({}, { profile: { buckets: [allowed] } });
    try {
      const other = fresh('other');
      const res = await limited.inject({
        method: 'POST',
        url: '/api/buckets',
        payload: { name: other },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'BucketNotAllowed',
        message: `This connection may not use the bucket ${other}`,
      });
      expect(boto3<Boto3Bucket>('bucket', other).exists).toBe(false);
    } finally {
      await limited.close();
    }
  });
});

describe('DELETE /api/buckets/:bucket and POST /api/buckets/:bucket/empty', () => {
  it('refuses a bucket that is not empty with the count, and deletes nothing', async () => {
    const name = fresh('full');
    expect((await create({ name })).statusCode).toBe(201);
    for (const key of ['a.txt', 'b/c.txt', 'd.txt']) await put(name, key, key);
    const res = await app.inject({ method: 'DELETE', url: `/api/buckets/${name}` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'BucketNotEmpty',
      message: `The bucket ${name} still holds 3 objects: empty it first`,
    });
    expect((await listKeys(s3, name)).sort()).toEqual(['a.txt', 'b/c.txt', 'd.txt']);
    expect(boto3<Boto3Bucket>('bucket', name).exists).toBe(true);
  });

  it('empties a bucket (versions, delete markers, uploads) with progress, then deletes it', async () => {
    const name = fresh('emptied');
    expect((await create({ name, versioning: !onEmbedded })).statusCode).toBe(201);
    await put(name, 'a.txt', 'one');
    await put(name, 'a.txt', 'two, longer');
    await put(name, 'b.txt', 'bee');
    await s3.send(new DeleteObjectCommand({ Bucket: name, Key: 'b.txt' }));
    await put(name, 'c/d.txt', 'dee');
    // Versions: a×2, b and its delete marker, d; plain (s3rver): a and d.
    const entries = onEmbedded ? 2 : 5;
    const bytes = onEmbedded ? 14 : 3 + 11 + 3 + 3;
    if (!onEmbedded) boto3('leave-upload', name, 'big.bin', '1024');

    const refused = await app.inject({ method: 'DELETE', url: `/api/buckets/${name}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      onEmbedded
        ? `The bucket ${name} still holds 2 objects: empty it first`
        : `The bucket ${name} still holds 5 versions and delete markers and 1 unfinished upload: empty it first`,
    );

    const mismatch = await app.inject({
      method: 'POST',
      url: `/api/buckets/${name}/empty`,
      payload: { confirm: `${name}x` },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().message).toBe(`confirm: type the bucket name, ${name}, to empty it`);
    expect(await listKeys(s3, name)).toEqual(['a.txt', 'c/d.txt']);

    const empty = await app.inject({
      method: 'POST',
      url: `/api/buckets/${name}/empty`,
      payload: { confirm: name },
      headers: ndjsonHeaders,
    });
    expect(empty.statusCode).toBe(200);
    expect(empty.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = ndjsonLines(empty.payload);
    const total = entries + (onEmbedded ? 0 : 1);
    expect(lines[0]).toEqual({ done: 0, bytes: 0, total, totalBytes: bytes });
    expect(lines.at(-2)).toEqual({ done: total, bytes, total, totalBytes: bytes });
    expect(lines.at(-1)).toEqual({
      deleted: entries,
      uploadsAborted: onEmbedded ? 0 : 1,
      errors: [],
      cancelled: false,
    });
    if (!onEmbedded) expect(boto3<unknown[]>('uploads', name)).toEqual([]);

    const del = await app.inject({ method: 'DELETE', url: `/api/buckets/${name}` });
    expect(del.statusCode).toBe(204);
    expect(boto3<Boto3Bucket>('bucket', name).exists).toBe(false);
    const gone = await app.inject({ method: 'DELETE', url: `/api/buckets/${name}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'NoSuchBucket' });
  });
});

describe('a read-only profile', () => {
  it('answers 403 to every bucket administration write and changes nothing', async () => {
    const name = fresh('ro');
    expect((await create({ name })).statusCode).toBe(201);
    await put(name, 'k.txt', 'keep');
    const ro = await build({}, { profile: { readOnly: true } });
    try {
      for (const [method, url, payload] of [
        ['POST', '/api/buckets', { name: fresh('ro-new') }],
        ['DELETE', `/api/buckets/${name}`, undefined],
        ['POST', `/api/buckets/${name}/empty`, { confirm: name }],
        ['DELETE', `/api/buckets/${name}/uploads?key=k.txt&uploadId=x`, undefined],
        ['POST', `/api/buckets/${name}/uploads/abort-older`, { days: 0 }],
      ] as const) {
        const res = await ro.inject({ method, url, payload });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'ReadOnly' });
      }
      expect(await listKeys(s3, name)).toEqual(['k.txt']);
      expect(boto3<Boto3Bucket>('bucket', made.at(-1)!).exists).toBe(false);
    } finally {
      await ro.close();
    }
  });
});
