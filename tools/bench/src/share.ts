/**
 * Share links served through Stowage (`/s/<token>`, no session): a large object's throughput and
 * a small object's latency, each ÷ the same GetObject done directly.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { ShareResponse } from '@stowage/shared';
import { apiDrain, apiJson, apiPostJson } from './api-client.js';
import {
  MiB,
  ensureBucket,
  interleaved,
  median,
  percentile,
  seconds,
  startApi,
  testFile,
  s3Client,
  type Api,
  type Bench,
  type Figure,
} from './harness.js';
import { RelayRounds } from './relay-rounds.js';
import { startTcpPipe } from './tcp-pipe.js';
import { BUCKET, directUpload } from './upload.js';

const BIG = 'share.bin';
const SMALL = 'share-small.bin';
/**
 * Small, but not under 64 KiB: Ceph RGW 16 answers a GetObject of a body below that (400 B to
 * 16 KiB measured) ~40 ms late whatever the client (the SDK directly, the API's own content
 * route): such a figure would measure that stall, not the link (ADR 0011).
 */
const SMALL_BYTES = 64 * 1024;
const REQUESTS = 200;
/** Relay link ÷ direct GetObject throughput at least this (the signed-in download's budget). */
const THROUGHPUT_BUDGET = 0.95;
/**
 * Opening a small relay link ÷ a direct GetObject at most this: the link costs the hop and a
 * HeadObject of its record (revocation is checked on every use, beside the object's GetObject).
 */
const LATENCY_BUDGET = 2.5;

/** A relay link to `key`, valid a day: its path (`/s/<token>`). */
async function relayLink(api: Api, key: string): Promise<string> {
  const link = await apiPostJson<ShareResponse>(api, `/api/buckets/${BUCKET}/share`, {
    key,
    expiresIn: 86_400,
    mode: 'relay',
  });
  return new URL(link.url).pathname;
}

async function drain(client: S3Client, key: string): Promise<number> {
  const out = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  let bytes = 0;
  for await (const c of out.Body as Readable) bytes += (c as Buffer).length;
  return bytes;
}

