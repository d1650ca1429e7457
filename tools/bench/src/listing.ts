/** Listing a prefix of many keys: through the API ÷ direct ListObjectsV2, first page and all. */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { ListObjectsResponse } from '@stowage/shared';
import { apiJson } from './api-client.js';
import { interleaved, median, seconds, startApi, type Bench, type Figure } from './harness.js';
import { PREFIX, seededBucket } from './seed.js';

/** The budget (issue 24): API ÷ direct ListObjectsV2 time, first page and walk, at most this. */
const BUDGET = 1.1;

export const listing: Bench = {
  name: 'listing',
  adrs: [
    '0003-listing-reader-vs-sdk-deserializer.md',
    '0008-listing-reader-on-a-conformant-parser.md',
  ],
  method:
    'The prefix k/ holds N keys seeded directly (PutObject, 48 at once). The API lists it with ' +
    '`GET /api/buckets/:b/objects?prefix=k/` (1,000 per page, delimiter /, following nextCursor); ' +
    'the direct side sends ListObjectsV2 with the same prefix, delimiter and MaxKeys. First page: ' +
    'median of 15 interleaved timings each (alternating which side asks first, as the second finds the store warmer); all pages: median of 3 interleaved walks each (none on s3rver at 100,000 keys: each of its pages reads the whole bucket).',
  async run(ctx) {
    const { store, log } = ctx;
    const seeded = await seededBucket(ctx);
    const { bucket, count } = seeded;
    const api = await startApi(store);
    const apiPage = (cursor?: string) =>
      apiJson<ListObjectsResponse>(
        api,
        `/api/buckets/${bucket}/objects?prefix=${encodeURIComponent(PREFIX)}&limit=1000` +
          (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
      );
    const directPage = (token?: string) =>
      store.client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: PREFIX,
          Delimiter: '/',
          MaxKeys: 1000,
          ContinuationToken: token,
        }),
      );
    const apiAll = async () => {
      let n = 0;
      let cursor: string | undefined;
      do {
        const page = await apiPage(cursor);
        n += page.objects.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return n;
    };
    const directAll = async () => {
      let n = 0;
      let token: string | undefined;
      do {
        const page = await directPage(token);
        n += page.Contents?.length ?? 0;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return n;
    };
    const timed = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      const out = await fn();
      return { s: seconds(t), out };
    };
    const first = { api: [] as number[], direct: [] as number[] };
    const all = { api: [] as number[], direct: [] as number[] };
    try {
      await apiPage(); // warm both paths (connections, JIT)
      await directPage();
      for (let r = 0; r < 15; r++) {
        // Alternating who asks first: the second request for a page finds the store warmer.
        const t = await interleaved(
          r,
          async () => (await timed(() => apiPage())).s,
          async () => (await timed(() => directPage())).s,
        );
        first.api.push(t.api);
        first.direct.push(t.direct);
      }
      // s3rver reads the whole bucket for every page: one walk of 100,000 keys is 100 such
      // reads on each side (tens of minutes on a loaded machine), so it is left out there.
      const walks = store.kind === 'embedded' && count > 10_000 ? 0 : 3;
      for (let r = 0; r < walks; r++) {
        const a = await timed(apiAll);
        const d = await timed(directAll);
        if (a.out !== count || d.out !== count)
          throw new Error(`listed ${String(a.out)} / ${String(d.out)} of ${count} keys`);
        all.api.push(a.s);
        all.direct.push(d.s);
        log(`  walk ${r + 1}: API ${a.s.toFixed(2)} s, direct ${d.s.toFixed(2)} s`);
      }
    } finally {
      await api.stop();
    }
    const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
    const seedNote =
      seeded.seededSeconds === null
        ? 'bucket reused from an earlier run'
        : `seeding took ${seeded.seededSeconds.toFixed(0)} s`;
    const fig = (id: string, label: string, t: { api: number[]; direct: number[] }): Figure => {
      const ratio = median(t.api) / median(t.direct);
      return {
        id,
        figure: `List ${count.toLocaleString('en-US')} keys, ${label}: API ÷ direct ListObjectsV2 time`,
        budget: `≤ ${BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio <= BUDGET,
        detail: `API ${ms(median(t.api))}, direct ${ms(median(t.direct))}; ${seedNote}`,
      };
    };
    const figures = [fig('listing.first', 'first page', first)];
    if (all.api.length) figures.push(fig('listing.all', 'all pages', all));
    else
      figures.push({
        id: 'listing.all',
        figure: `List ${count.toLocaleString('en-US')} keys, all pages: API ÷ direct ListObjectsV2 time`,
        budget: `≤ ${BUDGET}`,
        value: 'not measured',
        met: null,
        detail: `s3rver reads the whole bucket for each page (first page: direct ${ms(median(first.direct))}), so a walk is 100 such reads per side; see the first-page figure for the API's cost`,
      });
    return figures;
  },
};
