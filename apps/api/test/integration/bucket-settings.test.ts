import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, type TestApp } from '../helper.js';
import { sdkCalls } from '../fixtures.js';
import { boto3Get, boto3Put, boto3Settings } from '../boto3-settings.js';

// boto3 starts a Python process per call: on a busy machine a test takes a while.
const s3 = fixtureClient();
const apps: TestApp[] = [];
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build();
  apps.push(app);
  bucket = await createBucket(app, 'settings');
});
afterAll(async () => {
  for (const a of apps) await a.close();
});

const url = (name: string, b = bucket) => `/api/buckets/${b}/settings/${name}`;
const get = (name: string, b = bucket, target = app) => target.inject(url(name, b));
const put = (name: string, doc: unknown, b = bucket, target = app) =>
  target.inject({ method: 'PUT', url: url(name, b), payload: doc as object });
const del = (name: string, b = bucket, target = app) =>
  target.inject({ method: 'DELETE', url: url(name, b) });
const commands = (calls: { command: string }[]) => calls.map((c) => c.command);

/** s3rver 3.7.1 has none of these APIs (501, or ?versioning answered with a listing). */
function expectUnsupported(
  res: { statusCode: number; json(): { code: string; message: string } },
  what: string,
) {
  expect(res.statusCode).toBe(502);
  expect(res.json().code).toBe('NotSupported');
  expect(res.json().message).toContain(`does not support the bucket's ${what}`);
}

describe('versioning', { timeout: 90_000 }, () => {
  it.skipIf(onEmbedded)('is enabled and suspended, as boto3 sees it', async () => {
    const b = await createBucket(app, 'set-ver');
    expect((await get('versioning', b)).json()).toEqual({});
    const on = await put('versioning', { Status: 'Enabled' }, b);
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ Status: 'Enabled' });
    expect(boto3Get('versioning', b)).toMatchObject({ Status: 'Enabled' });
    const off = await put('versioning', { Status: 'Suspended' }, b);
    expect(off.json()).toMatchObject({ Status: 'Suspended' });
    expect(boto3Get('versioning', b)).toMatchObject({ Status: 'Suspended' });
    boto3Put('versioning', b, { Status: 'Enabled' });
    expect((await get('versioning', b)).json()).toMatchObject({ Status: 'Enabled' });
  });

  it.runIf(onEmbedded)('s3rver: unsupported, and nothing is written', async () => {
    expectUnsupported(await get('versioning'), 'versioning');
    const calls = sdkCalls(app.objectStore);
    expectUnsupported(await put('versioning', { Status: 'Enabled' }), 'versioning');
    expect(commands(calls)).toEqual(['GetBucketVersioning']);
  });

  it('cannot be removed, only suspended (400, nothing sent)', async () => {
    const calls = sdkCalls(app.objectStore);
    const res = await del('versioning');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'Versioning cannot be removed, only suspended: PUT { "Status": "Suspended" }',
    );
    expect(calls).toEqual([]);
  });

  it('refuses a bad status with 400 naming the field', async () => {
    const res = await put('versioning', { Status: 'On' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Status: Status is Enabled or Suspended');
  });
});

