import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, q, type TestApp } from '../helper.js';

const apps: TestApp[] = [];
let full: TestApp;
let bucket: string;
beforeAll(async () => {
  full = await build();
  apps.push(full);
  bucket = await createBucket(full, 'ro');
  await full.objectStore.putObject({ bucket, key: 'k.txt', body: 'keep me' });
});
afterAll(async () => {
  for (const app of apps) await app.close();
});

/**
 * POST /zip (the zip of a selection) and POST /share (a download link) are reads: they stay on
 * a read-only connection.
 */
const isWrite = (r: { method: string; url: string }) =>
  r.url.startsWith('/api/buckets') &&
  ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) &&
  !r.url.endsWith('/zip') &&
  !r.url.endsWith('/share');
const urlOf = (pattern: string) => `${pattern.replace(':bucket', bucket)}?${q({ key: 'k.txt' })}`;
const payloadFor = (url: string) =>
  url.endsWith('/delete')
    ? { keys: ['k.txt'] }
    : url.endsWith('/tags')
      ? { tags: [] }
      : url.endsWith('/existing-keys')
        ? { keys: ['k.txt'] }
        : url.endsWith('/metadata')
          ? { metadata: {} }
          : undefined;

describe('STOWAGE_READ_ONLY (global)', () => {
  it('registers no write route at all', async () => {
    const ro = await build({}, { access: { readOnly: true } });
    apps.push(ro);
    const writes = full.routeList.filter(isWrite);
    expect(writes.length).toBeGreaterThanOrEqual(6);
    expect(ro.routeList.filter(isWrite)).toEqual([]);
    for (const route of writes) {
      const res = await ro.inject({ method: route.method as 'POST', url: urlOf(route.url) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
    expect((await ro.inject(`/api/buckets/${bucket}/objects`)).statusCode).toBe(200);
    const session = (await ro.inject('/api/session')).json();
    expect(session).toMatchObject({ signedIn: true, readOnly: true });
    expect(session.profiles[0].readOnly).toBe(true);
  });
});

describe('a read-only profile', () => {
  it('answers 403 on every write route, reads as usual', async () => {
    const ro = await build({}, { profile: { readOnly: true } });
    apps.push(ro);
    const writes = ro.routeList.filter(isWrite);
    expect(writes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      full.routeList
        .filter(isWrite)
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    );
    for (const route of writes) {
      const res = await ro.inject({
        method: route.method as 'POST',
        url: urlOf(route.url),
        payload: payloadFor(route.url),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(res.json().message).toBe('This connection is read-only');
    }
    // Nothing was changed.
    const details = await ro.inject(`/api/buckets/${bucket}/object?${q({ key: 'k.txt' })}`);
    expect(details.statusCode).toBe(200);
    expect((await ro.inject('/api/session')).json()).toMatchObject({ readOnly: true });
  });
});

describe('a bucket allowlist', () => {
  it('lists only the allowed buckets and refuses the others with 403', async () => {
    const other = await createBucket(full, 'ro-other');
    const limited = await build({}, { profile: { buckets: [bucket] } });
    apps.push(limited);
    const names = (await limited.inject('/api/buckets'))
      .json()
      .buckets.map((b: { name: string }) => b.name);
    expect(names).toEqual([bucket]);
    expect((await limited.inject(`/api/buckets/${bucket}/objects`)).statusCode).toBe(200);
    for (const url of [
      `/api/buckets/${other}/objects`,
      `/api/buckets/${other}/object?${q({ key: 'k.txt' })}`,
      `/api/buckets/${other}/object/content?${q({ key: 'k.txt' })}`,
    ]) {
      const res = await limited.inject(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().message).toBe(`This connection may not use the bucket ${other}`);
    }
    const del = await limited.inject({
      method: 'DELETE',
      url: `/api/buckets/${other}/object?${q({ key: 'k.txt' })}`,
    });
    expect(del.statusCode).toBe(403);
  });
});
