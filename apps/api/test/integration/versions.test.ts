import { randomBytes } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListVersionsResponse, ObjectVersion } from '@stowage/shared';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { sdkCalls, sha256, storedSha } from '../fixtures.js';
import {
  boto3Delete,
  boto3Put,
  boto3Tags,
  boto3Versioning,
  boto3Versions,
} from '../boto3-versions.js';

/**
 * Versions and recovery (issue 19) over the real stores: Ceph RGW (and Ceph with SigV2) has
 * versioning, s3rver has none (every route a 501 VersioningUnsupported naming the capability).
 * boto3 is the outside S3 client that writes the versions and confirms what the store holds.
 */

const s3 = fixtureClient();
const apps: TestApp[] = [];
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build();
  apps.push(app);
  bucket = await createBucket(app, 'versions');
  if (!onEmbedded) await app.objectStore.setVersioning(bucket, 'Enabled');
});
afterAll(async () => {
  for (const a of apps) await a.close();
});

const api = (path: string, params: Record<string, string | number | undefined> = {}) =>
  `/api/buckets/${bucket}${path}?${q(params)}`;

async function versionsOf(key: string, a: TestApp = app): Promise<ObjectVersion[]> {
  const res = await a.inject(api('/versions', { key }));
  expect(res.statusCode, res.payload).toBe(200);
  const body = res.json<ListVersionsResponse>();
  expect(body.nextCursor).toBeNull();
  return body.versions;
}

const contentOf = async (key: string, versionId?: string) => {
  const res = await app.inject(api('/object/content', { key, versionId }));
  expect(res.statusCode, res.payload).toBe(200);
  return res.rawPayload;
};

const restore = (key: string, versionId: string, a: TestApp = app) =>
  a.inject({ method: 'POST', url: api('/object/restore', { key, versionId }) });
const undelete = (key: string, a: TestApp = app) =>
  a.inject({ method: 'POST', url: api('/object/undelete', { key }) });
const deleteVersion = (key: string, versionId: string, a: TestApp = app) =>
  a.inject({ method: 'DELETE', url: api('/object', { key, versionId }) });
const putVersioning = (status: string, a: TestApp = app) =>
  a.inject({ method: 'PUT', url: api('/versioning'), payload: { status } });

const BODIES = ['one', 'two two', 'three three three'];

/** Three versions of `key` written by boto3, each with its own metadata and tag: their ids. */
const writeThree = (key: string) =>
  BODIES.map((body, i) => boto3Put(bucket, key, body, { n: String(i + 1) }, `v=${i + 1}`));

