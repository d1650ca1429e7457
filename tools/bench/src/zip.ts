/** Zip download: a 1 GiB folder streamed as one zip through the API ÷ direct GetObject of its bytes. */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { apiDrain } from './api-client.js';
import {
  MiB,
  ensureBucket,
  median,
  s3Client,
  seconds,
  startApi,
  testFile,
  type Bench,
} from './harness.js';
import { RelayRounds } from './relay-rounds.js';
import { startTcpPipe } from './tcp-pipe.js';

const BUCKET = 'bench-zip';
const PREFIX = 'folder/';
/** The budgets: API ÷ direct throughput at least this; the API's peak RSS under this. */
const BUDGET = 0.8;
const RSS_BUDGET_MIB = 250;

export const zip: Bench = {
  name: 'zip',
  adrs: ['0001-download-relay-on-2-vcpus.md', '0010-zip-throughput-crc-then-relay.md'],
  ceiling: {
    bound: (f) => f.raw?.pipeRatio,
    meets: (value) => value >= BUDGET,
    says: (bounds) =>
      'A bare TCP pipe between the direct client and the store (no HTTP work, no zip) against ' +
      `the direct reads, in the same run: ${bounds}. Below the budget (≥ ${BUDGET}): no relay ` +
      'beats a bare pipe.',
  },
  method:
    'A folder of objects of random bytes (1 GiB in all) is stored once, directly. A fresh API ' +
    'process; each round reads the folder as one zip through `GET /api/buckets/:b/zip?prefix=` ' +
    '(members stored, not deflated, one at a time), directly with one GetObject after another, ' +
    'and the same direct reads through a bare TCP pipe to the store (the least any relay does: ' +
    'the ceiling), each round starting with a different one; throughput counts the objects’ ' +
    'bytes; the figure is the median of per-round ratios. The peak is the API process ' +
    'high-water mark (VmHWM in /proc/<pid>/status) after every round.',
  async run({ store, quick, log }) {
    const members = quick ? 4 : 16;
    const memberMiB = quick ? 16 : 64;
    const rounds = quick ? 2 : 3;
    const total = members * memberMiB;
    await ensureBucket(store, BUCKET);
    const keys = Array.from({ length: members }, (_, i) => `${PREFIX}part-${i}.bin`);
    for (const [i, Key] of keys.entries()) {
      const stored = await store.client
        .send(new HeadObjectCommand({ Bucket: BUCKET, Key }))
        .then((h) => h.ContentLength === memberMiB * MiB)
        .catch(() => false);
      if (stored) continue;
      const Body = createReadStream(testFile(memberMiB, 100 + i));
      await new Upload({ client: store.client, params: { Bucket: BUCKET, Key, Body } }).done();
    }
    const api = await startApi(store);
    const idle = api.peakRssMiB();
    const pipe = await startTcpPipe(store.endpoint);
    const viaPipe = s3Client(pipe.endpoint, store.accessKeyId, store.secretAccessKey);
    const readAll = async (client: S3Client) => {
      let bytes = 0;
      for (const Key of keys) {
        const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
        for await (const c of out.Body as Readable) bytes += (c as Buffer).length;
      }
      if (bytes !== total * MiB) throw new Error(`direct reads gave ${bytes} bytes`);
    };
    const relay = new RelayRounds(total, log, 'zip');
    const { ratios, pipeRatios, viaApi, direct } = relay;
    try {
      for (let r = 0; r < rounds; r++) {
        const runApi = async () => {
          const t = performance.now();
          const n = await apiDrain(api, `/api/buckets/${BUCKET}/zip?prefix=${PREFIX}`);
          if (n < total * MiB) throw new Error(`the zip has ${n} bytes`);
          return seconds(t);
        };
        const runDirect = async () => {
          const t = performance.now();
          await readAll(store.client);
          return seconds(t);
        };
        const runPipe = async () => {
          const t = performance.now();
          await readAll(viaPipe);
          return seconds(t);
        };
        await relay.round(r, { api: runApi, direct: runDirect, pipe: runPipe });
      }
    } finally {
      viaPipe.destroy();
      await pipe.close();
    }
    const peak = api.peakRssMiB();
    await api.stop();
    const ratio = median(ratios);
    return [
      {
        id: 'zip.ratio',
        figure: `Zip of a ${total} MiB folder: API ÷ direct GetObject throughput`,
        budget: `≥ ${BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio >= BUDGET,
        detail: `${members} objects of ${memberMiB} MiB; median of ${rounds} rounds; zip ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; a bare TCP pipe: ${median(pipeRatios).toFixed(2)} (${pipeRatios.map((x) => x.toFixed(2)).join(', ')})`,
        raw: {
          ratio,
          apiMiBs: median(viaApi),
          directMiBs: median(direct),
          pipeRatio: median(pipeRatios),
        },
      },
      {
        id: 'zip.peak',
        figure: `API peak RSS streaming a ${total} MiB folder as zip`,
        budget: `< ${RSS_BUDGET_MIB} MiB`,
        value: `${peak.toFixed(0)} MiB`,
        met: peak < RSS_BUDGET_MIB,
        detail: `idle ${idle.toFixed(0)} MiB; ${rounds} zips of ${total} MiB`,
      },
    ];
  },
};
