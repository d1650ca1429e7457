/** Download throughput: a large object through the API ÷ a direct GetObject stream. */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { apiDrain } from './api-client.js';
import {
  MiB,
  ensureBucket,
  median,
  ownCpu,
  seconds,
  startApi,
  testFile,
  type Bench,
  interleaved,
} from './harness.js';
import { BUCKET, directUpload } from './upload.js';

const KEY = 'download.bin';

export const download: Bench = {
  name: 'download',
  limits:
    'The route is a plain pipe: reply.send() of the GetObject body stream, no transform or copy ' +
    "in our code. The API's CPU profile is the relay itself: parsing the store's response " +
    "(socketOnData), writing the client's (writeBuffer) and GC. That costs more than the direct " +
    'read alone (CPU outside the store per GiB, Ceph: 14.5 s through the API vs 3.2 s direct), and ' +
    'on 2 cores at load 10–20 a third busy process halves the throughput. Not fixed: the next ' +
    'thing to try is fewer, larger writes (count syscalls per GiB with strace -c; coalesce chunks ' +
    'or cork the response) and a run on a quiet machine to see how much is contention.',
  method:
    'The file is stored once (directly); then each round reads it through ' +
    '`GET /api/buckets/:b/object/content` and directly with GetObject, both drained by the bench ' +
    'without keeping the bytes, alternating which goes first; median of per-round ratios. ' +
    'Also recorded: CPU seconds per GiB outside the store (bench process, plus the API process on the API path).',
  async run({ store, quick, log }) {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    await ensureBucket(store, BUCKET);
    await directUpload(store.client, KEY, testFile(mib), mib * MiB);
    const api = await startApi(store);
    const ratios: number[] = [];
    const viaApi: number[] = [];
    const direct: number[] = [];
    // CPU seconds per GiB outside the store: the bench client (+ the API process on that path).
    const cpuApi: number[] = [];
    const cpuDirect: number[] = [];
    const path = `/api/buckets/${BUCKET}/object/content?key=${KEY}`;
    try {
      for (let r = 0; r < rounds; r++) {
        const runApi = async () => {
          const apiCpu0 = api.cpuSeconds();
          const t = performance.now();
          const { out: n, cpu } = await ownCpu(() => apiDrain(api, path));
          cpuApi.push(((cpu + api.cpuSeconds() - apiCpu0) * 1024) / mib);
          if (n !== mib * MiB) throw new Error(`API download gave ${n} bytes`);
          return seconds(t);
        };
        const runDirect = async () => {
          const t = performance.now();
          const { out: n, cpu } = await ownCpu(async () => {
            const out = await store.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
            let bytes = 0;
            for await (const c of out.Body as Readable) bytes += (c as Buffer).length;
            return bytes;
          });
          cpuDirect.push((cpu * 1024) / mib);
          if (n !== mib * MiB) throw new Error(`direct download gave ${n} bytes`);
          return seconds(t);
        };
        const { api: a, direct: d } = await interleaved(r, runApi, runDirect);
        viaApi.push(mib / a);
        direct.push(mib / d);
        ratios.push(d / a);
        log(
          `  round ${r + 1}: API ${(mib / a).toFixed(1)} MiB/s, direct ${(mib / d).toFixed(1)} MiB/s, ratio ${(d / a).toFixed(2)}`,
        );
      }
    } finally {
      await api.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'download.ratio',
        figure: `Download ${mib} MiB: API ÷ direct GetObject throughput`,
        budget: '≥ 0.95',
        value: ratio.toFixed(2),
        met: ratio >= 0.95,
        detail: `median of ${rounds} rounds; API ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; CPU outside the store per GiB: ${median(cpuApi).toFixed(1)} s through the API (client + API process), ${median(cpuDirect).toFixed(1)} s direct`,
      },
    ];
  },
};