describe.skipIf(onEmbedded)('an object’s history (Ceph RGW)', { timeout: 120_000 }, () => {
  it('shows the three versions boto3 wrote, newest first, with their sizes', async () => {
    const ids = writeThree('three.txt');
    const versions = await versionsOf('three.txt');
    expect(versions.map((v) => v.versionId)).toEqual([...ids].reverse());
    expect(versions.map((v) => v.size)).toEqual(BODIES.map((b) => b.length).reverse());
    expect(versions.map((v) => v.isLatest)).toEqual([true, false, false]);
    expect(versions.every((v) => !v.isDeleteMarker && v.etag && v.lastModified)).toBe(true);
    expect(versions).toEqual(
      boto3Versions(bucket, 'three.txt').map((b) => expect.objectContaining(b)),
    );
  });

  it('reads one version: details, tags, content (inline, download, Range)', async () => {
    const [v1, v2] = writeThree('read.txt');
    const details = await app.inject(api('/object', { key: 'read.txt', versionId: v1 }));
    expect(details.json()).toMatchObject({ size: 3, versionId: v1, metadata: { n: '1' } });
    const tags = await app.inject(api('/object/tags', { key: 'read.txt', versionId: v2 }));
    expect(tags.json()).toEqual({ tags: [{ key: 'v', value: '2' }] });
    expect((await contentOf('read.txt', v2!)).toString()).toBe('two two');
    const ranged = await app.inject({
      url: api('/object/content', { key: 'read.txt', versionId: v2 }),
      headers: { range: 'bytes=4-6' },
    });
    expect(ranged.statusCode).toBe(206);
    expect(ranged.payload).toBe('two');
    expect(ranged.headers['content-range']).toBe('bytes 4-6/7');
    const download = await app.inject({
      url: api('/object/content', { key: 'read.txt', versionId: v1, download: '1' }),
      headers: { range: 'bytes=0-1' },
    });
    expect(download.statusCode).toBe(206);
    expect(download.payload).toBe('on');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="?read\.txt/);
    // Inline (a preview) of an older version, its own Content-Type.
    const first = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'page.txt',
        Body: 'first',
        ContentType: 'text/plain',
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'page.txt', Body: 'second' }));
    const inline = await app.inject(
      api('/object/content', { key: 'page.txt', versionId: first.VersionId }),
    );
    expect(inline.payload).toBe('first');
    expect(inline.headers['content-type']).toBe('text/plain');
    expect(inline.headers['content-disposition']).toMatch(/^inline/);
    // Without versionId: the current version, as before.
    expect((await contentOf('read.txt')).toString()).toBe(BODIES[2]);
  });

  it('puts tags on one version only', async () => {
    const [v1, , v3] = writeThree('tag.txt');
    const res = await app.inject({
      method: 'PUT',
      url: api('/object/tags', { key: 'tag.txt', versionId: v1 }),
      payload: { tags: [{ key: 'kept', value: 'yes' }] },
    });
    expect(res.statusCode, res.payload).toBe(200);
    expect(boto3Tags(bucket, 'tag.txt', v1!)).toEqual({ kept: 'yes' });
    expect(boto3Tags(bucket, 'tag.txt', v3!)).toEqual({ v: '3' });
  });

  it('an unknown version id is 404 NoSuchVersion on every read, passed through exactly', async () => {
    boto3Put(bucket, 'known.txt', 'x');
    for (const versionId of ['no-such-version', 'a b/c?d&e=f+g%20h#i', 'é'.repeat(40)]) {
      for (const path of ['/object', '/object/tags', '/object/content']) {
        const res = await app.inject(api(path, { key: 'known.txt', versionId }));
        expect(res.statusCode, `${path} ${versionId}`).toBe(404);
        expect(res.json()).toMatchObject({ code: 'NoSuchVersion' });
      }
      expect((await restore('known.txt', versionId)).json()).toMatchObject({
        code: 'NoSuchVersion',
      });
      expect((await deleteVersion('known.txt', versionId)).json()).toMatchObject({
        code: 'NoSuchVersion',
      });
    }
  });

  it('a delete makes a delete marker: the key leaves the listing, its versions stay', async () => {
    const ids = writeThree('gone.txt');
    const del = await app.inject({ method: 'DELETE', url: api('/object', { key: 'gone.txt' }) });
    expect(del.statusCode).toBe(204);
    const versions = await versionsOf('gone.txt');
    expect(versions).toHaveLength(4);
    expect(versions[0]).toMatchObject({
      isLatest: true,
      isDeleteMarker: true,
      size: 0,
      etag: null,
    });
    expect(versions.slice(1).map((v) => v.versionId)).toEqual([...ids].reverse());
    const listing = await app.inject(api('/objects', { prefix: '' }));
    expect(listing.json().objects.map((o: { key: string }) => o.key)).not.toContain('gone.txt');
    // A delete marker has nothing to read or restore.
    const marker = versions[0]!.versionId;
    const read = await app.inject(api('/object/content', { key: 'gone.txt', versionId: marker }));
    expect(read.statusCode).toBeGreaterThanOrEqual(400);
    expect(read.statusCode).toBeLessThan(500);
    const res = await restore('gone.txt', marker);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/is a delete marker/);
  });

  it('undelete removes the marker and brings the newest body back', async () => {
    writeThree('back.txt');
    boto3Delete(bucket, 'back.txt');
    const res = await undelete('back.txt');
    expect(res.statusCode, res.payload).toBe(200);
    const versions = boto3Versions(bucket, 'back.txt');
    expect(versions).toHaveLength(3);
    expect(res.json()).toMatchObject({
      versionId: versions[0]!.versionId,
      isLatest: true,
      isDeleteMarker: false,
      size: BODIES[2]!.length,
    });
    expect(await storedSha(s3, bucket, 'back.txt')).toBe(sha256(BODIES[2]!));
    // Not deleted (any more): 409; a key that never was: 404.
    expect((await undelete('back.txt')).json()).toMatchObject({ code: 'NotDeleted' });
    const never = await undelete('never-was.txt');
    expect(never.statusCode).toBe(404);
    expect(never.json()).toMatchObject({ code: 'NoSuchKey' });
  });

  it('deleting the delete marker’s version id undeletes too', async () => {
    writeThree('marker.txt');
    const { versionId: marker } = boto3Delete(bucket, 'marker.txt');
    const res = await deleteVersion('marker.txt', marker!);
    expect(res.statusCode).toBe(204);
    expect(await storedSha(s3, bucket, 'marker.txt')).toBe(sha256(BODIES[2]!));
  });

  it('restore of version 1: its body, metadata and tags, as a new current version', async () => {
    const ids = writeThree('restore.txt');
    const res = await restore('restore.txt', ids[0]!);
    expect(res.statusCode, res.payload).toBe(200);
    const restored = res.json<ObjectVersion>();
    expect(restored).toMatchObject({ isLatest: true, isDeleteMarker: false, size: 3 });
    expect(ids).not.toContain(restored.versionId);
    const versions = boto3Versions(bucket, 'restore.txt');
    expect(versions.map((v) => v.versionId)).toEqual([restored.versionId, ...[...ids].reverse()]);
    expect(await storedSha(s3, bucket, 'restore.txt')).toBe(sha256(BODIES[0]!));
    const details = await app.inject(api('/object', { key: 'restore.txt' }));
    expect(details.json()).toMatchObject({ versionId: restored.versionId, metadata: { n: '1' } });
    expect(boto3Tags(bucket, 'restore.txt', restored.versionId)).toEqual({ v: '1' });
    // The current version again: answered as it is, nothing written.
    const again = await restore('restore.txt', restored.versionId);
    expect(again.json()).toMatchObject({ versionId: restored.versionId, isLatest: true });
    expect(boto3Versions(bucket, 'restore.txt')).toHaveLength(4);
  });

  it('restore of a deleted key’s older version brings it back with that body', async () => {
    const ids = writeThree('undo.txt');
    boto3Delete(bucket, 'undo.txt');
    const res = await restore('undo.txt', ids[1]!);
    expect(res.statusCode, res.payload).toBe(200);
    expect(await storedSha(s3, bucket, 'undo.txt')).toBe(sha256(BODIES[1]!));
    expect(boto3Versions(bucket, 'undo.txt')).toHaveLength(5);
  });

  it('restore over the copy threshold copies in parts, keeping metadata and tags', async () => {
    const MiB = 1024 * 1024;
    const big = randomBytes(12 * MiB + 5);
    const first = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'big.bin',
        Body: big,
        ContentType: 'application/x-big',
        Metadata: { owner: 'alice' },
        Tagging: 'kind=big',
      }),
    );
    boto3Put(bucket, 'big.bin', 'small now');
    const tiny = await build({ multipartCopyThresholdBytes: 5 * MiB });
    apps.push(tiny);
    const calls = sdkCalls(tiny.objectStore);
    const res = await restore('big.bin', first.VersionId!, tiny);
    expect(res.statusCode, res.payload).toBe(200);
    expect(res.json()).toMatchObject({ size: big.length, isLatest: true });
    expect(calls.filter((c) => c.command === 'UploadPartCopy')).toHaveLength(3);
    expect(await storedSha(s3, bucket, 'big.bin')).toBe(sha256(big));
    const details = await app.inject(api('/object', { key: 'big.bin' }));
    expect(details.json()).toMatchObject({
      contentType: 'application/x-big',
      metadata: { owner: 'alice' },
    });
    expect(boto3Tags(bucket, 'big.bin', res.json<ObjectVersion>().versionId)).toEqual({
      kind: 'big',
    });
  }, 120_000);

  it('a permanent delete removes exactly that version (boto3 confirms)', async () => {
    const ids = writeThree('perm.txt');
    const res = await deleteVersion('perm.txt', ids[1]!);
    expect(res.statusCode).toBe(204);
    expect(boto3Versions(bucket, 'perm.txt').map((v) => v.versionId)).toEqual([ids[2], ids[0]]);
    // Once more: that version is not there.
    const again = await deleteVersion('perm.txt', ids[1]!);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'NoSuchVersion' });
    // The current version deleted permanently: the one before becomes current.
    expect((await deleteVersion('perm.txt', ids[2]!)).statusCode).toBe(204);
    expect(await storedSha(s3, bucket, 'perm.txt')).toBe(sha256(BODIES[0]!));
  });

  it('pages a key with more versions than the limit: every version once, no empty page', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(boto3Put(bucket, 'many.txt', `body ${i}`));
    boto3Put(bucket, 'many.txt.bak', 'sibling');
    boto3Put(bucket, 'many.txt/child', 'child');
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const res = await app.inject(api('/versions', { key: 'many.txt', limit: 3, cursor }));
      expect(res.statusCode, res.payload).toBe(200);
      const page = res.json<ListVersionsResponse>();
      expect(page.versions.length).toBeGreaterThan(0);
      expect(page.versions.length).toBeLessThanOrEqual(3);
      seen.push(...page.versions.map((v) => v.versionId));
      sizes.push(page.versions.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual([...ids].reverse());
    // Exactly one page's worth: no cursor to an empty page.
    const six = await app.inject(api('/versions', { key: 'many.txt', limit: 7 }));
    expect(six.json<ListVersionsResponse>().nextCursor).toBeNull();
  });

  it('a key that is a prefix of others: only its own versions', async () => {
    boto3Put(bucket, 'a.txt', 'a');
    boto3Put(bucket, 'a.txt.bak', 'bak');
    boto3Put(bucket, 'a.txt.bak', 'bak 2');
    boto3Put(bucket, 'a.txt0', 'zero');
    const versions = await versionsOf('a.txt');
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ size: 1, isLatest: true });
    expect(await versionsOf('a.txt.bak')).toHaveLength(2);
    expect(await versionsOf('no-such-key.txt')).toEqual([]);
  });

  it('suspend and enable: each seen by boto3, read back by GET', async () => {
    const own = await createBucket(app, 'switch');
    const url = `/api/buckets/${own}/versioning`;
    expect((await app.inject(url)).json()).toEqual({ status: 'Off' });
    for (const status of ['Enabled', 'Suspended', 'Enabled']) {
      const res = await app.inject({ method: 'PUT', url, payload: { status } });
      expect(res.statusCode, res.payload).toBe(200);
      expect(res.json()).toEqual({ status });
      expect(boto3Versioning(own)).toBe(status);
      expect((await app.inject(url)).json()).toEqual({ status });
    }
  });

  it('a never-versioned bucket: the one "null" version, natural answers', async () => {
    const off = await createBucket(app, 'off');
    await s3.send(new PutObjectCommand({ Bucket: off, Key: 'n.txt', Body: 'plain' }));
    const res = await app.inject(`/api/buckets/${off}/versions?${q({ key: 'n.txt' })}`);
    expect(res.json()).toMatchObject({
      versions: [{ versionId: 'null', isLatest: true, isDeleteMarker: false, size: 5 }],
      nextCursor: null,
    });
    const restored = await app.inject({
      method: 'POST',
      url: `/api/buckets/${off}/object/restore?${q({ key: 'n.txt', versionId: 'null' })}`,
    });
    expect(restored.json()).toMatchObject({ versionId: 'null', isLatest: true, size: 5 });
    const un = await app.inject({
      method: 'POST',
      url: `/api/buckets/${off}/object/undelete?${q({ key: 'n.txt' })}`,
    });
    expect(un.statusCode).toBe(409);
    expect(un.json()).toMatchObject({ code: 'NotDeleted' });
  });

  it('a read-only profile lists and downloads versions, may not change them (403)', async () => {
    const ids = writeThree('ro.txt');
    const ro = await build({}, { profile: { readOnly: true } });
    apps.push(ro);
    expect(await versionsOf('ro.txt', ro)).toHaveLength(3);
    const content = await ro.inject(
      api('/object/content', { key: 'ro.txt', versionId: ids[0], download: '1' }),
    );
    expect(content.payload).toBe(BODIES[0]);
    const refused = [
      await restore('ro.txt', ids[0]!, ro),
      await deleteVersion('ro.txt', ids[0]!, ro),
      await undelete('ro.txt', ro),
      await putVersioning('Suspended', ro),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'ReadOnly' });
    }
    expect(boto3Versions(bucket, 'ro.txt')).toHaveLength(3);
    expect(boto3Versioning(bucket)).toBe('Enabled');
  });
});

