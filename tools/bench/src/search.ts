/**
 * Search (issue 20) of the 100,000-key prefix: (a) the API's time to the final line ÷ a direct
 * ListObjectsV2 walk of the same prefix, (b) the time to the first match line of a key near the
 * start, (c) the API's RSS growth during a scan that matches every key. Ceph only.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { ListObjectsResponse, SearchDoneLine } from '@stowage/shared';
import { apiJson, apiLines } from './api-client.js';
import { interleaved, median, startApi, type Api, type Bench, type Figure } from './harness.js';
import { PREFIX, keyAt, seededBucket } from './seed.js';

const RATIO_BUDGET = 1.1;
const FIRST_MATCH_BUDGET_S = 0.5;
const RSS_BUDGET_MIB = 50;

/** A search through the API, read to its done line: that line and when the lines came. */
async function searchOnce(api: Api, bucket: string, query: Record<string, string>) {
  const params = new URLSearchParams({ prefix: PREFIX, ...query }).toString();
  let done: SearchDoneLine | undefined;
  let firstMatchMs: number | undefined;
  let doneMs = NaN;
  let matches = 0;
  await apiLines(api, `/api/buckets/${bucket}/search?${params}`, (line, ms) => {
    if ('key' in line) {
      matches += 1;
      firstMatchMs ??= ms;
    } else if (line.done === true) {
      done = line as unknown as SearchDoneLine;
      doneMs = ms;
    }
  });
  if (!done) throw new Error('the search ended without its done line');
  if (done.error) throw new Error(`the search failed: ${done.error.code} ${done.error.message}`);
  if (done.matches !== matches) throw new Error(`done says ${done.matches}, ${matches} lines`);
  return { done, firstMatchMs, doneMs, matches };
}

