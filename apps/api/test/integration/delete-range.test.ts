import { DeleteObjectsResponseSchema, DeleteProgressSchema, NDJSON } from '@stowage/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureClient, type TestApp } from '../helper.js';
import { listKeys } from '../fixtures.js';
import { appWithBuckets, appsClosedAfterAll, putMany } from '../organize.js';

const s3 = fixtureClient();
const apps = appsClosedAfterAll();
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  ({ app, src: bucket } = await appWithBuckets(apps, 'rdel'));
});

const rangeDelete = (payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/buckets/${bucket}/delete`, payload, headers });

/** k-000 … k-029, a shorter key and subfolders at and around the range's ends. */
function seedKeys(folder: string): string[] {
  const keys = Array.from({ length: 30 }, (_, i) => `${folder}k-${String(i).padStart(3, '0')}`);
  // "k-01" sorts just before "k-010" (what the listing starts after): never in the range.
  keys.push(`${folder}k-01`, `${folder}k-015/x`, `${folder}k-015/y`, `${folder}k-020/z`);
  keys.push(`${folder}k-021/w`);
  return keys;
}

describe('POST /delete { prefix, from, to } (a range of a folder)', () => {
  it('deletes exactly the keys from `from` to `to`, a subfolder `to` with its subtree', async () => {
    const all = seedKeys('r1/');
    await putMany(s3, bucket, all);
    const res = await rangeDelete(
      { prefix: 'r1/', from: 'r1/k-010', to: 'r1/k-020/' },
      { accept: NDJSON },
    );
    expect(res.statusCode).toBe(200);
    const lines = res.payload.trimEnd().split('\n');
    const result = DeleteObjectsResponseSchema.strict().parse(JSON.parse(lines.pop()!));
    const expected = all.filter(
      (k) => k >= 'r1/k-010' && (k <= 'r1/k-020/' || k.startsWith('r1/k-020/')),
    );
    expect(expected).toHaveLength(14);
    expect(result).toEqual({ deleted: 14, errors: [] });
    expect(DeleteProgressSchema.parse(JSON.parse(lines[0]!))).toEqual({
      deleted: 0,
      failed: 0,
      total: 14,
    });
    const left = await listKeys(s3, bucket, 'r1/');
    expect(left.sort()).toEqual(all.filter((k) => !expected.includes(k)).sort());
  });

  it('takes an open end: from a key to the last, from the first to a key', async () => {
    const all = seedKeys('r2/');
    await putMany(s3, bucket, all);
    expect((await rangeDelete({ prefix: 'r2/', from: 'r2/k-025' })).json()).toEqual({
      deleted: 5,
      errors: [],
    });
    expect((await rangeDelete({ prefix: 'r2/', to: 'r2/k-002' })).json()).toEqual({
      deleted: 3,
      errors: [],
    });
    const left = await listKeys(s3, bucket, 'r2/');
    expect(left.sort()).toEqual(all.filter((k) => k > 'r2/k-002' && k < 'r2/k-025').sort());
  });

  it.each([
    [{ prefix: 'r3/', from: 'other/k-001' }, 'from and to are keys under the prefix'],
    [{ prefix: 'r3/', from: 'r3/b', to: 'r3/a' }, 'from comes before to'],
    [{ prefix: 'r3/', from: '' }, 'The object key is empty'],
  ])('refuses a bad range %j with 400, deleting nothing', async (payload, message) => {
    await putMany(s3, bucket, ['r3/a', 'r3/b']);
    const res = await rangeDelete(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect(await listKeys(s3, bucket, 'r3/')).toEqual(['r3/a', 'r3/b']);
  });
});