export const share: Bench = {
  name: 'share',
  adrs: ['0011-share-links.md'],
  ceiling: {
    bound: (f) =>
      f.id === 'share.relay'
        ? f.raw?.pipeRatio
        : f.id === 'share.open.p50' && f.raw?.directMs && f.raw.hopMs !== undefined
          ? (f.raw.directMs + f.raw.hopMs) / f.raw.directMs
          : undefined,
    // One test for both kinds of figure: a throughput ratio stays near 1 (below 2.5), a latency
    // ratio above it (at least 0.95).
    meets: (value) => value >= THROUGHPUT_BUDGET && value <= LATENCY_BUDGET,
    says: (bounds) =>
      'Throughput: a bare TCP pipe between the direct client and the store against the direct ' +
      'read; latency: (GetObject + the hop) ÷ GetObject, what a link would score whose record ' +
      `check (a HeadObject sent beside the GetObject) cost nothing; both in the same run: ${bounds}.`,
  },
  method:
    'A relay link (`POST /api/buckets/:b/share`, mode relay, made once) is fetched with no ' +
    'session or cookie at `GET /s/<token>`: the token is checked, then the link record (a ' +
    'HeadObject) and the object (GetObject, streamed) are read from the store at once. Throughput: the file is stored once (directly), then each ' +
    'round reads it through the link, directly with GetObject, and through a bare TCP pipe to ' +
    'the store (the ceiling), each round starting with a different one; median of per-round ' +
    `ratios. Latency: a ${SMALL_BYTES / 1024} KiB object read whole ${REQUESTS} times through ` +
    'its link and directly, alternating which goes first, and `GET /api/health` (the hop alone) ' +
    'after each pair; p50 and p95 of each.',
  async run({ store, quick, log }) {
    const mib = quick ? 64 : 1024;
    const rounds = quick ? 2 : 3;
    const requests = quick ? 40 : REQUESTS;
    await ensureBucket(store, BUCKET);
    await directUpload(store.client, BIG, testFile(mib), mib * MiB);
    await store.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: SMALL, Body: Buffer.alloc(SMALL_BYTES, 7) }),
    );
    const api = await startApi(store);
    const pipe = await startTcpPipe(store.endpoint);
    const viaPipe = s3Client(pipe.endpoint, store.accessKeyId, store.secretAccessKey);
    const relay = new RelayRounds(mib, log, 'relay link');
    const viaLink: number[] = [];
    const direct: number[] = [];
    const hop: number[] = [];
    const check = (n: number, want: number, what: string) => {
      if (n !== want) throw new Error(`${what} gave ${n} bytes, not ${want}`);
    };
    try {
      const bigLink = await relayLink(api, BIG);
      const smallLink = await relayLink(api, SMALL);
      const timedRead = async (read: () => Promise<number>, want: number, what: string) => {
        const t = performance.now();
        check(await read(), want, what);
        return seconds(t);
      };
      for (let r = 0; r < rounds; r++) {
        await relay.round(r, {
          api: () => timedRead(() => apiDrain(api, bigLink), mib * MiB, 'relay link'),
          direct: () => timedRead(() => drain(store.client, BIG), mib * MiB, 'direct'),
          pipe: () => timedRead(() => drain(viaPipe, BIG), mib * MiB, 'TCP pipe'),
        });
      }
      // Warm-up: connections and JIT on both paths.
      for (let i = 0; i < 10; i++) {
        await apiDrain(api, smallLink);
        await drain(store.client, SMALL);
        await apiJson(api, '/api/health');
      }
      const ms = async (read: () => Promise<number>, what: string) =>
        1000 * (await timedRead(read, SMALL_BYTES, what));
      for (let i = 0; i < requests; i++) {
        const t = await interleaved(
          i,
          () => ms(() => apiDrain(api, smallLink), 'small relay link'),
          () => ms(() => drain(store.client, SMALL), 'small direct'),
        );
        viaLink.push(t.api);
        direct.push(t.direct);
        const h = performance.now();
        await apiJson(api, '/api/health');
        hop.push(performance.now() - h);
      }
    } finally {
      viaPipe.destroy();
      await pipe.close();
      await api.stop();
    }
    const { ratios, pipeRatios } = relay;
    const ratio = median(ratios);
    const open = (p: number): Figure => {
      const a = percentile(viaLink, p);
      const d = percentile(direct, p);
      const h = percentile(hop, p);
      log(`  p${p}: link ${a.toFixed(1)} ms, direct ${d.toFixed(1)} ms, hop ${h.toFixed(1)} ms`);
      return {
        id: `share.open.p${p}`,
        figure: `Open a ${SMALL_BYTES / 1024} KiB relay link, p${p}: link ÷ direct GetObject latency`,
        budget: `≤ ${LATENCY_BUDGET}`,
        value: (a / d).toFixed(2),
        met: a / d <= LATENCY_BUDGET,
        detail: `${requests} requests; link ${a.toFixed(1)} ms, direct GetObject ${d.toFixed(1)} ms, the hop alone (GET /api/health) ${h.toFixed(1)} ms`,
        raw: { linkMs: a, directMs: d, hopMs: h },
      };
    };
    return [
      {
        id: 'share.relay',
        figure: `Relay link download ${mib} MiB: link ÷ direct GetObject throughput`,
        budget: `≥ ${THROUGHPUT_BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio >= THROUGHPUT_BUDGET,
        detail: `median of ${rounds} rounds; link ${median(relay.viaApi).toFixed(1)} MiB/s, direct ${median(relay.direct).toFixed(1)} MiB/s; ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}; a bare TCP pipe: ${median(pipeRatios).toFixed(2)} (${pipeRatios.map((x) => x.toFixed(2)).join(', ')})`,
        raw: { ratio, pipeRatio: median(pipeRatios) },
      },
      open(50),
      open(95),
    ];
  },
};
