import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListUploadsResponse, MultipartUpload } from '@stowage/shared';
import { boto3, dropBucket } from '../bucket-admin.js';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';

let app: TestApp;
let bucket: string;
const s3 = fixtureClient();
const PART = 300_000;

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'uploads');
});
afterAll(async () => {
  await dropBucket(s3, bucket);
  await app.close();
});

const list = (query: Record<string, string | undefined> = {}) =>
  app.inject(`/api/buckets/${bucket}/uploads?${q(query)}`);
const abortOlder = (days: unknown) =>
  app.inject({
    method: 'POST',
    url: `/api/buckets/${bucket}/uploads/abort-older`,
    payload: { days },
  });
const boto3Uploads = () => boto3<{ key: string; uploadId: string }[]>('uploads', bucket);

describe.runIf(onEmbedded)('a store without ListMultipartUploads (s3rver)', () => {
  it('answers 502 NotSupported, never a 500', async () => {
    const listed = await list();
    expect(listed.statusCode).toBe(502);
    expect(listed.json()).toMatchObject({ code: 'NotSupported' });
    expect(listed.json().message).toMatch(/does not implement this request/);
    const abort = await app.inject({
      method: 'DELETE',
      url: `/api/buckets/${bucket}/uploads?${q({ key: 'a.bin', uploadId: 'abc' })}`,
    });
    // AbortMultipartUpload it has (patches/s3rver): an unknown upload is 404, as on S3.
    expect(abort.statusCode).toBe(404);
    expect(abort.json()).toMatchObject({ code: 'NoSuchUpload' });
    const older = await abortOlder(0);
    expect(older.statusCode).toBe(502);
    expect(older.json()).toMatchObject({ code: 'NotSupported' });
  });
});

describe.skipIf(onEmbedded)('unfinished uploads', () => {
  it('lists an upload boto3 left with its parts’ bytes, aborts it (boto3 then sees none)', async () => {
    const left = boto3<{ uploadId: string; bytes: number }>(
      'leave-upload',
      bucket,
      'left/data.bin',
      String(PART),
    );
    boto3('leave-upload', bucket, 'other/x.bin', '1000');
    const res = await list({ prefix: 'left/' });
    expect(res.statusCode).toBe(200);
    const page = res.json<ListUploadsResponse>();
    expect(page.nextCursor).toBeNull();
    expect(page.uploads).toEqual([
      {
        key: 'left/data.bin',
        uploadId: left.uploadId,
        initiated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        storageClass: 'STANDARD',
        parts: 2,
        bytes: 2 * PART,
      },
    ]);
    expect(Math.abs(Date.parse(page.uploads[0]!.initiated!) - Date.now())).toBeLessThan(120_000);
    const all = (await list()).json<ListUploadsResponse>().uploads;
    expect(all.map((u) => [u.key, u.bytes])).toEqual([
      ['left/data.bin', 2 * PART],
      ['other/x.bin', 2000],
    ]);

    const url = `/api/buckets/${bucket}/uploads?${q({ key: 'left/data.bin', uploadId: left.uploadId })}`;
    const abort = await app.inject({ method: 'DELETE', url });
    expect(abort.statusCode).toBe(204);
    expect(boto3Uploads().map((u) => u.key)).toEqual(['other/x.bin']);
    const again = await app.inject({ method: 'DELETE', url });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'NoSuchUpload' });

    expect((await abortOlder(0)).json()).toEqual({ aborted: 1, errors: [] });
    expect(boto3Uploads()).toEqual([]);
  });

  it('pages by cursor; abort-older spares uploads younger than N days, 0 aborts all', async () => {
    const ids = boto3<string[]>('start-uploads', bucket, 'many/', '103');
    const first = (await list({ prefix: 'many/' })).json<ListUploadsResponse>();
    expect(first.uploads).toHaveLength(100);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list({ prefix: 'many/', cursor: first.nextCursor! });
    expect(second.statusCode).toBe(200);
    const rest = second.json<ListUploadsResponse>();
    expect(rest.nextCursor).toBeNull();
    const seen = [...first.uploads, ...rest.uploads].map((u: MultipartUpload) => u.uploadId);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(rest.uploads.every((u) => u.parts === 0 && u.bytes === 0)).toBe(true);

    const bad = await list({ cursor: 'not-ours' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/cursor/);

    expect((await abortOlder(1)).json()).toEqual({ aborted: 0, errors: [] });
    expect(boto3Uploads()).toHaveLength(103);
    for (const days of [-1, 1.5, 'x']) {
      const res = await abortOlder(days);
      expect(res.statusCode, String(days)).toBe(400);
      expect(res.json().message).toMatch(/^days: /);
    }
    expect((await abortOlder(0)).json()).toEqual({ aborted: 103, errors: [] });
    expect(boto3Uploads()).toEqual([]);
  });
});
