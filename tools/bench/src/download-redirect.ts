/**
 * Downloads in redirect mode (`STOWAGE_DOWNLOADS=redirect`): the content route answers 302 to
 * a presigned GetObject URL and the client reads the bytes from the store. A large object
 * that way ÷ a direct GetObject stream.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import http from 'node:http';
import type { Readable } from 'node:stream';
import {
  MiB,
  ensureBucket,
  median,
  seconds,
  startApi,
  testFile,
  type Api,
  type Bench,
  type Store,
} from './harness.js';
import { BUCKET, directUpload } from './upload.js';

const KEY = 'download-redirect.bin';
/** The budget: redirect ÷ direct GetObject throughput at least this. */
const BUDGET = 0.95;

/** GET over plain HTTP (no keep-alive: one connection per hop, as a browser's first visit). */
const get = (url: string) =>
  new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get(url, { agent: false }, resolve).once('error', reject);
  });

const drain = async (body: Readable) => {
  let bytes = 0;
  for await (const c of body) bytes += (c as Buffer).length;
  return bytes;
};

/** The content route's 302, followed: the bytes come from the store. Ms to the Location too. */
async function viaRedirect(api: Api, path: string): Promise<{ bytes: number; hopMs: number }> {
  const t = performance.now();
  const res = await get(`${api.url}${path}`);
  res.resume();
  const location = res.headers.location;
  if (res.statusCode !== 302 || !location) {
    throw new Error(`GET ${path}: ${res.statusCode} (expected 302 with a Location)`);
  }
  const hopMs = performance.now() - t;
  const out = await get(location);
  if (out.statusCode !== 200) throw new Error(`GET <presigned URL>: ${out.statusCode}`);
  return { bytes: await drain(out), hopMs };
}

/** The API as startApi makes it, with its one profile's downloads redirecting. */
async function startRedirectApi(store: Store): Promise<Api> {
  const before = process.env.STOWAGE_DOWNLOADS;
  process.env.STOWAGE_DOWNLOADS = 'redirect';
  try {
    return await startApi(store);
  } finally {
    if (before === undefined) delete process.env.STOWAGE_DOWNLOADS;
    else process.env.STOWAGE_DOWNLOADS = before;
  }
}

export const downloadRedirect: Bench = {
  name: 'download-redirect',
  adrs: [],
  ceiling: {
    bound: (f) => f.raw?.presignedRatio,
    meets: (value) => value >= BUDGET,
    says: (bounds) =>
      'The same presigned URL read without the 302 (the store and the client alone, no ' +
      `Stowage in the path) against the direct read, in the same run: ${bounds}. Below the ` +
      `budget (≥ ${BUDGET}): the redirect cannot beat its own target.`,
  },
  method:
    'The API runs with `STOWAGE_DOWNLOADS=redirect`. The file is stored once (directly); then ' +
    'each round reads it by `GET /api/buckets/:b/object/content` — a 302, whose Location (a ' +
    'presigned GetObject URL, valid 5 minutes) the bench follows with a plain HTTP GET — and ' +
    'directly with GetObject (the SDK), both drained without keeping the bytes; the two ' +
    'alternate which goes first; median of per-round ratios (direct time ÷ redirect time, the ' +
    "redirect's time including the 302). Each round also reads a presigned URL of the route's " +
    'own (asked for untimed) with the same plain HTTP GET, without the 302: the part of the ' +
    'figure Stowage has no hand in (the store serving a presigned GET, and the client), and ' +
    'the three rotate which goes first. Also recorded: the median time to the 302 (one ' +
    'HeadObject and a presign in the API).',
  async run({ store, quick, log }) {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 5;
    await ensureBucket(store, BUCKET);
    await directUpload(store.client, KEY, testFile(mib), mib * MiB);
    const api = await startRedirectApi(store);
    const path = `/api/buckets/${BUCKET}/object/content?key=${KEY}&download=1`;
    const check = (n: number, what: string) => {
      if (n !== mib * MiB) throw new Error(`${what} download gave ${n} bytes`);
    };
    const ratios: number[] = [];
    const controls: number[] = [];
    const viaApi: number[] = [];
    const direct: number[] = [];
    const hops: number[] = [];
    try {
      for (let r = 0; r < rounds; r++) {
        // This round's presigned URL, asked for untimed: the control reads it without the 302.
        const first = await get(`${api.url}${path}`);
        first.resume();
        const presigned = first.headers.location;
        if (first.statusCode !== 302 || !presigned) throw new Error(`GET ${path}: no 302`);
        const runRedirect = async () => {
          const t = performance.now();
          const { bytes, hopMs } = await viaRedirect(api, path);
          check(bytes, 'redirect');
          hops.push(hopMs);
          return seconds(t);
        };
        const runDirect = async () => {
          const t = performance.now();
          const out = await store.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
          check(await drain(out.Body as Readable), 'direct');
          return seconds(t);
        };
        const runPresigned = async () => {
          const t = performance.now();
          const out = await get(presigned);
          if (out.statusCode !== 200) throw new Error(`GET <presigned URL>: ${out.statusCode}`);
          check(await drain(out), 'presigned');
          return seconds(t);
        };
        // Each round starts with a different one of the three (a later read finds the store warmer).
        const runs = [runRedirect, runDirect, runPresigned];
        const times = [0, 0, 0];
        for (let i = 0; i < runs.length; i++) {
          const which = (r + i) % runs.length;
          times[which] = await runs[which]!();
        }
        const [a, d, p] = times as [number, number, number];
        viaApi.push(mib / a);
        direct.push(mib / d);
        ratios.push(d / a);
        controls.push(d / p);
        log(
          `  round ${r + 1}: redirect ${(mib / a).toFixed(1)} MiB/s, direct ${(mib / d).toFixed(1)} MiB/s, ratio ${(d / a).toFixed(2)}; the presigned URL alone ${(d / p).toFixed(2)}`,
        );
      }
    } finally {
      await api.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'download-redirect.ratio',
        figure: `Download ${mib} MiB in redirect mode (302, followed): ÷ direct GetObject throughput`,
        budget: `≥ ${BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio >= BUDGET,
        detail: `median of ${rounds} rounds; redirect ${median(viaApi).toFixed(1)} MiB/s, direct ${median(direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; the 302 in ${median(hops).toFixed(1)} ms (median); the same presigned URL read without the 302 (what Stowage cannot change): ${median(controls).toFixed(2)} (${controls.map((x) => x.toFixed(2)).join(', ')})`,
        raw: {
          ratio,
          redirectMiBs: median(viaApi),
          directMiBs: median(direct),
          hopMs: median(hops),
          presignedRatio: median(controls),
        },
      },
    ];
  },
};