export const search: Bench = {
  name: 'search',
  adrs: ['0013-search-by-listing.md', '0003-listing-reader-vs-sdk-deserializer.md'],
  method:
    'Both stores (s3rver pages from its sorted key index, patches/s3rver@3.7.1.patch). The prefix k/ of the listing bench (N keys, seeded directly, reused). (a) ' +
    '`GET /api/buckets/:b/search?prefix=k/&q=<the last key>` read to its final line (every key ' +
    'scanned, one match) against a direct ListObjectsV2 walk of the same prefix (no delimiter, ' +
    'MaxKeys 1000, following the token): 3 interleaved rounds, alternating which side runs ' +
    'first, median of each side, the figure their ratio. (b) The time from sending the request ' +
    'to the first match line for a key on the first page (`q` = the 5th key, `limit=1`): ' +
    'median of 10. (c) A fresh API process, warmed by one search; then a search that matches ' +
    'every key (`q=key-`, `limit=100000`, every line read): the growth of the resident memory ' +
    "(the kernel's high-water mark VmHWM after, less VmRSS before); for reference, the same in " +
    'another fresh process for a walk of the same keys through the listing route ' +
    '(`GET …/objects?prefix=k/&delimiter=&limit=1000`, following nextCursor).',
  async run(ctx): Promise<Figure[]> {
    const { store, log } = ctx;
    const seeded = await seededBucket(ctx);
    const { bucket, count } = seeded;
    const n = count.toLocaleString('en-US');
    const ratioFigure = `Search ${n} keys: API time to the final line ÷ direct ListObjectsV2 walk`;
    const firstFigure = 'Search: time to the first match line (a key on the first page)';
    const rssFigure = `Search ${n} keys, every key a match: API RSS growth`;
    const seedNote =
      seeded.seededSeconds === null
        ? 'bucket reused from an earlier run'
        : `seeding took ${seeded.seededSeconds.toFixed(0)} s`;
    const last = keyAt(count).slice(PREFIX.length);
    const early = keyAt(5).slice(PREFIX.length);

    const directWalk = async () => {
      let keys = 0;
      let token: string | undefined;
      do {
        const page = await store.client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: PREFIX,
            MaxKeys: 1000,
            ContinuationToken: token,
          }),
        );
        keys += page.Contents?.length ?? 0;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys;
    };

    const api = await startApi(store);
    const walks = { api: [] as number[], direct: [] as number[] };
    const first: number[] = [];
    try {
      // Warm both paths (connections, JIT).
      await searchOnce(api, bucket, { q: early, limit: '1' });
      await store.client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: PREFIX, MaxKeys: 1000 }),
      );
      for (let r = 0; r < 3; r++) {
        const t = await interleaved(
          r,
          async () => {
            const s = await searchOnce(api, bucket, { q: last });
            if (s.done.scanned !== count || s.matches !== 1)
              throw new Error(`search scanned ${s.done.scanned} of ${count}, ${s.matches} matches`);
            return s.doneMs / 1000;
          },
          async () => {
            const t0 = performance.now();
            const keys = await directWalk();
            if (keys !== count) throw new Error(`direct walk: ${keys} of ${count} keys`);
            return (performance.now() - t0) / 1000;
          },
        );
        walks.api.push(t.api);
        walks.direct.push(t.direct);
        log(`  round ${r + 1}: API ${t.api.toFixed(2)} s, direct ${t.direct.toFixed(2)} s`);
      }
      for (let r = 0; r < 10; r++) {
        const s = await searchOnce(api, bucket, { q: early, limit: '1' });
        if (s.firstMatchMs === undefined || !s.done.truncated)
          throw new Error('the first-match search did not find its key');
        first.push(s.firstMatchMs / 1000);
      }
      log(`  first match: median ${(median(first) * 1000).toFixed(0)} ms`);
    } finally {
      await api.stop();
    }

    const fresh = await startApi(store);
    let before = NaN;
    let peak = NaN;
    let scanSeconds = NaN;
    try {
      await searchOnce(fresh, bucket, { q: early, limit: '1' });
      before = fresh.rssMiB();
      const t0 = performance.now();
      const s = await searchOnce(fresh, bucket, { q: 'key-', limit: String(count) });
      scanSeconds = (performance.now() - t0) / 1000;
      if (s.matches !== count) throw new Error(`every-key search: ${s.matches} of ${count}`);
      peak = fresh.peakRssMiB();
      log(`  RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB during the scan`);
    } finally {
      await fresh.stop();
    }

    // The reference: the same walk through the listing route (JSON pages, no search), fresh too.
    const listing = await startApi(store);
    let listingGrowth = NaN;
    try {
      await apiJson(listing, `/api/buckets/${bucket}/objects?prefix=${PREFIX}&limit=1`);
      const rss0 = listing.rssMiB();
      let cursor: string | undefined;
      do {
        const page = await apiJson<ListObjectsResponse>(
          listing,
          `/api/buckets/${bucket}/objects?prefix=${PREFIX}&delimiter=&limit=1000` +
            (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
        );
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      listingGrowth = listing.peakRssMiB() - rss0;
      log(`  a listing walk of the same keys: RSS growth ${listingGrowth.toFixed(0)} MiB`);
    } finally {
      await listing.stop();
    }

    const ratio = median(walks.api) / median(walks.direct);
    const growth = peak - before;
    const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
    return [
      {
        id: 'search.ratio',
        figure: ratioFigure,
        budget: `≤ ${RATIO_BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio <= RATIO_BUDGET,
        detail: `API ${ms(median(walks.api))}, direct ${ms(median(walks.direct))}; ${seedNote}`,
        raw: { apiMs: median(walks.api) * 1000, directMs: median(walks.direct) * 1000 },
      },
      {
        id: 'search.first',
        figure: firstFigure,
        budget: `< ${FIRST_MATCH_BUDGET_S} s`,
        value: `${median(first).toFixed(2)} s`,
        met: median(first) < FIRST_MATCH_BUDGET_S,
        detail: `median of ${first.length}; range ${ms(Math.min(...first))}–${ms(Math.max(...first))}`,
      },
      {
        id: 'search.rss',
        figure: rssFigure,
        budget: `< ${RSS_BUDGET_MIB} MiB`,
        value: `${growth.toFixed(0)} MiB`,
        met: growth < RSS_BUDGET_MIB,
        detail:
          `RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB; ${n} match lines in ` +
          `${scanSeconds.toFixed(1)} s; a walk of the same keys through the listing route ` +
          `(JSON pages of 1,000, no search) grows ${listingGrowth.toFixed(0)} MiB`,
        raw: { growthMiB: growth, listingGrowthMiB: listingGrowth },
      },
    ];
  },
};
