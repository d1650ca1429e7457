/** Object details: 200 sequential requests through the API ÷ direct HeadObject. */
import { GetObjectTaggingCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { apiJson } from './api-client.js';
import { percentile, startApi, type Bench, type Figure } from './harness.js';
import { keyAt, seededBucket } from './seed.js';

const REQUESTS = 200;

export const head: Bench = {
  name: 'head',
  limits:
    'Mostly the design: the details route sends HeadObject and GetObjectTagging in parallel (the ' +
    'panel shows tags), so it waits for the slower of two store requests (Ceph p50: 27 ms for ' +
    'both directly vs 17 ms for HeadObject alone), then adds the hop (46 ms through the API, on ' +
    'a machine at load ~20). Meeting ≤ 1.3 × HeadObject means loading tags separately (a tags ' +
    'route the panel fetches after the headers), and trimming per-request cost (zod response ' +
    'serialization); not done in this pass.',
  method:
    '200 different keys of the seeded bucket, one request at a time, alternating ' +
    '`GET /api/buckets/:b/object?key=` (the details panel: HeadObject and GetObjectTagging in ' +
    'parallel), a direct HeadObject of the same key, and (to tell the hop apart from the second ' +
    'request) a direct HeadObject + GetObjectTagging in parallel; p50 and p95 latency of each.',
  async run(ctx) {
    const { store, log } = ctx;
    const { bucket, count } = await seededBucket(ctx);
    const api = await startApi(store);
    const viaApi: number[] = [];
    const direct: number[] = [];
    // What the API sends the store for one request, done directly: tells the hop's cost apart.
    const both: number[] = [];
    try {
      const keys = Array.from({ length: REQUESTS }, (_, i) => keyAt(1 + ((i * 4999) % count)));
      // Warm-up: connections and JIT on both paths.
      for (const key of keys.slice(0, 10)) {
        await apiJson(api, `/api/buckets/${bucket}/object?key=${encodeURIComponent(key)}`);
        await store.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      }
      for (const key of keys) {
        let t = performance.now();
        await apiJson(api, `/api/buckets/${bucket}/object?key=${encodeURIComponent(key)}`);
        viaApi.push(performance.now() - t);
        t = performance.now();
        await store.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        direct.push(performance.now() - t);
        t = performance.now();
        await Promise.all([
          store.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
          store.client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key })),
        ]);
        both.push(performance.now() - t);
      }
    } finally {
      await api.stop();
    }
    const fig = (p: number): Figure => {
      const a = percentile(viaApi, p);
      const d = percentile(direct, p);
      const b = percentile(both, p);
      log(
        `  p${p}: API ${a.toFixed(1)} ms, direct ${d.toFixed(1)} ms, direct head+tagging ${b.toFixed(1)} ms`,
      );
      return {
        id: `head.p${p}`,
        figure: `${REQUESTS} object-detail requests, p${p}: API ÷ direct HeadObject latency`,
        budget: '≤ 1.3',
        value: (a / d).toFixed(2),
        met: a / d <= 1.3,
        detail: `API ${a.toFixed(1)} ms, direct HeadObject ${d.toFixed(1)} ms, direct HeadObject + GetObjectTagging in parallel ${b.toFixed(1)} ms (API ÷ that: ${(a / b).toFixed(2)})`,
      };
    };
    return [fig(50), fig(95)];
  },
};
