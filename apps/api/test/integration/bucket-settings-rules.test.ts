import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, onEmbedded, type TestApp } from '../helper.js';
import { sdkCalls } from '../fixtures.js';
import { boto3Get, boto3Put } from '../boto3-settings.js';

let app: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'rules');
});
afterAll(() => app.close());

const url = (name: string, b = bucket) => `/api/buckets/${b}/settings/${name}`;
const get = (name: string, b = bucket) => app.inject(url(name, b));
const put = (name: string, doc: unknown, b = bucket) =>
  app.inject({ method: 'PUT', url: url(name, b), payload: doc as object });
const del = (name: string, b = bucket) => app.inject({ method: 'DELETE', url: url(name, b) });

// IDs in sorted order and filters in the forms Ceph RGW 16 keeps: it answers rules sorted by ID.
const lifecycle = {
  Rules: [
    {
      ID: 'a-abort-uploads',
      Status: 'Enabled',
      Filter: { Prefix: 'uploads/' },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    },
    {
      ID: 'b-expire-logs',
      Status: 'Enabled',
      Filter: { Prefix: 'logs/' },
      Expiration: { Days: 30 },
    },
    {
      ID: 'c-noncurrent',
      Status: 'Disabled',
      Filter: { Tag: { Key: 'tier', Value: 'scratch' } },
      NoncurrentVersionExpiration: { NoncurrentDays: 5 },
    },
    {
      ID: 'd-to-cold',
      Status: 'Enabled',
      Filter: { Prefix: 'archive/' },
      Transitions: [{ Days: 10, StorageClass: 'STANDARD_IA' }],
    },
  ],
};

describe('lifecycle', { timeout: 90_000 }, () => {
  it.skipIf(onEmbedded)('round-trip both ways; DELETE then GET is 404 NotConfigured', async () => {
    const b = await createBucket(app, 'lc');
    const none = await get('lifecycle', b);
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({
      code: 'NotConfigured',
      message: 'The bucket has no lifecycle configuration',
    });

    const res = await put('lifecycle', lifecycle, b);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(lifecycle);
    expect(boto3Get('lifecycle', b)).toEqual(lifecycle);

    const theirs = {
      Rules: [
        {
          ID: 'by-date',
          Status: 'Enabled',
          Filter: { Prefix: 'tmp/' },
          Expiration: { Date: '2031-01-01T00:00:00.000Z' },
        },
        {
          ID: 'markers',
          Status: 'Enabled',
          Filter: { Prefix: 'old/' },
          Expiration: { ExpiredObjectDeleteMarker: true },
        },
      ],
    };
    expect(boto3Put('lifecycle', b, theirs)).toEqual({});
    expect((await get('lifecycle', b)).json()).toEqual(theirs);

    expect((await del('lifecycle', b)).statusCode).toBe(204);
    expect((await get('lifecycle', b)).json().code).toBe('NotConfigured');
    expect(boto3Get('lifecycle', b).error).toBe('NoSuchLifecycleConfiguration');
  });

  it.skipIf(onEmbedded)(
    'takes what Ceph rewrites (a generated ID, Filter {}, an And) as applied',
    async () => {
      const b = await createBucket(app, 'lc-norm');
      const doc = {
        Rules: [
          {
            Status: 'Enabled',
            Filter: {},
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 3 },
          },
          {
            ID: 'tagged',
            Status: 'Enabled',
            Filter: {
              And: {
                Prefix: 'a/',
                Tags: [
                  { Key: 'k', Value: 'v' },
                  { Key: 'k2', Value: 'v2' },
                ],
              },
            },
            Expiration: { Days: 9 },
          },
        ],
      };
      const res = await put('lifecycle', doc, b);
      expect(res.statusCode).toBe(200);
      const rules = res.json().Rules as { ID: string; Prefix?: string }[];
      const generated = rules.find((r) => r.ID !== 'tagged')!;
      expect(generated).toEqual({
        ID: expect.any(String),
        Prefix: '',
        Status: 'Enabled',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 3 },
      });
      // Ceph keeps the And as { Prefix, And: { Tags } }; Stowage shows it in the schema's form.
      expect(rules.find((r) => r.ID === 'tagged')).toEqual(doc.Rules[1]);
      const seen = boto3Get('lifecycle', b).Rules as { ID: string; Filter?: unknown }[];
      expect(seen.find((r) => r.ID === 'tagged')?.Filter).toEqual({
        Prefix: 'a/',
        And: { Tags: doc.Rules[1]!.Filter.And!.Tags },
      });
      // What Stowage shows can be saved again as it is.
      expect((await put('lifecycle', res.json(), b)).statusCode).toBe(200);
    },
  );

  it.skipIf(onEmbedded)(
    'a rule the store keeps differently is 502 StoreNotApplied, and the previous rules come back',
    async () => {
      const b = await createBucket(app, 'lc-drop');
      await put('lifecycle', lifecycle, b);
      // Ceph RGW 16 drops an object-size filter: the rule would expire every object.
      const sized = {
        Rules: [
          {
            ID: 'big',
            Status: 'Enabled',
            Filter: { ObjectSizeGreaterThan: 1048576 },
            Expiration: { Days: 1 },
          },
        ],
      };
      const res = await put('lifecycle', sized, b);
      expect(res.statusCode).toBe(502);
      expect(res.json().code).toBe('StoreNotApplied');
      expect(res.json().message).toContain('keeps a different one');
      expect(res.json().message).toContain('the previous lifecycle configuration was put back');
      expect(boto3Get('lifecycle', b)).toEqual(lifecycle);

      // Without a previous configuration, the store's version is removed.
      const fresh = await createBucket(app, 'lc-drop-fresh');
      expect((await put('lifecycle', sized, fresh)).statusCode).toBe(502);
      expect(boto3Get('lifecycle', fresh).error).toBe('NoSuchLifecycleConfiguration');
    },
  );

  it.runIf(onEmbedded)('s3rver: unsupported, and nothing is written', async () => {
    const calls = sdkCalls(app.objectStore);
    for (const res of [
      await get('lifecycle'),
      await put('lifecycle', lifecycle),
      await del('lifecycle'),
    ]) {
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ code: 'NotSupported' });
      expect(res.json().message).toContain("does not support the bucket's lifecycle configuration");
    }
    expect(calls.map((c) => c.command)).toEqual([
      'GetBucketLifecycleConfiguration',
      'GetBucketLifecycleConfiguration',
      'GetBucketLifecycleConfiguration',
    ]);
  });

  it.each<[string, unknown, string]>([
    [
      '0 days',
      { Rules: [{ ID: 'r', Status: 'Enabled', Expiration: { Days: 0 } }] },
      'Rules.0.Expiration.Days: Expiration.Days is at least 1 day',
    ],
    [
      'no rule',
      { Rules: [] },
      'Rules: A lifecycle configuration has at least one rule (DELETE removes it)',
    ],
    [
      'an unknown field',
      { Rules: [{ ID: 'r', Status: 'Enabled', Expiration: { Days: 1 }, Expire: 3 }] },
      'Rules.0: Unrecognized key: "Expire"',
    ],
  ])('refuses %s with 400 naming the field, nothing sent', async (_label, doc, message) => {
    const calls = sdkCalls(app.objectStore);
    const res = await put('lifecycle', doc);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
    expect(calls).toEqual([]);
  });
});