describe.skipIf(onEmbedded)('a failing store (Ceph RGW)', { timeout: 120_000 }, () => {
  const boom = () =>
    Object.assign(new Error('boom'), {
      name: 'InternalError',
      $metadata: { httpStatusCode: 500 },
    });

  it('a ListObjectVersions the store fails: 502 StoreUnavailable', async () => {
    boto3Put(bucket, 'fail.txt', 'x');
    const failing = await build({ maxAttempts: 1 });
    apps.push(failing);
    failing.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'ListObjectVersions') throw boom();
      return send();
    });
    for (const res of [
      await failing.inject(api('/versions', { key: 'fail.txt' })),
      await undelete('fail.txt', failing),
    ]) {
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ code: 'StoreUnavailable' });
    }
  });

  it('a delete or restore the store answers but does not make: 502 StoreNotApplied', async () => {
    const ids = writeThree('liar.txt');
    const liar = await build();
    apps.push(liar);
    liar.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'DeleteObject' || command === 'CopyObject') {
        return { $metadata: { httpStatusCode: 200 }, CopyObjectResult: {} };
      }
      return send();
    });
    const del = await deleteVersion('liar.txt', ids[0]!, liar);
    expect(del.statusCode).toBe(502);
    expect(del.json()).toMatchObject({ code: 'StoreNotApplied' });
    const res = await restore('liar.txt', ids[0]!, liar);
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'StoreNotApplied' });
    boto3Delete(bucket, 'liar.txt');
    const un = await undelete('liar.txt', liar);
    expect(un.json()).toMatchObject({ code: 'StoreNotApplied' });
    expect(boto3Versions(bucket, 'liar.txt')).toHaveLength(4);
  });
});

