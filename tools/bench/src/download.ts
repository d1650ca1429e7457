/** Download throughput: a large object through the API ÷ a direct GetObject stream. */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { apiDownloadToFile, apiDrain } from './api-client.js';
import { boto3Figure, boto3Transfer } from './boto3.js';
import {
  MiB,
  benchDir,
  ensureBucket,
  interleaved,
  median,
  ownCpu,
  seconds,
  startApi,
  testFile,
  s3Client,
  type Bench,
  type Figure,
} from './harness.js';
import { RelayRounds } from './relay-rounds.js';
import { startTcpPipe } from './tcp-pipe.js';
import { BUCKET, directUpload } from './upload.js';

const KEY = 'download.bin';
const BOTO3_KEY = 'download-boto3.bin';
/** The budget (issue 24, goal 2): API ÷ direct GetObject throughput at least this. */
const BUDGET = 0.8;
/** Issue 24: API ÷ boto3 download_file (its defaults) at least this. */
const BOTO3_BUDGET = 0.9;

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
    'Also recorded: CPU seconds per GiB outside the store (bench process, plus the API process on the API path). ' +
    "Against the seed's own client: a 512 MiB object is read, in interleaved rounds (alternating which " +
    "goes first), through the API into a file and with boto3 `download_file` (Debian's python3-boto3, " +
    '`TransferConfig()` defaults: 10 threads, 8 MiB ranged GETs; tools/bench/python/boto3_transfer.py, ' +
    'timed inside Python around the call) into a file on the same disk; median of per-round ratios. ' +
    'The API reads with one plain GET by default; each round also reads the 1 GiB through a second ' +
    'API process with the ranged reads on (STOWAGE_DOWNLOAD_PARTS=4: 8 MiB ranged GETs, 4 read ahead, ' +
    'streamed to its one client connection in order), its CPU per GiB recorded. The direct GetObject figure ' +
    "of the same run is one stream read by one Node thread, as the API's client is: it bounds the " +
    'API column, while boto3 reads with 10 threads (docs/adr/0001-download-relay-on-2-vcpus.md).',
  async run({ store, quick, log }): Promise<Figure[]> {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    const bMib = quick ? 64 : 512;
    await ensureBucket(store, BUCKET);
    await directUpload(store.client, KEY, testFile(mib), mib * MiB);
    await directUpload(store.client, BOTO3_KEY, testFile(bMib), bMib * MiB);
    const api = await startApi(store);
    // The same API with the ranged reads on (off by default: one plain GET per download).
    const partsApi = await startApi(store, { env: { STOWAGE_DOWNLOAD_PARTS: '4' } });
    const partsRatios: number[] = [];
    const cpuParts: number[] = [];
    const pipe = await startTcpPipe(store.endpoint);
    const viaPipe = s3Client(pipe.endpoint, store.accessKeyId, store.secretAccessKey);
    const relay = new RelayRounds(mib, log);
    const { ratios, pipeRatios, viaApi, direct } = relay;
    // CPU seconds per GiB outside the store: the bench client (+ the API process on that path).
    const cpuApi: number[] = [];
    const cpuDirect: number[] = [];
    const boto3Api: number[] = [];
    const boto3Direct: number[] = [];
    const boto3Ratios: number[] = [];
    // CPU seconds per GiB in the boto3 rounds: client + API process, and boto3's Python process.
    const bCpuApi: number[] = [];
    const bCpuBoto3: number[] = [];
    const apiPath = `/api/buckets/${BUCKET}/object/content?key=${KEY}`;
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
          const { out: n, cpu } = await ownCpu(() => apiDrain(api, apiPath));
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
        const runParts = async () => {
          const apiCpu0 = partsApi.cpuSeconds();
          const t = performance.now();
          const { out: n, cpu } = await ownCpu(() => apiDrain(partsApi, apiPath));
          cpuParts.push(((cpu + partsApi.cpuSeconds() - apiCpu0) * 1024) / mib);
          check(n, 'API (parts on)');
          return seconds(t);
        };
        // Parts on: before the three on odd rounds, after them on even ones.
        const partsFirst = r % 2 === 1 ? await runParts() : 0;
        await relay.round(r, { api: runApi, direct: runDirect, pipe: runPipe });
        const plain = partsFirst || (await runParts());
        partsRatios.push(mib / plain / relay.direct[r]!);
        log(
          `  round ${r + 1}: API with parts on ${(mib / plain).toFixed(1)} MiB/s, ratio ${partsRatios[r]!.toFixed(2)}`,
        );
      }
      const file = path.join(benchDir, 'download-out.bin');
      const bPath = `/api/buckets/${BUCKET}/object/content?key=${BOTO3_KEY}`;
      for (let r = 0; r < rounds; r++) {
        const runApi = async () => {
          const apiCpu0 = api.cpuSeconds();
          const t = performance.now();
          const { out: n, cpu } = await ownCpu(() => apiDownloadToFile(api, bPath, file));
          bCpuApi.push(((cpu + api.cpuSeconds() - apiCpu0) * 1024) / bMib);
          if (n !== bMib * MiB) throw new Error(`API download gave ${n} bytes`);
          return seconds(t);
        };
        const runBoto3 = async () => {
          const b = await boto3Transfer(store, 'download', BUCKET, BOTO3_KEY, file);
          bCpuBoto3.push((b.cpu * 1024) / bMib);
          return b.seconds;
        };
        const { api: a, direct: b } = await interleaved(r, runApi, runBoto3);
        rmSync(file, { force: true });
        boto3Api.push(bMib / a);
        boto3Direct.push(bMib / b);
        boto3Ratios.push(b / a);
        log(
          `  boto3 round ${r + 1}: API ${(bMib / a).toFixed(1)} MiB/s, boto3 download_file ${(bMib / b).toFixed(1)} MiB/s, ratio ${(b / a).toFixed(2)}`,
        );
      }
    } finally {
      viaPipe.destroy();
      await pipe.close();
      await api.stop();
      await partsApi.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'download.ratio',
        figure: `Download ${mib} MiB: API ÷ direct GetObject throughput`,
        budget: `≥ ${BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio >= BUDGET,
        detail: `median of ${rounds} rounds; API ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; CPU outside the store per GiB: ${median(cpuApi).toFixed(1)} s through the API (client + API process), ${median(cpuDirect).toFixed(1)} s direct; the least any relay does, a bare TCP pipe between the direct client and the store: ${median(pipeRatios).toFixed(2)} (${pipeRatios.map((x) => x.toFixed(2)).join(', ')}); with the ranged reads on (STOWAGE_DOWNLOAD_PARTS=4, 8 MiB parts): ratio ${median(partsRatios).toFixed(2)} (${partsRatios.map((x) => x.toFixed(2)).join(', ')}), ${median(cpuParts).toFixed(1)} s CPU per GiB`,
        raw: {
          ratio,
          apiMiBs: median(viaApi),
          directMiBs: median(direct),
          pipeRatio: median(pipeRatios),
          partsOnRatio: median(partsRatios),
          cpuApiPerGiB: median(cpuApi),
          cpuPartsOnPerGiB: median(cpuParts),
        },
      },
      boto3Figure('download', bMib, BOTO3_BUDGET, {
        api: boto3Api,
        boto3: boto3Direct,
        ratios: boto3Ratios,
        cpuApi: bCpuApi,
        cpuBoto3: bCpuBoto3,
      }),
    ];
  },
};
