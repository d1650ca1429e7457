/** Upload throughput: a large file through the API ÷ a direct lib-storage upload. */
import { createReadStream } from 'node:fs';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { apiUpload } from './api-client.js';
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

export const BUCKET = 'bench-io';

/** The API's own part sizing (s3-upload.ts uploadPartSize) and queue, for a like-for-like run. */
export const directUpload = (client: Upload['client'], key: string, file: string, size: number) =>
  new Upload({
    client,
    params: { Bucket: BUCKET, Key: key, Body: createReadStream(file) },
    partSize: Math.max(8 * MiB, Math.ceil(size / 9000)),
    queueSize: 4,
  }).done();

export const upload: Bench = {
  name: 'upload',
  adrs: ['0006-upload-throughput-on-a-loaded-machine.md'],
  method:
    'One API process; the same file of random bytes is uploaded through `POST /api/buckets/:b/upload` ' +
    '(multipart/form-data streamed from disk by node:http, size field first) and directly with ' +
    '`@aws-sdk/lib-storage` (same part size and queue of 4 as the API), alternating which goes ' +
    'first, several rounds; the figure is the median of the per-round throughput ratios. ' +
    'Also recorded, as a load-independent cost: CPU seconds per GiB outside the store (the bench ' +
    'process, plus the API process from /proc/<pid>/stat on the API path).',
  async run({ store, quick, log }) {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    const file = testFile(mib);
    await ensureBucket(store, BUCKET);
    const api = await startApi(store);
    const ratios: number[] = [];
    const viaApi: number[] = [];
    const direct: number[] = [];
    // CPU seconds per GiB outside the store: the bench client (+ the API process on that path).
    const cpuApi: number[] = [];
    const cpuDirect: number[] = [];
    try {
      for (let r = 0; r < rounds; r++) {
        const runApi = async () => {
          const apiCpu0 = api.cpuSeconds();
          const t = performance.now();
          const { cpu } = await ownCpu(() =>
            apiUpload(api, BUCKET, 'upload-api.bin', file, mib * MiB),
          );
          cpuApi.push(((cpu + api.cpuSeconds() - apiCpu0) * 1024) / mib);
          return seconds(t);
        };
        const runDirect = async () => {
          const t = performance.now();
          const { cpu } = await ownCpu(() =>
            directUpload(store.client, 'upload-direct.bin', file, mib * MiB),
          );
          cpuDirect.push((cpu * 1024) / mib);
          return seconds(t);
        };
        const { api: a, direct: d } = await interleaved(r, runApi, runDirect);
        viaApi.push(mib / a);
        direct.push(mib / d);
        ratios.push(d / a);
        log(
          `  round ${r + 1}: API ${(mib / a).toFixed(1)} MiB/s, direct ${(mib / d).toFixed(1)} MiB/s, ratio ${(d / a).toFixed(2)}`,
        );
        for (const Key of ['upload-api.bin', 'upload-direct.bin'])
          await store.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key }));
      }
    } finally {
      await api.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'upload.ratio',
        figure: `Upload ${mib} MiB: API ÷ direct lib-storage throughput`,
        budget: '≥ 0.90',
        value: ratio.toFixed(2),
        met: ratio >= 0.9,
        detail: `median of ${rounds} rounds; API ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; CPU outside the store per GiB: ${median(cpuApi).toFixed(1)} s through the API (client + API process), ${median(cpuDirect).toFixed(1)} s direct`,
      },
    ];
  },
};
