import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pMap from 'p-map';
import { build, createBucket, fixtureClient, q, testStoreConfig, type TestApp } from '../helper.js';
import { listenOnLoopback, rawRequest } from '../raw-http.js';

const s3 = fixtureClient();
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

describe('many listings at once', () => {
  let app: TestApp;
  let port: number;
  let bucket: string;
  beforeAll(async () => {
    // A short store timeout: a call that waited for a busy store would answer 504.
    app = await build({ requestTimeoutMs: 2000 });
    apps.push(app);
    port = await listenOnLoopback(app);
    bucket = await createBucket(app, 'load');
    const keys = Array.from({ length: 300 }, (_, i) => `f/${String(i).padStart(4, '0')}.txt`);
    await pMap(keys, (Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' })), {
      concurrency: 16,
    });
  }, 120_000);

  it('answers 100 concurrent listings of a 300-key folder, none with a timeout', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        rawRequest(port, {
          path: `/api/buckets/${bucket}/objects?${q({ prefix: 'f/' })}`,
          headers: { cookie: app.sessionHeaders.cookie! },
        }).then((r) => r.status),
      ),
    );
    const counts: Record<number, number> = {};
    for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
    expect(counts).toEqual({ 200: 100 });
  }, 120_000);
});

describe('the per-session request limit (STOWAGE_API_RATE_LIMIT)', () => {
  it('answers 429 with Retry-After past the limit, to that session only', async () => {
    const app = await build({}, { http: { apiRateLimitPerMinute: 20 } });
    apps.push(app);
    const port = await listenOnLoopback(app);
    const list = (cookie: string) =>
      rawRequest(port, { path: '/api/buckets', headers: { cookie } });
    const cookie = app.sessionHeaders.cookie!;
    // The helper's sign-in was the first request of that client, not of this session.
    for (let i = 0; i < 20; i++) expect((await list(cookie)).status, `request ${i + 1}`).toBe(200);
    const refused = await list(cookie);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({
      statusCode: 429,
      code: 'TooManyRequests',
      error: 'Too Many Requests',
      message: expect.stringMatching(
        /^Too many requests: at most 20 a minute per session; try again in/,
      ),
      requestId: expect.any(String),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another session of the same user is not held back.
    const other = await app.injectRaw({
      method: 'POST',
      url: '/api/session',
      headers: { 'x-stowage-csrf': '1' },
      payload: {
        accessKeyId: testStoreConfig().accessKeyId,
        secretAccessKey: testStoreConfig().secretAccessKey,
      },
    });
    expect(other.statusCode).toBe(200);
    const otherCookie = other.headers['set-cookie']!.toString().split(';')[0]!;
    expect((await list(otherCookie)).status).toBe(200);
  });
});