describe('tags', { timeout: 90_000 }, () => {
  const tags = {
    TagSet: [
      { Key: 'team', Value: 'data' },
      { Key: 'cost-centre', Value: 'Größe 1/2 @ x+y=z' },
      { Key: 'empty', Value: '' },
    ],
  };
  const sortTags = (d: { TagSet?: { Key: string }[] }) =>
    [...(d.TagSet ?? [])].sort((a, b) => a.Key.localeCompare(b.Key));

  it.skipIf(onEmbedded)('round-trip both ways, and a delete leaves an empty TagSet', async () => {
    const b = await createBucket(app, 'set-tags');
    expect((await get('tags', b)).json()).toEqual({ TagSet: [] });
    const res = await put('tags', tags, b);
    expect(res.statusCode).toBe(200);
    expect(sortTags(res.json())).toEqual(sortTags(tags));
    expect(sortTags(boto3Get('tags', b) as never)).toEqual(sortTags(tags));

    const theirs = { TagSet: [{ Key: 'owner', Value: 'boto3' }] };
    boto3Put('tags', b, theirs);
    expect((await get('tags', b)).json()).toEqual(theirs);

    expect((await del('tags', b)).statusCode).toBe(204);
    expect((await get('tags', b)).json()).toEqual({ TagSet: [] });
    expect(boto3Get('tags', b)).toEqual({ error: 'NoSuchTagSet', status: 404 });

    await put('tags', theirs, b);
    const empty = await put('tags', { TagSet: [] }, b);
    expect(empty.json()).toEqual({ TagSet: [] });
    expect(boto3Get('tags', b).error).toBe('NoSuchTagSet');
  });

  it.runIf(onEmbedded)('s3rver: unsupported', async () => {
    expectUnsupported(await get('tags'), 'tags');
    expectUnsupported(await put('tags', tags), 'tags');
    expectUnsupported(await del('tags'), 'tags');
  });

  it('refuses a duplicate key with 400 naming it', async () => {
    const res = await put('tags', {
      TagSet: [
        { Key: 'a', Value: '1' },
        { Key: 'a', Value: '2' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('TagSet.1.Key: Tag key "a" is used twice');
  });
});

describe('policy', { timeout: 90_000 }, () => {
  const policyFor = (b: string, prefix: string) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublicRead',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject'],
        Resource: `arn:aws:s3:::${b}/${prefix}*`,
      },
    ],
  });

  it.skipIf(onEmbedded)('round-trip both ways; DELETE then GET is 404 NotConfigured', async () => {
    const b = await createBucket(app, 'set-pol');
    const none = await get('policy', b);
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({
      code: 'NotConfigured',
      message: 'The bucket has no policy',
    });

    const mine = policyFor(b, 'public/');
    const res = await put('policy', mine, b);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(mine);
    expect(boto3Get('policy', b)).toEqual(mine);

    const theirs = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: { AWS: ['*'] },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${b}/*`,
          Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
        },
      ],
    };
    boto3Put('policy', b, theirs);
    expect((await get('policy', b)).json()).toEqual(theirs);

    expect((await del('policy', b)).statusCode).toBe(204);
    expect((await get('policy', b)).json().code).toBe('NotConfigured');
    expect(boto3Get('policy', b).error).toBe('NoSuchBucketPolicy');
  });

  it.skipIf(onEmbedded)('an invalid policy is refused with 400 and the old one kept', async () => {
    const b = await createBucket(app, 'set-pol-bad');
    const kept = policyFor(b, 'keep/');
    await put('policy', kept, b);

    // Our schema: the field is named, nothing is sent.
    const calls = sdkCalls(app.objectStore);
    const bad = await put(
      'policy',
      { ...kept, Statement: [{ ...kept.Statement[0], Effect: 'Permit' }] },
      b,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('Statement.0.Effect: Effect is Allow or Deny');
    expect(calls).toEqual([]);

    // The store's refusal (Ceph RGW 16 checks action names): its code, never a 500.
    const unknownAction = { ...kept, Statement: [{ ...kept.Statement[0], Action: 's3:FlyAway' }] };
    const refused = await put('policy', unknownAction, b);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'StoreRejectedInput' });
    expect(refused.json().message).toMatch(/refused the policy|refused an argument/);
    expect(commands(calls)).toEqual(['GetBucketPolicy', 'PutBucketPolicy']);
    expect(boto3Get('policy', b)).toEqual(kept);
  });

  it.runIf(onEmbedded)('s3rver: unsupported', async () => {
    expectUnsupported(await get('policy'), 'policy');
    expectUnsupported(await put('policy', policyFor(bucket, '')), 'policy');
    expectUnsupported(await del('policy'), 'policy');
  });
});

describe('default encryption', { timeout: 90_000 }, () => {
  const sse = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] };

  it('is unsupported by both test stores: a clear 502, nothing written, the bucket kept', async () => {
    // Ceph RGW 16 answers GET ?encryption with a bucket listing and takes DELETE ?encryption
    // for DeleteBucket: only the reads may ever reach it.
    const b = await createBucket(app, 'set-enc');
    const calls = sdkCalls(app.objectStore);
    expectUnsupported(await get('encryption', b), 'default encryption');
    expectUnsupported(await put('encryption', sse, b), 'default encryption');
    expectUnsupported(await del('encryption', b), 'default encryption');
    expect(commands(calls)).toEqual([
      'GetBucketEncryption',
      'GetBucketEncryption',
      'GetBucketEncryption',
    ]);
    await s3.send(new HeadBucketCommand({ Bucket: b }));
    if (!onEmbedded) {
      // What boto3 meets on Ceph 16 (no such API): a listing read as an empty document.
      expect(boto3Get('encryption', b)).toEqual({});
    }
  });

  it('refuses a KMS key with AES256 with 400 naming the field', async () => {
    const res = await put('encryption', {
      Rules: [
        { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: 'k' } },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'Rules.0.ApplyServerSideEncryptionByDefault: A KMS key id goes with aws:kms only',
    );
  });
});

describe('object lock', { timeout: 90_000 }, () => {
  it.skipIf(onEmbedded)('shows the configuration of a bucket created with it', async () => {
    const b = `t-set-lock-${Date.now().toString(36)}`;
    expect(boto3Settings('create-locked', b)).toEqual({});
    const res = await get('object-lock', b);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ObjectLockEnabled: 'Enabled' });
    expect(res.json()).toEqual(boto3Get('object-lock', b));
  });

  it.skipIf(onEmbedded)('a bucket without it: 404 NotConfigured', async () => {
    const res = await get('object-lock');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'NotConfigured',
      message: 'The bucket has no object lock configuration',
    });
  });

  it.runIf(onEmbedded)('s3rver: unsupported', async () => {
    expectUnsupported(await get('object-lock'), 'object lock configuration');
  });

  it('is chosen at creation: PUT and DELETE answer 400, nothing sent', async () => {
    const calls = sdkCalls(app.objectStore);
    const p = await put('object-lock', { ObjectLockEnabled: 'Enabled' });
    expect(p.statusCode).toBe(400);
    expect(p.json().message).toBe(
      'The object lock configuration is chosen when the bucket is created; it cannot be changed',
    );
    const d = await del('object-lock');
    expect(d.statusCode).toBe(400);
    expect(calls).toEqual([]);
  });
});

describe('who may change settings', { timeout: 90_000 }, () => {
  it('a missing bucket: 404 NoSuchBucket', async () => {
    const res = await get('cors', 'no-such-bucket-settings');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NoSuchBucket');
  });

  it('a read-only profile reads but may not write (403)', async () => {
    const ro = await build({}, { profile: { readOnly: true } });
    apps.push(ro);
    expect((await get('tags', bucket, ro)).statusCode).toBe(onEmbedded ? 502 : 200);
    const calls = sdkCalls(ro.objectStore);
    for (const res of [
      await put('tags', { TagSet: [] }, bucket, ro),
      await put(
        'cors',
        { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] },
        bucket,
        ro,
      ),
      await del('policy', bucket, ro),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'ReadOnly' });
    }
    expect(calls).toEqual([]);
  });

  it('a bucket outside the allowlist: 403 for reads and writes', async () => {
    const other = await createBucket(app, 'set-other');
    const limited = await build({}, { profile: { buckets: [bucket] } });
    apps.push(limited);
    for (const res of [
      await get('cors', other, limited),
      await put('tags', { TagSet: [{ Key: 'a', Value: 'b' }] }, other, limited),
      await del('lifecycle', other, limited),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'BucketNotAllowed',
        message: `This connection may not use the bucket ${other}`,
      });
    }
  });
});
