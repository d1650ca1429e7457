/**
 * Versions (issue 19), on Ceph only (s3rver has no versioning): a key's history of 1,000
 * versions and a `deleted=true` folder page of 1,000 entries, through the API ÷ the direct
 * ListObjectVersions of the same page.
 */
import {
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import pMap from 'p-map';
import type { ListObjectsResponse, ListVersionsResponse } from '@stowage/shared';
import { apiJson } from './api-client.js';
import {
  ensureBucket,
  interleaved,
  percentile,
  seconds,
  startApi,
  type Bench,
  type BenchContext,
  type Figure,
} from './harness.js';

/** The budget: API ÷ direct ListObjectVersions at p50 at most this. */
const BUDGET = 1.5;
const BUCKET = 'bench-versions';
/** Marks a finished seeding (the bucket is reused by later runs). */
const MARKER = 'seeded-v1';
/** The key of 1,000 versions (no other key starts with it). */
const HISTORY_KEY = 'history/one-key.txt';
const HISTORY_VERSIONS = 1000;
/**
 * The folder of one deleted=true page of 1,000 entries: 390 deleted keys (a version and a
 * marker each), 200 live keys and 20 subfolders (10 holding only a deleted key), so the page's
 * deletedPrefixes check (one ListObjectsV2) is in the figure.
 */
const FOLDER = 'folder/';
const DELETED_KEYS = 390;
const LIVE_KEYS = 200;
const SUBFOLDERS = 20;
const SEED_CONCURRENCY = 16;

const pad = (i: number) => String(i).padStart(4, '0');

async function seed({ store, log }: BenchContext): Promise<number | null> {
  await ensureBucket(store, BUCKET);
  try {
    await store.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: MARKER }));
    log(`  reusing ${BUCKET} (seeded by an earlier run)`);
    return null;
  } catch {
    // not seeded yet
  }
  const t = performance.now();
  await store.client.send(
    new PutBucketVersioningCommand({
      Bucket: BUCKET,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  log(`  seeding ${BUCKET}: ${HISTORY_VERSIONS} versions of one key, a folder of 1,000 entries…`);
  const put = (Key: string, Body: string) =>
    store.client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
  await pMap(
    Array.from({ length: HISTORY_VERSIONS }, (_, i) => i),
    (i) => put(HISTORY_KEY, `version ${i}\n`),
    { concurrency: SEED_CONCURRENCY },
  );
  const deleted = Array.from({ length: DELETED_KEYS }, (_, i) => `${FOLDER}gone-${pad(i)}.txt`);
  const live = Array.from({ length: LIVE_KEYS }, (_, i) => `${FOLDER}live-${pad(i)}.txt`);
  const sub = Array.from({ length: SUBFOLDERS }, (_, i) => `${FOLDER}sub-${pad(i)}/file.txt`);
  await pMap([...deleted, ...live, ...sub], (k) => put(k, `body of ${k}\n`), {
    concurrency: SEED_CONCURRENCY,
  });
  const toDelete = [...deleted, ...sub.filter((_, i) => i % 2 === 0)];
  await store.client.send(
    new DeleteObjectsCommand({
      Bucket: BUCKET,
      Delete: { Objects: toDelete.map((Key) => ({ Key })), Quiet: true },
    }),
  );
  await put(MARKER, '');
  const took = seconds(t);
  log(`  seeded in ${took.toFixed(0)} s`);
  return took;
}

/** An API answer's absence: the route is not in this build (404 NotFound). */
const routeMissing = (err: unknown) =>
  err instanceof Error && / 404 /.test(err.message) && err.message.includes('"NotFound"');

const notMeasured = (id: string, figure: string, detail: string): Figure => ({
  id,
  figure,
  budget: `≤ ${BUDGET}`,
  value: 'not measured',
  met: null,
  detail,
});

const HISTORY_FIGURE =
  "A key's history of 1,000 versions, every page, p50: API `versions` ÷ direct ListObjectVersions time";
const DELETED_FIGURE =
  'A deleted=true folder of 1,000 entries, every page, p50: API ÷ direct ListObjectVersions time';

export const versions: Bench = {
  name: 'versions',
  adrs: ['0012-deleted-listing.md'],
  method:
    'Ceph only: s3rver has no versioning. A versioned bucket, seeded directly: one key with ' +
    `${HISTORY_VERSIONS.toLocaleString('en-US')} versions, and a folder whose listing with versions is ` +
    `1,000 entries (${DELETED_KEYS} deleted keys, each a version and a delete marker; ` +
    `${LIVE_KEYS} live keys; ${SUBFOLDERS} subfolders, half of them holding only a deleted key). ` +
    '(a) `GET /api/buckets/:b/versions?key=K&limit=1000` against a direct ListObjectVersions ' +
    '(Prefix = the key, MaxKeys 1000); (b) `GET /api/buckets/:b/objects?prefix=folder/&deleted=true&limit=1000` ' +
    'against a direct ListObjectVersions (same Prefix, Delimiter /, MaxKeys 1000). Each side ' +
    'follows its cursor or markers to the end: Ceph RGW answers a versions page with fewer ' +
    'entries than MaxKeys (1,000 versions of one key come in three pages). Each API ' +
    "page includes its deletedPrefixes check (one ListObjectsV2 over the page's range). 30 " +
    'interleaved requests of each (10 with --quick), alternating which side asks first; p50 and ' +
    'p95 latency of each side, the figure the p50 ratio.',
  async run(ctx) {
    const { store, log, quick } = ctx;
    if (store.kind !== 'ceph') {
      const why = 's3rver has no versioning (measured on Ceph RGW only)';
      return [
        notMeasured('versions.history', HISTORY_FIGURE, why),
        notMeasured('versions.deleted', DELETED_FIGURE, why),
      ];
    }
    const seededSeconds = await seed(ctx);
    const seedNote =
      seededSeconds === null
        ? 'bucket reused from an earlier run'
        : `seeding took ${seededSeconds.toFixed(0)} s`;
    const rounds = quick ? 10 : 30;
    const api = await startApi(store);
    const timed = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };
    // Ceph RGW answers a versions page with fewer entries than MaxKeys (1,000 versions of one
    // key come as pages of about 630, 110 and 260), so both sides walk every page.
    const historyApi = async () => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page: ListVersionsResponse = await apiJson<ListVersionsResponse>(
          api,
          `/api/buckets/${BUCKET}/versions?key=${encodeURIComponent(HISTORY_KEY)}&limit=1000` +
            (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
        );
        n += page.versions.length;
        cursor = page.nextCursor;
      } while (cursor);
      if (n !== HISTORY_VERSIONS) throw new Error(`versions: ${n} of ${HISTORY_VERSIONS}`);
    };
    const historyDirect = async () => {
      let n = 0;
      let KeyMarker: string | undefined;
      let VersionIdMarker: string | undefined;
      do {
        const out = await store.client.send(
          new ListObjectVersionsCommand({
            Bucket: BUCKET,
            Prefix: HISTORY_KEY,
            MaxKeys: 1000,
            KeyMarker,
            VersionIdMarker,
          }),
        );
        n += (out.Versions?.length ?? 0) + (out.DeleteMarkers?.length ?? 0);
        KeyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
        VersionIdMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
      } while (KeyMarker);
      if (n !== HISTORY_VERSIONS) throw new Error(`direct: ${n} of ${HISTORY_VERSIONS}`);
    };
    const deletedApi = async () => {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page: ListObjectsResponse = await apiJson<ListObjectsResponse>(
          api,
          `/api/buckets/${BUCKET}/objects?prefix=${encodeURIComponent(FOLDER)}&delimiter=/&deleted=true&limit=1000` +
            (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
        );
        n += page.objects.length + page.prefixes.length;
        cursor = page.nextCursor;
      } while (cursor);
      if (n !== DELETED_KEYS + LIVE_KEYS + SUBFOLDERS)
        throw new Error(`deleted=true listing: ${n} entries`);
    };
    const deletedDirect = async () => {
      let KeyMarker: string | undefined;
      let VersionIdMarker: string | undefined;
      do {
        const out = await store.client.send(
          new ListObjectVersionsCommand({
            Bucket: BUCKET,
            Prefix: FOLDER,
            Delimiter: '/',
            MaxKeys: 1000,
            KeyMarker,
            VersionIdMarker,
          }),
        );
        KeyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
        VersionIdMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
      } while (KeyMarker);
    };
    const measure = async (viaApi: () => Promise<void>, direct: () => Promise<void>) => {
      // Warm-up: connections and JIT on both paths.
      for (let i = 0; i < 3; i++) {
        await viaApi();
        await direct();
      }
      const t = { api: [] as number[], direct: [] as number[] };
      for (let r = 0; r < rounds; r++) {
        const one = await interleaved(
          r,
          () => timed(viaApi),
          () => timed(direct),
        );
        t.api.push(one.api);
        t.direct.push(one.direct);
      }
      return t;
    };
    const figure = (id: string, label: string, t: { api: number[]; direct: number[] }): Figure => {
      const [a50, d50, a95, d95] = [
        percentile(t.api, 50),
        percentile(t.direct, 50),
        percentile(t.api, 95),
        percentile(t.direct, 95),
      ] as [number, number, number, number];
      const ratio = a50 / d50;
      log(`  ${id}: p50 API ${a50.toFixed(1)} ms, direct ${d50.toFixed(1)} ms`);
      return {
        id,
        figure: label,
        budget: `≤ ${BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio <= BUDGET,
        detail:
          `p50 API ${a50.toFixed(1)} ms, direct ${d50.toFixed(1)} ms; p95 API ${a95.toFixed(1)} ms, ` +
          `direct ${d95.toFixed(1)} ms (${(a95 / d95).toFixed(2)}); ${rounds} rounds; ${seedNote}`,
        raw: { apiMs: a50, directMs: d50, apiP95Ms: a95, directP95Ms: d95 },
      };
    };
    const figures: Figure[] = [];
    try {
      try {
        figures.push(
          figure('versions.history', HISTORY_FIGURE, await measure(historyApi, historyDirect)),
        );
      } catch (err) {
        if (!routeMissing(err)) throw err;
        figures.push(
          notMeasured(
            'versions.history',
            HISTORY_FIGURE,
            'the versions route (GET /api/buckets/:b/versions) is not in this build',
          ),
        );
      }
      figures.push(
        figure('versions.deleted', DELETED_FIGURE, await measure(deletedApi, deletedDirect)),
      );
    } finally {
      await api.stop();
    }
    return figures;
  },
};
