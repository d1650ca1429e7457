/**
 * The embedded store's listings come from a sorted key index kept inside the patched s3rver
 * (patches/s3rver@3.7.1.patch, lib/stores/key-index.js). This property test drives a real
 * s3rver over HTTP with a seeded random mix of writes, overwrites, copies, multipart
 * completions, deletes and DeleteObjects on keys with unicode, spaces, `/` and deep folders,
 * and checks every listing page (V1 and V2; random prefix, delimiter, page size, StartAfter,
 * walking the continuation) against a full scan of the live keys. A restart over the same
 * directory must give the same listings (the index is rebuilt from the disk).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { startEmbeddedStore, type EmbeddedStore } from '../../src/embedded/embedded-store.js';
import { DEMO_EMBEDDED_KEYS } from '../../src/embedded/keys.js';

const SEED = Number(process.env.STOWAGE_PROPERTY_SEED ?? 24_006);
const BUCKET = 'index-property';

/** mulberry32: a small seeded generator, so that a failure can be replayed with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

// Characters chosen to test S3's order (UTF-8 bytes = code points): `.` (0x2E) sorts just
// before `/` (0x2F), so "a.b" comes before "a/x" although s3rver's directory walk met "a/"
// first; U+FF21 and U+E000 sort before the astral 😀 and 𝄞 in UTF-8 but after them in UTF-16.
const ALPHABET = [
  'a',
  'b',
  'c',
  '0',
  '-',
  '.',
  '_',
  ' ',
  'é',
  'Ж',
  '中',
  '\uFF21',
  '\uE000',
  '😀',
  '𝄞',
];

function keyPool(rng: ReturnType<typeof random>, count: number): string[] {
  const keys = new Set<string>();
  while (keys.size < count) {
    const depth = 1 + rng.int(rng.next() < 0.2 ? 5 : 3);
    const segments: string[] = [];
    for (let d = 0; d < depth; d++) {
      let seg = '';
      const len = 1 + rng.int(3);
      for (let i = 0; i < len; i++) seg += rng.pick(ALPHABET);
      // The embedded store refuses `.`/`..` segments (a file path): real S3 keys, not these.
      if (seg === '.' || seg === '..') seg += 'a';
      segments.push(seg);
    }
    // Some keys end with `/` (folder markers).
    keys.add(segments.join('/') + (rng.next() < 0.1 ? '/' : ''));
  }
  return [...keys];
}

const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

interface Page {
  keys: string[];
  prefixes: string[];
  truncated: boolean;
}

/**
 * The reference: one page computed by a full scan of the live keys, with s3rver's semantics
 * (common prefixes do not count towards MaxKeys; the page is truncated when one more key than
 * MaxKeys follows) in S3's byte order.
 */
function scanPage(
  live: Iterable<string>,
  q: { prefix: string; delimiter: string; startAfter: string; maxKeys: number },
): Page {
  const keys: string[] = [];
  const prefixes: string[] = [];
  const sorted = [...live]
    .filter((k) => k.startsWith(q.prefix) && utf8Order(k, q.startAfter) > 0)
    .sort(utf8Order);
  for (const key of sorted) {
    const rest = key.slice(q.prefix.length);
    const cut = q.delimiter ? rest.indexOf(q.delimiter) : -1;
    if (cut !== -1) {
      const p = q.prefix + rest.slice(0, cut) + q.delimiter;
      if (!prefixes.includes(p)) prefixes.push(p);
      continue;
    }
    if (keys.length === q.maxKeys) return { keys, prefixes, truncated: true };
    keys.push(key);
  }
  return { keys, prefixes, truncated: false };
}

interface Query {
  version: 1 | 2;
  prefix: string;
  delimiter: string;
  startAfter: string;
  maxKeys: number;
}

