import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMetadataValue } from '@stowage/shared';
import { build, createBucket, onEmbedded, q, type TestApp } from '../helper.js';
import { sha256 } from '../fixtures.js';
import { uploadForm } from '../multipart.js';
import { runBoto3 } from '../boto3-script.js';

let app: TestApp;
let bucket: string;
let dir: string;

/** Runs the boto3 lab flow against the suite's store and parses what it prints. */
const boto3 = <T>(...args: string[]): T => runBoto3<T>('lab_flow.py', ...args);

interface Boto3View {
  contentType: string;
  cacheControl: string | null;
  metadata: Record<string, string>;
  tags: Record<string, string>;
  sha256: string;
  size: number;
}

beforeAll(async () => {
  app = await build();
  bucket = await createBucket(app, 'boto3');
  dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-boto3-'));
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('boto3 interoperability', () => {
  it('the dashboard shows exactly what boto3 wrote', async () => {
    const file = randomBytes(12 * 1024 * 1024 + 5);
    const filePath = path.join(dir, 'data.bin');
    writeFileSync(filePath, file);
    const wrote = boto3<{ keys: string[]; listed: string[] }>('write', bucket, 'lab/', filePath);
    expect(wrote.listed.sort()).toEqual(['lab/hello.txt', 'lab/upload/data.bin']);

    const listing = await app.inject(`/api/buckets/${bucket}/objects?${q({ prefix: 'lab/' })}`);
    expect(listing.json().prefixes).toEqual(['lab/upload/']);
    expect(listing.json().objects.map((o: { key: string }) => o.key)).toEqual(['lab/hello.txt']);

    const text = (
      await app.inject(`/api/buckets/${bucket}/object?${q({ key: 'lab/hello.txt' })}`)
    ).json();
    expect(text).toMatchObject({
      contentType: 'text/plain; charset=utf-8',
      metadata: { author: 'notebook', 'run-id': '42' },
      size: 17,
    });
    const body = await app.inject(
      `/api/buckets/${bucket}/object/content?${q({ key: 'lab/hello.txt' })}`,
    );
    expect(body.payload).toBe('hello from boto3\n');

    const big = (
      await app.inject(`/api/buckets/${bucket}/object?${q({ key: 'lab/upload/data.bin' })}`)
    ).json();
    expect(big).toMatchObject({ size: file.length, metadata: { source: 'lab' } });
    const bigTags = await app.inject(
      `/api/buckets/${bucket}/object/tags?${q({ key: 'lab/upload/data.bin' })}`,
    );
    expect(bigTags.json()).toEqual({ tags: [{ key: 'team', value: 'science' }] });
    // Three 5 MiB parts: a real multipart upload (s3rver gives such objects a plain MD5 ETag).
    expect(big.etag).toMatch(onEmbedded ? /^"[0-9a-f]{32}"$/ : /^"[0-9a-f]{32}-3"$/);
    const bytes = await app.inject(
      `/api/buckets/${bucket}/object/content?${q({ key: 'lab/upload/data.bin' })}`,
    );
    expect(sha256(bytes.rawPayload)).toBe(sha256(file));
  });

  it('boto3 reads exactly what the dashboard wrote, edited and deleted', async () => {
    const file = randomBytes(3 * 1024 * 1024 + 1);
    const form = uploadForm(file, {
      contentType: 'application/x-lab',
      metadata: JSON.stringify({ owner: encodeMetadataValue('Zoë'), stage: 'raw' }),
    });
    const up = await app.inject({
      method: 'POST',
      url: `/api/buckets/${bucket}/upload?${q({ key: 'dash/result.bin' })}`,
      payload: form.payload,
      headers: { 'content-type': form.contentType },
    });
    expect(up.statusCode).toBe(200);
    let seen = boto3<Record<string, Boto3View>>('read', bucket, 'dash/result.bin')[
      'dash/result.bin'
    ];
    expect(seen).toMatchObject({
      contentType: 'application/x-lab',
      metadata: { owner: '=?UTF-8?B?Wm/Dqw==?=', stage: 'raw' },
      sha256: sha256(file),
    });

    const edit = await app.inject({
      method: 'PUT',
      url: `/api/buckets/${bucket}/object/metadata?${q({ key: 'dash/result.bin' })}`,
      payload: { metadata: { stage: 'clean' }, cacheControl: 'no-cache' },
    });
    expect(edit.statusCode).toBe(200);
    const tags = await app.inject({
      method: 'PUT',
      url: `/api/buckets/${bucket}/object/tags?${q({ key: 'dash/result.bin' })}`,
      payload: { tags: [{ key: 'reviewed', value: 'yes' }] },
    });
    expect(tags.statusCode).toBe(200);
    seen = boto3<Record<string, Boto3View>>('read', bucket, 'dash/result.bin')['dash/result.bin'];
    expect(seen).toEqual({
      contentType: 'application/x-lab',
      cacheControl: 'no-cache',
      metadata: { stage: 'clean' },
      tags: { reviewed: 'yes' },
      sha256: sha256(file),
      size: file.length,
    });

    const del = await app.inject({
      method: 'DELETE',
      url: `/api/buckets/${bucket}/object?${q({ key: 'dash/result.bin' })}`,
    });
    expect(del.statusCode).toBe(204);
    expect(boto3<Record<string, unknown>>('read', bucket, 'dash/result.bin')).toEqual({
      'dash/result.bin': null,
    });
  });
});
