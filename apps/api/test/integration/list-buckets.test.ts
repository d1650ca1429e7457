import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, type TestApp } from '../helper.js';

let app: TestApp;
beforeAll(async () => {
  app = await build();
});
afterAll(() => app.close());

describe('GET /api/buckets', () => {
  it('lists a bucket made by another client, with its creation date', async () => {
    const name = await createBucket(app, 'buckets');
    const res = await app.inject('/api/buckets');
    expect(res.statusCode).toBe(200);
    const bucket = res.json().buckets.find((b: { name: string }) => b.name === name);
    expect(bucket).toBeDefined();
    expect(Date.parse(bucket.creationDate)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(Object.keys(bucket).sort()).toEqual(['creationDate', 'name']);
  });
});
