/** Upload throughput: a large file through the API ÷ a direct lib-storage upload. */
import { createReadStream } from 'node:fs';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { apiUpload } from './api-client.js';
import { boto3Figure, boto3Transfer } from './boto3.js';
import {
  MiB,
  ensureBucket,
  median,
  ownCpu,
  seconds,
  startApi,
  testFile,
  type Bench,
  type Figure,
  interleaved,
} from './harness.js';

export const BUCKET = 'bench-io';

/**
 * The API's own part sizing (s3-upload.ts uploadPartSize) and queue (7 with the default
 * 256 MiB buffer budget: uploadPlan), for a like-for-like run.
 */
export const directUpload = (client: Upload['client'], key: string, file: string, size: number) =>
  new Upload({
    client,
    params: { Bucket: BUCKET, Key: key, Body: createReadStream(file) },
    partSize: Math.max(8 * MiB, Math.ceil(size / 9000)),
    queueSize: 7,
  }).done();

export const upload: Bench = {
  name: 'upload',
  adrs: [
    '0006-upload-throughput-on-a-loaded-machine.md',
    '0015-upload-part-driver-and-payload-signing.md',
    '0001-download-relay-on-2-vcpus.md',
  ],
  method:
    'One API process; the same file of random bytes is uploaded through `POST /api/buckets/:b/upload` ' +
    '(multipart/form-data streamed from disk by node:http, size field first) and directly with ' +
    '`@aws-sdk/lib-storage` (same part size and queue of 7 as the API), alternating which goes ' +
    'first, several rounds; the figure is the median of the per-round throughput ratios. ' +
    'Also recorded, as a load-independent cost: CPU seconds per GiB outside the store (the bench ' +
    'process, plus the API process from /proc/<pid>/stat on the API path). ' +
    "Against the seed's own client: a 512 MiB file is uploaded, in interleaved rounds (alternating " +
    "which goes first), through the API and with boto3 `upload_file` (Debian's python3-boto3, " +
    '`TransferConfig()` defaults: 10 threads, 8 MiB parts; tools/bench/python/boto3_transfer.py, ' +
    'timed inside Python around the call); median of per-round ratios. The client → API hop is one ' +
    'HTTP stream; boto3 sends 10 parts at once on 10 connections (docs/adr/0001-download-relay-on-2-vcpus.md). ' +
    'The API signs each body with its SHA-256 over plain http, as boto3 does there (payloadSigning ' +
    'signed, the default for http endpoints); each boto3 round also uploads the file through a ' +
    'second API process with `STOWAGE_S3_PAYLOAD_SIGNING=unsigned` (UNSIGNED-PAYLOAD, the default ' +
    "over https), after the pair: its ratio to that round's boto3 time and its CPU per GiB are in the detail.",
  async run({ store, quick, log }): Promise<Figure[]> {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    const bMib = quick ? 64 : 512;
    const file = testFile(mib);
    const boto3Api: number[] = [];
    const boto3Direct: number[] = [];
    const boto3Ratios: number[] = [];
    // CPU seconds per GiB in the boto3 rounds: client + API process, and boto3's Python process.
    const bCpuApi: number[] = [];
    const bCpuBoto3: number[] = [];
    await ensureBucket(store, BUCKET);
    const api = await startApi(store);
    // The boto3 rounds also go through an API whose uploads are not hashed (payloadSigning
    // unsigned; over plain http the default signs them, as boto3 does there).
    const apiUnsigned = await startApi(store, { env: { STOWAGE_S3_PAYLOAD_SIGNING: 'unsigned' } });
    const unsigned = {
      label: 'payloadSigning unsigned',
      api: [] as number[],
      ratios: [] as number[],
      cpuApi: [] as number[],
    };
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
        store.reclaim();
      }
      const bFile = testFile(bMib, 1);
      for (let r = 0; r < rounds; r++) {
        const runApi = async () => {
          const apiCpu0 = api.cpuSeconds();
          const t = performance.now();
          const { cpu } = await ownCpu(() =>
            apiUpload(api, BUCKET, 'upload-api-b.bin', bFile, bMib * MiB),
          );
          bCpuApi.push(((cpu + api.cpuSeconds() - apiCpu0) * 1024) / bMib);
          return seconds(t);
        };
        const runBoto3 = async () => {
          const b = await boto3Transfer(store, 'upload', BUCKET, 'upload-boto3.bin', bFile);
          bCpuBoto3.push((b.cpu * 1024) / bMib);
          return b.seconds;
        };
        const { api: a, direct: b } = await interleaved(r, runApi, runBoto3);
        boto3Api.push(bMib / a);
        boto3Direct.push(bMib / b);
        boto3Ratios.push(b / a);
        const u0 = apiUnsigned.cpuSeconds();
        const tu = performance.now();
        const { cpu: uCpu } = await ownCpu(() =>
          apiUpload(apiUnsigned, BUCKET, 'upload-api-u.bin', bFile, bMib * MiB),
        );
        const u = seconds(tu);
        unsigned.api.push(bMib / u);
        unsigned.ratios.push(b / u);
        unsigned.cpuApi.push(((uCpu + apiUnsigned.cpuSeconds() - u0) * 1024) / bMib);
        log(
          `  boto3 round ${r + 1}: API ${(bMib / a).toFixed(1)} MiB/s, boto3 upload_file ${(bMib / b).toFixed(1)} MiB/s, ratio ${(b / a).toFixed(2)}; unsigned ${(bMib / u).toFixed(1)} MiB/s, ratio ${(b / u).toFixed(2)}`,
        );
        for (const Key of ['upload-api-b.bin', 'upload-boto3.bin', 'upload-api-u.bin'])
          await store.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key }));
        store.reclaim();
      }
    } finally {
      await Promise.all([api.stop(), apiUnsigned.stop()]);
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
      boto3Figure('upload', bMib, 0.9, {
        api: boto3Api,
        boto3: boto3Direct,
        ratios: boto3Ratios,
        cpuApi: bCpuApi,
        cpuBoto3: bCpuBoto3,
        variant: unsigned,
      }),
    ];
  },
};