describe.runIf(onEmbedded)('s3rver: no versioning', () => {
  beforeAll(async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k.txt', Body: 'current' }));
  });

  it('answers every versions route 501 VersioningUnsupported, naming the capability', async () => {
    const answers = [
      await app.inject(api('/versions', { key: 'k.txt' })),
      await restore('k.txt', 'v1'),
      await undelete('k.txt'),
      await deleteVersion('k.txt', 'v1'),
      await putVersioning('Enabled'),
      // A versionId s3rver would ignore (answering the current object) is refused too.
      await app.inject(api('/object', { key: 'k.txt', versionId: 'v1' })),
      await app.inject(api('/object/tags', { key: 'k.txt', versionId: 'v1' })),
      await app.inject(api('/object/content', { key: 'k.txt', versionId: 'v1' })),
      await app.inject({
        method: 'PUT',
        url: api('/object/tags', { key: 'k.txt', versionId: 'v1' }),
        payload: { tags: [] },
      }),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.payload).toBe(501);
      expect(res.json()).toMatchObject({
        code: 'VersioningUnsupported',
        message: 'This store does not support object versioning (capability: versioning)',
      });
    }
    expect((await app.inject(api('/versioning'))).json()).toEqual({ status: 'unsupported' });
    // Nothing was changed; reads without versionId as before.
    expect((await contentOf('k.txt')).toString()).toBe('current');
  });
});

