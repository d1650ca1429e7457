/**
 * Big uploads through the relay (issue 22): a large file sent part by part through
 * `PUT /api/buckets/:b/multipart/:id/parts/:n` (4 parts in flight) ÷ lib-storage's Upload
 * straight to the store, and the API's peak RSS meanwhile.
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import pMap from 'p-map';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  multipartCompletePath,
  multipartPartLength,
  multipartPartsPath,
  multipartPath,
  type CreateMultipartResponse,
} from '@stowage/shared';
import {
  MiB,
  ensureBucket,
  interleaved,
  median,
  seconds,
  startApi,
  testFile,
  type Api,
  type Bench,
} from './harness.js';
import { BUCKET, directUpload } from './upload.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
/** Parts in flight: the default (the browser's queue). */
const IN_FLIGHT = 4;

function send(
  api: Api,
  method: string,
  pathAndQuery: string,
  body: Buffer | { file: string; start: number; length: number } | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? 0 : Buffer.isBuffer(body) ? body.length : body.length;
    const req = http.request(new URL(pathAndQuery, api.url), {
      method,
      agent,
      headers: {
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        'content-length': String(length),
        ...(Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}),
      },
    });
    req.once('error', reject);
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('error', reject);
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
      );
    });
    if (body === undefined || Buffer.isBuffer(body)) return req.end(body);
    const from = createReadStream(body.file, {
      start: body.start,
      end: body.start + body.length - 1,
      highWaterMark: MiB,
    });
    from.once('error', reject);
    from.pipe(req);
  });
}

/** The relay client: create, every part PUT (IN_FLIGHT at once, streamed from disk), complete. */
export async function relayUpload(api: Api, key: string, file: string, size: number) {
  const made = await send(
    api,
    'POST',
    multipartPath(BUCKET),
    Buffer.from(JSON.stringify({ key, size })),
  );
  if (made.status !== 200) throw new Error(`create ${key}: ${made.status} ${made.text}`);
  const { uploadId, partSize, parts } = JSON.parse(made.text) as CreateMultipartResponse;
  const numbers = Array.from({ length: parts }, (_, i) => i + 1);
  const etags = await pMap(
    numbers,
    async (n) => {
      const res = await send(api, 'PUT', multipartPartsPath(BUCKET, uploadId, key, n), {
        file,
        start: (n - 1) * partSize,
        length: multipartPartLength(size, partSize, n),
      });
      if (res.status !== 200) throw new Error(`part ${n}: ${res.status} ${res.text}`);
      return { n, etag: (JSON.parse(res.text) as { etag: string }).etag };
    },
    { concurrency: IN_FLIGHT },
  );
  const done = await send(
    api,
    'POST',
    multipartCompletePath(BUCKET, uploadId, key),
    Buffer.from(JSON.stringify({ parts: etags })),
  );
  if (done.status !== 200) throw new Error(`complete ${key}: ${done.status} ${done.text}`);
}

export const multipartRelay: Bench = {
  name: 'multipart-relay',
  adrs: [],
  method:
    'One fresh API process; the same file of random bytes is uploaded through the big-upload ' +
    'routes (create, every part a `PUT …/multipart/:id/parts/:n` streamed from disk by ' +
    'node:http with its Content-Length, 4 parts in flight, complete) and directly with ' +
    "`@aws-sdk/lib-storage` (the upload bench's part size and queue of 7), alternating which " +
    'goes first, several rounds; the figure is the median of the per-round throughput ratios. ' +
    "The API's peak RSS is the kernel's high-water mark (VmHWM) of that process over every " +
    'round. No Content-MD5 on either side (the browser sends one; the store, not the API, ' +
    'checks it). A Node client: the Chromium figure is the web app’s.',
  async run({ store, quick, log }) {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    const file = testFile(mib);
    await ensureBucket(store, BUCKET);
    const api = await startApi(store);
    const ratios: number[] = [];
    const viaApi: number[] = [];
    const direct: number[] = [];
    let peak = 0;
    try {
      for (let r = 0; r < rounds; r++) {
        const { api: a, direct: d } = await interleaved(
          r,
          async () => {
            const t = performance.now();
            await relayUpload(api, 'mpu-relay.bin', file, mib * MiB);
            return seconds(t);
          },
          async () => {
            const t = performance.now();
            await directUpload(store.client, 'mpu-direct.bin', file, mib * MiB);
            return seconds(t);
          },
        );
        peak = api.peakRssMiB();
        viaApi.push(mib / a);
        direct.push(mib / d);
        ratios.push(d / a);
        log(
          `  round ${r + 1}: relay ${(mib / a).toFixed(1)} MiB/s, direct ${(mib / d).toFixed(1)} MiB/s, ratio ${(d / a).toFixed(2)}, API peak RSS ${peak.toFixed(0)} MiB`,
        );
        for (const Key of ['mpu-relay.bin', 'mpu-direct.bin'])
          await store.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key }));
        store.reclaim();
      }
    } finally {
      await api.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'multipart-relay.ratio',
        figure: `Big upload ${mib} MiB through the relay (4 parts in flight) ÷ direct lib-storage`,
        budget: '≥ 0.90',
        value: ratio.toFixed(2),
        met: ratio >= 0.9,
        detail: `median of ${rounds} rounds; relay ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}`,
      },
      {
        id: 'multipart-relay.rss',
        figure: `API peak RSS during the ${mib} MiB relayed uploads`,
        budget: '< 250 MiB',
        value: `${peak.toFixed(0)} MiB`,
        met: peak < 250,
        detail: `VmHWM of the API process over ${rounds} rounds (relay and direct interleaved)`,
      },
    ];
  },
};
