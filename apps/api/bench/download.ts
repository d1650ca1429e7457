/** Download throughput: a large object through the API ÷ a direct GetObject stream. */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { apiDrain } from './api-client.js';
import { MiB, ensureBucket, median, seconds, startApi, testFile, type Bench } from './harness.js';
import { BUCKET, directUpload } from './upload.js';

const KEY = 'download.bin';

export const download: Bench = {
  name: 'download',
  limits: 'Not yet investigated.',
  method:
    'The file is stored once (directly); then each round reads it through ' +
    '`GET /api/buckets/:b/object/content` and directly with GetObject, both drained by the bench ' +
    'without keeping the bytes, alternating which goes first; median of per-round ratios.',
  async run({ store, quick, log }) {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    await ensureBucket(store, BUCKET);
    await directUpload(store.client, KEY, testFile(mib), mib * MiB);
    const api = await startApi(store);
    const ratios: number[] = [];
    const viaApi: number[] = [];
    const direct: number[] = [];
    const path = `/api/buckets/${BUCKET}/object/content?key=${KEY}`;
    try {
      for (let r = 0; r < rounds; r++) {
        const runApi = async () => {
          const t = performance.now();
          const n = await apiDrain(api, path);
          if (n !== mib * MiB) throw new Error(`API download gave ${n} bytes`);
          return seconds(t);
        };
        const runDirect = async () => {
          const t = performance.now();
          const out = await store.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
          let n = 0;
          for await (const c of out.Body as Readable) n += (c as Buffer).length;
          if (n !== mib * MiB) throw new Error(`direct download gave ${n} bytes`);
          return seconds(t);
        };
        let a: number, d: number;
        if (r % 2 === 0) {
          a = await runApi();
          d = await runDirect();
        } else {
          d = await runDirect();
          a = await runApi();
        }
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
        detail: `median of ${rounds} rounds; API ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}`,
      },
    ];
  },
};
