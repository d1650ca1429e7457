/** API memory against file size: peak RSS uploading a large file ÷ a small one. */
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { apiUpload } from './api-client.js';
import { MiB, ensureBucket, startApi, testFile, type Bench } from './harness.js';
import { BUCKET } from './upload.js';

export const memory: Bench = {
  name: 'memory',
  adrs: ['0005-upload-memory-budget.md'],
  method:
    'A fresh API process per upload, so each peak belongs to one upload; the peak is the ' +
    "kernel's high-water mark of the API's resident memory (VmHWM in /proc/<pid>/status).",
  async run({ store, quick, log }) {
    const small = quick ? 8 : 64;
    const big = quick ? 256 : 2048;
    await ensureBucket(store, BUCKET);
    const peakOf = async (mib: number) => {
      const api = await startApi(store);
      const idle = api.peakRssMiB();
      try {
        await apiUpload(api, BUCKET, `memory-${mib}.bin`, testFile(mib), mib * MiB);
        const peak = api.peakRssMiB();
        log(`  ${mib} MiB: idle ${idle.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB`);
        return { idle, peak };
      } finally {
        await api.stop();
        await store.client.send(
          new DeleteObjectCommand({ Bucket: BUCKET, Key: `memory-${mib}.bin` }),
        );
      }
    };
    const s = await peakOf(small);
    const b = await peakOf(big);
    const ratio = b.peak / s.peak;
    return [
      {
        id: 'memory.ratio',
        figure: `API peak RSS uploading ${big} MiB ÷ ${small} MiB`,
        budget: '≤ 1.3',
        value: ratio.toFixed(2),
        met: ratio <= 1.3,
        detail: `peaks ${b.peak.toFixed(0)} MiB and ${s.peak.toFixed(0)} MiB (idle ${s.idle.toFixed(0)} MiB)`,
      },
      {
        id: 'memory.peak',
        figure: `API peak RSS uploading ${big} MiB`,
        budget: '< 250 MiB',
        value: `${b.peak.toFixed(0)} MiB`,
        met: b.peak < 250,
        detail: `idle ${b.idle.toFixed(0)} MiB`,
      },
    ];
  },
};
