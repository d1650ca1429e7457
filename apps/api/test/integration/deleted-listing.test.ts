import { DeleteObjectCommand, DeleteObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import pMap from 'p-map';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListObjectsResponse, ObjectSummary } from '@stowage/shared';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { dropBucket } from '../bucket-admin.js';
import { boto3Delete, boto3Latest, boto3PutVersions, boto3Versioning } from '../boto3-deleted.js';

// `GET /api/buckets/:b/objects?deleted=true`: ListObjectVersions read as a listing
// (store/s3-deleted-listing.ts, docs/adr/0012-deleted-listing.md).

const s3 = fixtureClient();
let app: TestApp;
/** Versioned on Ceph (boto3 enabled it before any listing); s3rver has no versioning. */
let bucket: string;
/** Never versioned. */
let plainBucket: string;
const buckets: string[] = [];

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'deleted');
  plainBucket = await createBucket(app, 'never-versioned');
  buckets.push(bucket, plainBucket);
  if (!onEmbedded) boto3Versioning(bucket, 'Enabled');
});
afterAll(async () => {
  for (const b of buckets) await dropBucket(s3, b);
  await app.close();
});

type Params = Record<string, string | number | undefined>;
const list = (params: Params, b = bucket) => app.inject(`/api/buckets/${b}/objects?${q(params)}`);
const page = async (params: Params, b = bucket): Promise<ListObjectsResponse> => {
  const res = await list(params, b);
  expect(res.statusCode, res.payload).toBe(200);
  return res.json();
};

/** Every page of a listing, following nextCursor. */
async function allPages(params: Params, b = bucket) {
  const pages: ListObjectsResponse[] = [];
  let cursor: string | undefined;
  do {
    const p = await page({ ...params, cursor }, b);
    pages.push(p);
    cursor = p.nextCursor ?? undefined;
  } while (cursor && pages.length < 500);
  return pages;
}

const keys = (objects: ObjectSummary[]) => objects.map((o) => o.key);
const put = (key: string, body = 'x', b = bucket) =>
  s3.send(new PutObjectCommand({ Bucket: b, Key: key, Body: body }));
/** Deletes keys without a version id (delete markers), 1,000 per DeleteObjects. */
async function deleteKeys(list: string[], b = bucket) {
  for (let i = 0; i < list.length; i += 1000) {
    const out = await s3.send(
      new DeleteObjectsCommand({
        Bucket: b,
        Delete: { Objects: list.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true },
      }),
    );
    expect(out.Errors ?? []).toEqual([]);
  }
}
/** Makes the store fail `command` with a 500 until the returned function is called. */
const failing = (command: string) =>
  app.objectStore.aroundSends(async (name, _input, send) => {
    if (name === command) {
      throw Object.assign(new Error('boom'), {
        name: 'InternalError',
        $metadata: { httpStatusCode: 500 },
      });
    }
    return send();
  });