describe('CORS', { timeout: 90_000 }, () => {
  const cors = {
    CORSRules: [
      {
        AllowedOrigins: ['https://app.example.com'],
        AllowedMethods: ['GET', 'PUT'],
        AllowedHeaders: ['*'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 300,
      },
      { ID: 'anyone-heads', AllowedOrigins: ['*'], AllowedMethods: ['HEAD'] },
    ],
  };

  it('round-trip both ways; DELETE then GET is 404 NotConfigured', async () => {
    const b = await createBucket(app, 'cors');
    const none = await get('cors', b);
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({
      code: 'NotConfigured',
      message: 'The bucket has no CORS configuration',
    });

    const res = await put('cors', cors, b);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(cors);
    expect(boto3Get('cors', b)).toEqual(cors);

    const theirs = {
      CORSRules: [
        {
          AllowedOrigins: ['https://a.example', 'https://b.example'],
          AllowedMethods: ['POST', 'DELETE'],

          MaxAgeSeconds: 0,
        },
      ],
    };
    expect(boto3Put('cors', b, theirs)).toEqual({});
    const shown = (await get('cors', b)).json();
    // Exactly what boto3 reads back; Ceph RGW 16 keeps the methods in an order of its own.
    expect(shown).toEqual(boto3Get('cors', b));
    const [rule] = shown.CORSRules;
    expect({ ...rule, AllowedMethods: [...rule.AllowedMethods].sort() }).toEqual({
      ...theirs.CORSRules[0],
      AllowedMethods: ['DELETE', 'POST'],
    });

    expect((await del('cors', b)).statusCode).toBe(204);
    expect((await get('cors', b)).json().code).toBe('NotConfigured');
    expect(boto3Get('cors', b).error).toBe('NoSuchCORSConfiguration');
  });

  it.each<[string, unknown, string]>([
    [
      'a method S3 does not know',
      { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }] },
      'CORSRules.0.AllowedMethods.0: A method is one of GET, PUT, POST, DELETE, HEAD',
    ],
    [
      'no origin',
      { CORSRules: [{ AllowedOrigins: [], AllowedMethods: ['GET'] }] },
      'CORSRules.0.AllowedOrigins: A CORS rule allows at least one origin',
    ],
  ])('refuses %s with 400 naming the field, the old rules kept', async (_label, doc, message) => {
    const b = await createBucket(app, 'cors-bad');
    await put('cors', cors, b);
    const res = await put('cors', doc, b);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
    expect(boto3Get('cors', b)).toEqual(cors);
  });
});
