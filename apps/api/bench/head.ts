/** Object details: 200 sequential requests through the API ÷ direct HeadObject. */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { apiJson } from './api-client.js';
import { interleaved, percentile, startApi, type Bench, type Figure } from './harness.js';
import { keyAt, seededBucket } from './seed.js';

const REQUESTS = 200;

export const head: Bench = {
  name: 'head',
  limits:
    'The details route is one HeadObject (tags are their own route, which the panel asks for ' +
    'beside it; it used to wait for both, 2.0× HeadObject). What it adds is a second request: ' +
    "the client's to the API (measured alone as `GET /api/health`: 1.1–1.3 ms at p50 here, " +
    "0.3 ms on an idle machine) and the API's own S3 request, which costs the API what a " +
    'direct HeadObject costs its client. Measured on the embedded store, CPU per request: the ' +
    'API spends 3.6 ms on a details request (0.3 ms on /api/health), the direct client 2.2 ms ' +
    "on a HeadObject; the profile shows SigV4 signing, the SDK's middleware and socket " +
    "writes, nothing of the route's own worth removing. One such cost was removed this stop: " +
    '@fastify/helmet built helmet again for every request (parsing the CSP each time); it is ' +
    'built once now (0.05 ms per request). Against a 3.5–5.5 ms HeadObject on loopback that ' +
    'leaves 1.4–1.6×; a store farther away than loopback makes HeadObject slower and the ' +
    'ratio smaller.',
  method:
    '200 different keys of the seeded bucket, one request at a time, alternating ' +
    "`GET /api/buckets/:b/object?key=` (the details panel's headers and metadata), a direct " +
    'HeadObject of the same key, and `GET /api/health` (the hop without a store request); p50 ' +
    'and p95 latency of each. The API and the direct request alternate which goes first (the ' +
    'second request for a key finds the store warmer).',
  async run(ctx) {
    const { store, log } = ctx;
    const { bucket, count } = await seededBucket(ctx);
    const api = await startApi(store);
    const viaApi: number[] = [];
    const direct: number[] = [];
    const hop: number[] = [];
    const details = (key: string) =>
      apiJson(api, `/api/buckets/${bucket}/object?key=${encodeURIComponent(key)}`);
    try {
      const keys = Array.from({ length: REQUESTS }, (_, i) => keyAt(1 + ((i * 4999) % count)));
      // Warm-up: connections and JIT on both paths.
      for (const key of keys.slice(0, 10)) {
        await details(key);
        await store.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        await apiJson(api, '/api/health');
      }
      const timed = async (fn: () => Promise<unknown>) => {
        const t = performance.now();
        await fn();
        return performance.now() - t;
      };
      for (const [i, key] of keys.entries()) {
        // Alternating who asks first: the second request for a key finds the store warmer.
        const t = await interleaved(
          i,
          () => timed(() => details(key)),
          () => timed(() => store.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))),
        );
        viaApi.push(t.api);
        direct.push(t.direct);
        hop.push(await timed(() => apiJson(api, '/api/health')));
      }
    } finally {
      await api.stop();
    }
    const fig = (p: number): Figure => {
      const a = percentile(viaApi, p);
      const d = percentile(direct, p);
      const h = percentile(hop, p);
      log(
        `  p${p}: API ${a.toFixed(1)} ms, direct ${d.toFixed(1)} ms, hop alone ${h.toFixed(1)} ms`,
      );
      return {
        id: `head.p${p}`,
        figure: `${REQUESTS} object-detail requests, p${p}: API ÷ direct HeadObject latency`,
        budget: '≤ 1.3',
        value: (a / d).toFixed(2),
        met: a / d <= 1.3,
        detail: `API ${a.toFixed(1)} ms, direct HeadObject ${d.toFixed(1)} ms, the hop alone (GET /api/health) ${h.toFixed(1)} ms`,
      };
    };
    return [fig(50), fig(95)];
  },
};
