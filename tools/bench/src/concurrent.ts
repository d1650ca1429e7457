/** Many uploads at once: all stored byte-identical, API memory bounded. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { apiUpload } from './api-client.js';
import { MiB, ensureBucket, seconds, startApi, testFile, type Bench } from './harness.js';
import { BUCKET } from './upload.js';

async function sha256(stream: Readable): Promise<string> {
  const h = createHash('sha256');
  for await (const c of stream) h.update(c as Buffer);
  return h.digest('hex');
}

export const concurrent: Bench = {
  name: 'concurrent',
  adrs: ['0005-upload-memory-budget.md'],
  method:
    'A fresh API process; N different files of random bytes are uploaded through the API all ' +
    "at once; each stored object is then read back directly and its SHA-256 compared with the file's. " +
    'Peak RSS is the API process high-water mark (VmHWM).',
  async run({ store, quick, log }) {
    const n = quick ? 8 : 32;
    const mib = quick ? 8 : 32;
    await ensureBucket(store, BUCKET);
    const files = Array.from({ length: n }, (_, i) => testFile(mib, i + 1));
    const api = await startApi(store);
    let peak: number;
    let took: number;
    try {
      const t = performance.now();
      await Promise.all(
        files.map((f, i) => apiUpload(api, BUCKET, `concurrent-${i}.bin`, f, mib * MiB)),
      );
      took = seconds(t);
      peak = api.peakRssMiB();
    } finally {
      await api.stop();
    }
    let identical = 0;
    for (const [i, f] of files.entries()) {
      const Key = `concurrent-${i}.bin`;
      const out = await store.client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
      if ((await sha256(out.Body as Readable)) === (await sha256(createReadStream(f)))) identical++;
      await store.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key }));
    }
    log(`  ${identical}/${n} identical, ${took.toFixed(1)} s, peak ${peak.toFixed(0)} MiB`);
    return [
      {
        id: 'concurrent.identical',
        figure: `${n} concurrent ${mib} MiB uploads stored byte-identical`,
        budget: `${n}/${n}`,
        value: `${identical}/${n}`,
        met: identical === n,
        detail: `${took.toFixed(1)} s for ${n * mib} MiB (${((n * mib) / took).toFixed(1)} MiB/s)`,
      },
      {
        id: 'concurrent.peak',
        figure: `API peak RSS during ${n} concurrent ${mib} MiB uploads`,
        budget: '< 400 MiB',
        value: `${peak.toFixed(0)} MiB`,
        met: peak < 400,
        detail: '',
      },
    ];
  },
};