describe.skipIf(onEmbedded)(
  'deleted=true on a versioned bucket (Ceph)',
  { timeout: 120_000 },
  () => {
    it('a deleted key leaves the plain listing and shows with the marker boto3 sees', async () => {
      boto3PutVersions(bucket, 'one/a.txt', 'a', 3);
      await put('one/b.txt', 'bee');
      const marker = boto3Delete(bucket, 'one/a.txt');
      expect(marker.deleteMarker).toBe(true);

      expect(keys((await page({ prefix: 'one/' })).objects)).toEqual(['one/b.txt']);
      const body = await page({ prefix: 'one/', deleted: 'true' });
      expect(body.objects).toEqual([
        {
          key: 'one/a.txt',
          size: 0,
          etag: null,
          storageClass: null,
          lastModified: expect.any(String),
          deleted: true,
          versionId: marker.versionId,
        },
        {
          key: 'one/b.txt',
          size: 3,
          etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
          storageClass: expect.any(String),
          lastModified: expect.any(String),
        },
      ]);
      expect(body.prefixes).toEqual([]);
      expect(body.deletedPrefixes).toEqual([]);
      expect(body.nextCursor).toBeNull();
      expect(boto3Latest(bucket, 'one/a.txt')).toEqual({
        'one/a.txt': { versionId: body.objects[0]!.versionId, deleteMarker: true, markers: 1 },
      });
      // deleted=1 is the same switch.
      expect((await page({ prefix: 'one/', deleted: 1 })).objects).toEqual(body.objects);
    });

    it('a folder of deleted keys only is in prefixes and deletedPrefixes, on every page size', async () => {
      for (const k of ['two/gone/x', 'two/gone/y', 'two/live/z', 'two/mixed/p', 'two/mixed/q']) {
        await put(k);
      }
      await put('two/top.txt');
      await put('two/zz/sub/deep.txt');
      await deleteKeys(['two/gone/x', 'two/gone/y', 'two/mixed/p', 'two/zz/sub/deep.txt']);

      expect((await page({ prefix: 'two/' })).prefixes).toEqual(['two/live/', 'two/mixed/']);
      const whole = await page({ prefix: 'two/', deleted: 'true' });
      expect(whole.prefixes).toEqual(['two/gone/', 'two/live/', 'two/mixed/', 'two/zz/']);
      expect(whole.deletedPrefixes).toEqual(['two/gone/', 'two/zz/']);
      expect(keys(whole.objects)).toEqual(['two/top.txt']);

      // Paged: each page judges its own folders (StartAfter the page's marker).
      for (const limit of [1, 2, 3]) {
        const pages = await allPages({ prefix: 'two/', deleted: 'true', limit });
        expect(pages.flatMap((p) => p.prefixes)).toEqual(whole.prefixes);
        expect(pages.flatMap((p) => p.deletedPrefixes ?? [])).toEqual(whole.deletedPrefixes);
        expect(pages.flatMap((p) => keys(p.objects))).toEqual(['two/top.txt']);
      }

      // A store that answers ListObjectsV2 one entry at a time (S3 may answer fewer than
      // MaxKeys): the folder check asks again, and decides the same.
      let sent = 0;
      const restore = app.objectStore.aroundSends(async (name, input, send) => {
        if (name === 'ListObjectsV2') {
          input.MaxKeys = 1;
          sent += 1;
        }
        return send();
      });
      try {
        expect(await page({ prefix: 'two/', deleted: 'true' })).toEqual(whole);
        expect(sent).toBeGreaterThan(1);
      } finally {
        restore();
      }
    });

    describe('a folder of 1,200 deleted keys and 5 live ones', () => {
      const deletedKeys = Array.from(
        { length: 1200 },
        (_, i) => `many/k-${String(i).padStart(4, '0')}`,
      );
      const liveKeys = Array.from({ length: 5 }, (_, i) => `many/live-${i}`);

      beforeAll(async () => {
        await pMap([...deletedKeys, ...liveKeys], (k) => put(k, 'some body'), { concurrency: 16 });
        await deleteKeys(deletedKeys);
      }, 120_000);

      it('the plain listing has the live ones only', async () => {
        const pages = await allPages({ prefix: 'many/' });
        expect(pages.flatMap((p) => keys(p.objects))).toEqual(liveKeys);
      });

      it.each([100, 1000])(
        'pages exactly with limit %i: every key once, right flags',
        async (limit) => {
          const pages = await allPages({ prefix: 'many/', deleted: 'true', limit });
          const objects = pages.flatMap((p) => p.objects);
          expect(keys(objects)).toEqual([...deletedKeys, ...liveKeys]);
          for (const o of objects) {
            if (o.key.startsWith('many/k-')) {
              expect(o).toMatchObject({ deleted: true, size: 0, etag: null });
              expect(o.versionId).toEqual(expect.any(String));
            } else {
              expect(o.deleted).toBeUndefined();
              expect(o.size).toBe('some body'.length);
            }
          }
          // A key is a version and a marker: 2,405 entries, at most `limit` per store page.
          expect(pages).toHaveLength(Math.ceil(2405 / limit));
          for (const [i, p] of pages.entries()) {
            expect(p.objects.length).toBeGreaterThan(0);
            expect(p.objects.length).toBeLessThanOrEqual(limit);
            expect(p.nextCursor === null).toBe(i === pages.length - 1);
            expect(p.nextCursor ?? 'v1.').toMatch(/^v1\./);
          }
        },
      );

      it('a page cursor of one listing is refused by the other: 400', async () => {
        const plain = await page({ prefix: 'many/', limit: 2 });
        const withDeleted = await page({ prefix: 'many/', limit: 2, deleted: 'true' });
        const wrong = [
          await list({ prefix: 'many/', deleted: 'true', cursor: plain.nextCursor! }),
          await list({ prefix: 'many/', cursor: withDeleted.nextCursor! }),
          await list({ prefix: 'many/', deleted: 'true', cursor: 'v1.!!!' }),
          await list({ prefix: 'many/', deleted: 'true', cursor: 'v1.e30' }), // {}
          await list({ prefix: 'many/', deleted: 'true', cursor: 'v1.bm90IGpzb24' }), // not json
        ];
        for (const res of wrong) {
          expect(res.statusCode).toBe(400);
          expect(res.json()).toMatchObject({ code: 'BadRequest', error: 'Bad Request' });
          expect(res.json().message).toMatch(/^cursor: /);
        }
        // The right cursor still works after the refusals.
        const next = await page({
          prefix: 'many/',
          limit: 2,
          deleted: 'true',
          cursor: withDeleted.nextCursor!,
        });
        expect(keys(next.objects)).toEqual(['many/k-0001']);
      });
    });

    it('a key whose versions are cut across pages appears once, as its current version', async () => {
      boto3PutVersions(bucket, 'hist/a', 'body of a', 25); // the newest: "body of a 24"
      await put('hist/b', 'b');
      await put('hist/c', 'c');
      await deleteKeys(['hist/c']);
      for (const limit of [1, 3, 10, 1000]) {
        const pages = await allPages({ prefix: 'hist/', deleted: 'true', limit });
        const objects = pages.flatMap((p) => p.objects);
        expect(keys(objects), `limit ${limit}`).toEqual(['hist/a', 'hist/b', 'hist/c']);
        expect(objects[0]).toMatchObject({ size: 'body of a 24'.length });
        expect(objects[0]!.deleted).toBeUndefined();
        expect(objects[2]!.deleted).toBe(true);
        // A page of older versions only is followed, up to 10 store pages for one answer; past
        // that the answer is an empty page with a cursor (limit 1: 24 older versions of a). The
        // last page may be empty too (c's older version, after its marker).
        const inner = pages.slice(0, -1);
        const empty = inner.filter((p) => p.objects.length === 0);
        expect(empty, `limit ${limit}`).toHaveLength(limit === 1 ? 2 : 0);
      }
    });

    it('stacked delete markers: the key once, with the newest marker', async () => {
      // Ceph makes no second marker over a marker: version, marker, version, marker, and the
      // second version removed leaves two markers in a row.
      boto3PutVersions(bucket, 'stack/k', 'one');
      boto3Delete(bucket, 'stack/k');
      const [second] = boto3PutVersions(bucket, 'stack/k', 'two');
      const newest = boto3Delete(bucket, 'stack/k');
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'stack/k', VersionId: second }));
      const seen = boto3Latest(bucket, 'stack/');
      expect(seen['stack/k']).toEqual({
        deleteMarker: true,
        markers: 2,
        versionId: newest.versionId,
      });
      for (const limit of [1, 2, 1000]) {
        const objects = (await allPages({ prefix: 'stack/', deleted: 'true', limit })).flatMap(
          (p) => p.objects,
        );
        expect(objects).toEqual([
          expect.objectContaining({
            key: 'stack/k',
            deleted: true,
            versionId: seen['stack/k']!.versionId,
          }),
        ]);
      }
    });

    it('a suspended bucket: the marker of a delete is the "null" version', async () => {
      const suspended = await createBucket(app, 'suspended');
      buckets.push(suspended);
      boto3Versioning(suspended, 'Enabled');
      boto3PutVersions(suspended, 'f/a', 'a', 2);
      boto3Versioning(suspended, 'Suspended');
      const marker = boto3Delete(suspended, 'f/a');
      expect(marker.versionId).toBe('null');
      const body = await page({ prefix: 'f/', deleted: 'true' }, suspended);
      expect(body.objects).toEqual([
        expect.objectContaining({ key: 'f/a', deleted: true, versionId: 'null' }),
      ]);
    });

    it('keeps the share links folder out of the root listing', async () => {
      await put('.stowage/links/old.json', '{}');
      await deleteKeys(['.stowage/links/old.json']);
      await put('zzz.txt');
      const body = await page({ deleted: 'true' });
      expect(body.prefixes).not.toContain('.stowage/');
      expect(body.deletedPrefixes).not.toContain('.stowage/');
      expect(body.deletedPrefixes).toBeDefined();
      // Asked for by name, its deleted records show.
      const inside = await page({ prefix: '.stowage/', deleted: 'true' });
      expect(inside.prefixes).toEqual(['.stowage/links/']);
      expect(inside.deletedPrefixes).toEqual(['.stowage/links/']);
    });

    it('a failing store is a mapped error, never a 500', async () => {
      for (const command of ['ListObjectVersions', 'ListObjectsV2']) {
        const restore = failing(command);
        try {
          // ListObjectsV2 is asked only for a page with folders (which of them hold objects).
          const res = await list({ prefix: 'two/', deleted: 'true' });
          expect(res.statusCode, command).toBe(502);
          expect(res.json()).toMatchObject({ code: 'StoreUnavailable' });
        } finally {
          restore();
        }
      }
    });

    it('a bucket whose versioning the store will not tell: ListObjectVersions is tried', async () => {
      const unknown = await createBucket(app, 'unknown');
      buckets.push(unknown);
      boto3Versioning(unknown, 'Enabled');
      await put('u/a', 'a', unknown);
      await deleteKeys(['u/a'], unknown);
      const restore = app.objectStore.aroundSends(async (name, _input, send) => {
        if (name === 'GetBucketVersioning') {
          throw Object.assign(new Error('denied'), {
            name: 'AccessDenied',
            $metadata: { httpStatusCode: 403 },
          });
        }
        return send();
      });
      try {
        const body = await page({ prefix: 'u/', deleted: 'true' }, unknown);
        expect(body.objects).toEqual([expect.objectContaining({ key: 'u/a', deleted: true })]);
      } finally {
        restore();
      }
    });
  },
);