/** A random listing: a prefix cut from a key (by code points), a delimiter or none, … */
function randomQuery(rng: ReturnType<typeof random>, pool: string[]): Query {
  const cut = (k: string) => {
    const cps = Array.from(k);
    return cps.slice(0, rng.int(cps.length + 1)).join('');
  };
  return {
    version: rng.next() < 0.5 ? 1 : 2,
    prefix: rng.next() < 0.3 ? '' : cut(rng.pick(pool)),
    delimiter: rng.pick(['', '', '/', '/', '/', 'a', '中', '.-']),
    startAfter: rng.next() < 0.6 ? '' : rng.next() < 0.5 ? rng.pick(pool) : cut(rng.pick(pool)),
    maxKeys: rng.pick([1, 2, 3, 5, 8, 1000]),
  };
}

interface Stored {
  size: number;
  etag: string | undefined;
}

let dir: string;
let store: EmbeddedStore;
let client: S3Client;

function connect() {
  client = new S3Client({
    endpoint: store.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { ...DEMO_EMBEDDED_KEYS },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const quiet = { info: () => {}, error: () => {} };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-index-'));
  store = await startEmbeddedStore(dir, DEMO_EMBEDDED_KEYS, quiet);
  connect();
});
afterAll(async () => {
  await store.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every page of a listing, walked as a client does; each page checked against the scan. */
async function checkListing(q: Query, live: Map<string, Stored>) {
  const label = JSON.stringify(q);
  const pages: Page[] = [];
  let startAfter = q.startAfter;
  let token: string | undefined;
  for (let n = 0; ; n++) {
    expect(n, `${label}: too many pages`).toBeLessThan(500);
    let page: Page;
    let contents: { Key?: string; Size?: number; ETag?: string }[];
    if (q.version === 2) {
      const out = await client.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: q.prefix || undefined,
          Delimiter: q.delimiter || undefined,
          MaxKeys: q.maxKeys,
          StartAfter: token ? undefined : q.startAfter || undefined,
          ContinuationToken: token,
        }),
      );
      contents = out.Contents ?? [];
      page = {
        keys: contents.map((c) => c.Key ?? ''),
        prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
        truncated: out.IsTruncated ?? false,
      };
      token = out.NextContinuationToken;
    } else {
      const out = await client.send(
        new ListObjectsCommand({
          Bucket: BUCKET,
          Prefix: q.prefix || undefined,
          Delimiter: q.delimiter || undefined,
          MaxKeys: q.maxKeys,
          Marker: startAfter || undefined,
        }),
      );
      contents = out.Contents ?? [];
      page = {
        keys: contents.map((c) => c.Key ?? ''),
        prefixes: (out.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
        truncated: out.IsTruncated ?? false,
      };
      if (q.delimiter && page.truncated) expect(out.NextMarker).toBe(page.keys.at(-1));
    }
    const expected = scanPage(live.keys(), { ...q, startAfter });
    expect(page, `${label}, page ${n} after ${JSON.stringify(startAfter)}`).toEqual(expected);
    for (const c of contents) {
      const stored = live.get(c.Key ?? '');
      expect(c.Size, `${label}: size of ${c.Key}`).toBe(stored?.size);
      if (stored?.etag) expect(c.ETag, `${label}: ETag of ${c.Key}`).toBe(stored.etag);
    }
    pages.push(page);
    if (!page.truncated) break;
    startAfter = page.keys.at(-1) ?? '';
  }
  // The walk as a whole: every key under the prefix after StartAfter once, in byte order.
  const all = scanPage(live.keys(), { ...q, maxKeys: Infinity });
  expect(
    pages.flatMap((p) => p.keys),
    `${label}: the walk`,
  ).toEqual(all.keys);
  expect(new Set(pages.flatMap((p) => p.prefixes)), `${label}: the walk's folders`).toEqual(
    new Set(all.prefixes),
  );
  return pages;
}

const md5 = (s: string) => JSON.stringify(createHash('md5').update(s).digest('hex'));

describe('the embedded store lists from its key index', () => {
  it('every listing equals a full scan of the live keys after random writes and deletes, and after a restart', async () => {
    const rng = random(SEED);
    const pool = keyPool(rng, 70);
    const live = new Map<string, Stored>();
    await client.send(new CreateBucketCommand({ Bucket: BUCKET }));

    const put = async (key: string) => {
      const body = `${key} ${rng.int(1e6)}`.repeat(1 + rng.int(3));
      const out = await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
      expect(out.ETag).toBe(md5(body));
      live.set(key, { size: Buffer.byteLength(body), etag: md5(body) });
    };
    for (let op = 0; op < 220; op++) {
      const r = rng.next();
      const key = rng.pick(pool);
      if (r < 0.5 || live.size === 0) {
        await put(key); // a write, or an overwrite when the key is live
      } else if (r < 0.62) {
        const src = rng.pick([...live.keys()]);
        if (src === key) {
          await put(key); // a copy onto itself must change something (InvalidRequest)
          continue;
        }
        await client.send(
          new CopyObjectCommand({
            Bucket: BUCKET,
            Key: key,
            // s3rver reads the source with decodeURI (quirks.ts: copySourceEscaping 'uri').
            CopySource: encodeURI(`${BUCKET}/${src}`),
          }),
        );
        live.set(key, { ...(live.get(src) as Stored) });
      } else if (r < 0.65) {
        const { UploadId } = await client.send(
          new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }),
        );
        const body = `multipart ${key}`;
        const part = await client.send(
          new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId, PartNumber: 1, Body: body }),
        );
        await client.send(
          new CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: key,
            UploadId,
            MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
          }),
        );
        live.set(key, { size: Buffer.byteLength(body), etag: undefined });
      } else if (r < 0.75) {
        // Mostly a live key; sometimes one that is not there (nothing changes).
        const victim = rng.next() < 0.8 && live.size ? rng.pick([...live.keys()]) : key;
        await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: victim }));
        live.delete(victim);
      } else if (r < 0.83) {
        const victims = new Set<string>();
        const n = 1 + rng.int(4);
        for (let i = 0; i < n; i++)
          victims.add(rng.next() < 0.7 && live.size ? rng.pick([...live.keys()]) : rng.pick(pool));
        await client.send(
          new DeleteObjectsCommand({
            Bucket: BUCKET,
            Delete: { Objects: [...victims].map((Key) => ({ Key })) },
          }),
        );
        for (const v of victims) live.delete(v);
      } else {
        await checkListing(randomQuery(rng, pool), live); // listings between the writes
      }
    }
    expect(live.size).toBeGreaterThan(15);

    const queries = Array.from({ length: 45 }, () => randomQuery(rng, pool));
    // The usual listings too: the root and each live key's folder, with and without `/`.
    for (const k of live.keys()) {
      const folder = k.slice(0, k.lastIndexOf('/') + 1);
      queries.push({ version: 2, prefix: folder, delimiter: '/', startAfter: '', maxKeys: 2 });
    }
    queries.push({ version: 2, prefix: '', delimiter: '', startAfter: '', maxKeys: 1000 });
    queries.push({ version: 1, prefix: '', delimiter: '/', startAfter: '', maxKeys: 3 });
    const before: Page[][] = [];
    for (const q of queries) before.push(await checkListing(q, live));

    // A restart over the same directory: the index is rebuilt from one walk of the disk.
    await store.stop();
    store = await startEmbeddedStore(dir, DEMO_EMBEDDED_KEYS, quiet);
    connect();
    for (const [i, q] of queries.entries()) {
      expect(await checkListing(q, live), `after the restart: ${JSON.stringify(q)}`).toEqual(
        before[i],
      );
    }
  }, 240_000);

  it('forgets a deleted bucket: a bucket made again under its name lists only its own keys', async () => {
    const bucket = 'index-bucket-again';
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'old/one', Body: '1' }));
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'old/one' }));
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'new', Body: '2' }));
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
    expect((out.Contents ?? []).map((c) => c.Key)).toEqual(['new']);
    expect(out.CommonPrefixes ?? []).toEqual([]);
  });
});