describe('bad input: a clear 400, nothing sent', () => {
  it('refuses a bad cursor, an empty versionId, a limit out of range, a bad status', async () => {
    const other = Buffer.from(JSON.stringify({ k: 'other.txt', v: 'x' })).toString('base64url');
    const bad = [
      api('/versions', { key: 'k.txt', cursor: 'not a cursor!' }),
      api('/versions', { key: 'k.txt', cursor: Buffer.from('{"k":1}').toString('base64url') }),
      api('/versions', { key: 'k.txt', cursor: other }),
      api('/versions', { key: 'k.txt', limit: 0 }),
      api('/versions', { key: 'k.txt', limit: 1001 }),
      api('/versions', { key: 'k.txt', limit: 'many' }),
      api('/versions'),
      api('/object', { key: 'k.txt', versionId: '' }),
      api('/object/content', { key: 'k.txt', versionId: '' }),
    ];
    for (const url of bad) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message.length).toBeGreaterThan(0);
    }
    const noVersion = await app.inject({
      method: 'POST',
      url: api('/object/restore', { key: 'k' }),
    });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().message).toMatch(/versionId/);
    for (const payload of [{ status: 'Off' }, { status: 'enabled' }, {}]) {
      const res = await app.inject({ method: 'PUT', url: api('/versioning'), payload });
      expect(res.statusCode).toBe(400);
    }
  });

  it('a missing bucket: 404 NoSuchBucket', async () => {
    const res = await app.inject(`/api/buckets/no-such-bucket-vv/versions?${q({ key: 'k' })}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NoSuchBucket' });
  });
});