describe(
  'deleted=true where nothing can be deleted: the plain listing',
  { timeout: 60_000 },
  () => {
    // s3rver has no versioning; on Ceph, a bucket never versioned.
    const target = () => (onEmbedded ? bucket : plainBucket);

    beforeAll(async () => {
      const b = target();
      await Promise.all(['p/a', 'p/b', 'p/c', 'p/sub/d', 'p/gone'].map((k) => put(k, k, b)));
      await deleteKeys(['p/gone'], b);
    });

    it('answers what the plain listing answers, page by page', async () => {
      const b = target();
      for (const limit of [2, 1000]) {
        const plain = await allPages({ prefix: 'p/', limit }, b);
        const withDeleted = await allPages({ prefix: 'p/', limit, deleted: 'true' }, b);
        // (s3rver's continuation tokens differ each time: compared as present or not.)
        const same = (pages: ListObjectsResponse[]) =>
          pages.map((p) => ({ ...p, nextCursor: p.nextCursor !== null }));
        expect(same(withDeleted)).toEqual(same(plain));
      }
      const one = await page({ prefix: 'p/', deleted: 'true' }, b);
      expect(keys(one.objects)).toEqual(['p/a', 'p/b', 'p/c']);
      expect(one.prefixes).toEqual(['p/sub/']);
      expect(one.deletedPrefixes).toBeUndefined();
    });

    it('refuses a cursor of a deleted listing: 400', async () => {
      const cursor = 'v1.' + Buffer.from(JSON.stringify({ k: 'p/a' })).toString('base64url');
      for (const deleted of ['true', undefined]) {
        const res = await list({ prefix: 'p/', deleted, cursor }, target());
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'BadRequest' });
      }
    });

    it('a failing store is a mapped error', async () => {
      const restore = failing('ListObjectsV2');
      try {
        const res = await list({ prefix: 'p/', deleted: 'true' }, target());
        expect(res.statusCode).toBe(502);
        expect(res.json()).toMatchObject({ code: 'StoreUnavailable' });
      } finally {
        restore();
      }
    });

    it.runIf(onEmbedded)(
      's3rver: ListObjectVersions is not there either (NotImplemented)',
      async () => {
        // Were the probe undecided, the listing would try ListObjectVersions: s3rver refuses it, and
        // the plain listing is the answer.
        const fresh = await createBucket(app, 'unknown');
        buckets.push(fresh);
        await put('x', 'x', fresh);
        const restore = app.objectStore.aroundSends(async (name, _input, send) => {
          if (name === 'GetBucketVersioning') {
            throw Object.assign(new Error('denied'), {
              name: 'AccessDenied',
              $metadata: { httpStatusCode: 403 },
            });
          }
          return send();
        });
        try {
          const body = await page({ deleted: 'true' }, fresh);
          expect(keys(body.objects)).toEqual(['x']);
          expect(body.deletedPrefixes).toBeUndefined();
        } finally {
          restore();
        }
      },
    );
  },
);
