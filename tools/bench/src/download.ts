/** Download throughput: a large object through the API ÷ a direct GetObject stream. */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
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
  s3Client,
  type Bench,
} from './harness.js';
import { RelayRounds } from './relay-rounds.js';
import { startTcpPipe } from './tcp-pipe.js';
import { BUCKET, directUpload } from './upload.js';

const KEY = 'download.bin';
/** The budget: API ÷ direct GetObject throughput at least this. */
const BUDGET = 0.95;

export const download: Bench = {
  name: 'download',
  adrs: ['0001-download-relay-on-2-vcpus.md'],
  ceiling: {
    bound: (f) => f.raw?.pipeRatio,
    meets: (value) => value >= BUDGET,
    says: (bounds) =>
      'A bare TCP pipe between the direct client and the store (no HTTP work at all) against ' +
      `the direct read, in the same run: ${bounds}. Below the budget (≥ ${BUDGET}): no relay ` +
      'beats a bare pipe.',
  },
  method:
    'The file is stored once (directly); then each round reads it through ' +
    '`GET /api/buckets/:b/object/content` and directly with GetObject, both drained by the bench ' +
    'without keeping the bytes; median of per-round ratios. Also read each round through a ' +
    'bare TCP pipe to the store (tools/bench/src/tcp-pipe.ts), the least any relay can do: its ratio ' +
    'is the ceiling of this figure on this machine. Each round starts with a different one of ' +
    'the three. ' +
    'Also recorded: CPU seconds per GiB outside the store (bench process, plus the API process on the API path).',
  async run({ store, quick, log }) {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    await ensureBucket(store, BUCKET);
    await directUpload(store.client, KEY, testFile(mib), mib * MiB);
    const api = await startApi(store);
    const pipe = await startTcpPipe(store.endpoint);
    const viaPipe = s3Client(pipe.endpoint, store.accessKeyId, store.secretAccessKey);
    const relay = new RelayRounds(mib, log);
    const { ratios, pipeRatios, viaApi, direct } = relay;
    // CPU seconds per GiB outside the store: the bench client (+ the API process on that path).
    const cpuApi: number[] = [];
    const cpuDirect: number[] = [];
    const path = `/api/buckets/${BUCKET}/object/content?key=${KEY}`;
    const drain = async (client: S3Client) => {
      const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
      let bytes = 0;
      for await (const c of out.Body as Readable) bytes += (c as Buffer).length;
      return bytes;
    };
    const check = (n: number, what: string) => {
      if (n !== mib * MiB) throw new Error(`${what} download gave ${n} bytes`);
    };
    try {
      for (let r = 0; r < rounds; r++) {
        const runApi = async () => {
          const apiCpu0 = api.cpuSeconds();
          const t = performance.now();
          const { out: n, cpu } = await ownCpu(() => apiDrain(api, path));
          cpuApi.push(((cpu + api.cpuSeconds() - apiCpu0) * 1024) / mib);
          check(n, 'API');
          return seconds(t);
        };
        const runDirect = async () => {
          const t = performance.now();
          const { out: n, cpu } = await ownCpu(() => drain(store.client));
          cpuDirect.push((cpu * 1024) / mib);
          check(n, 'direct');
          return seconds(t);
        };
        const runPipe = async () => {
          const t = performance.now();
          check(await drain(viaPipe), 'TCP pipe');
          return seconds(t);
        };
        await relay.round(r, { api: runApi, direct: runDirect, pipe: runPipe });
      }
    } finally {
      viaPipe.destroy();
      await pipe.close();
      await api.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'download.ratio',
        figure: `Download ${mib} MiB: API ÷ direct GetObject throughput`,
        budget: `≥ ${BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio >= BUDGET,
        detail: `median of ${rounds} rounds; API ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; CPU outside the store per GiB: ${median(cpuApi).toFixed(1)} s through the API (client + API process), ${median(cpuDirect).toFixed(1)} s direct; the least any relay does, a bare TCP pipe between the direct client and the store: ${median(pipeRatios).toFixed(2)} (${pipeRatios.map((x) => x.toFixed(2)).join(', ')})`,
        raw: {
          ratio,
          apiMiBs: median(viaApi),
          directMiBs: median(direct),
          pipeRatio: median(pipeRatios),
        },
      },
    ];
  },
};
