/** Folder copy: 1,000 objects copied through the API ÷ the same CopyObject calls made directly. */
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import pMap from 'p-map';
import type { CopyResult } from '@stowage/shared';
import { apiPostJson } from './api-client.js';
import { ensureBucket, interleaved, median, seconds, startApi, type Bench } from './harness.js';

const BUCKET = 'bench-copy';
const SOURCE = 'src/';
/** The API's default (STOWAGE_COPY_CONCURRENCY): the direct copies run as many at once. */
const CONCURRENCY = 8;
/** The budget: API time ÷ direct time at most this. */
const BUDGET = 1.1;
const OBJECT_BYTES = 4096;

const sourceKey = (i: number) => `${SOURCE}obj-${String(i).padStart(5, '0')}.bin`;

/** Every key under a prefix, page by page. */
async function listKeys(client: S3Client, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

async function seedSource(client: S3Client, count: number, log: (m: string) => void) {
  const marker = `seeded-${count}`;
  try {
    await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: marker }));
    return;
  } catch {
    // not seeded yet
  }
  log(`  seeding ${count} objects of ${OBJECT_BYTES} bytes under ${SOURCE}…`);
  const body = Buffer.alloc(OBJECT_BYTES, 7);
  await pMap(
    Array.from({ length: count }, (_, i) => i),
    (i) =>
      client.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: sourceKey(i),
          Body: body,
          ContentType: 'application/octet-stream',
          Metadata: { n: String(i) },
        }),
      ),
    { concurrency: 32 },
  );
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: marker, Body: '' }));
}

async function removePrefix(client: S3Client, prefix: string) {
  const keys = await listKeys(client, prefix);
  for (let i = 0; i < keys.length; i += 1000) {
    await client.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Quiet: true, Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) },
      }),
    );
  }
}

export const copy: Bench = {
  name: 'copy',
  adrs: ['0010-zip-throughput-crc-then-relay.md'],
  method:
    `A folder of small objects (${OBJECT_BYTES} bytes, user metadata) is stored once, directly. ` +
    'Each round copies it to a new folder of the same bucket through ' +
    '`POST /api/buckets/:b/copy` (`{ prefix, to: { bucket, prefix } }`, conflict `fail`: the ' +
    'API lists the source and the destination, then copies) and directly: ListObjectsV2 of the ' +
    `source, then one CopyObject per key, ${CONCURRENCY} at once (the API's default ` +
    'concurrency), alternating which goes first; the figure is the median of per-round ratios ' +
    'of the times. Every copy is counted at the destination, then removed.',
  async run({ store, quick, log }) {
    const count = quick ? 200 : 1000;
    const rounds = quick ? 2 : 5;
    await ensureBucket(store, BUCKET);
    await seedSource(store.client, count, log);
    const source = (await listKeys(store.client, SOURCE)).sort();
    if (source.length !== count) throw new Error(`${SOURCE} holds ${source.length} objects`);
    const api = await startApi(store);
    const ratios: number[] = [];
    const apiTimes: number[] = [];
    const directTimes: number[] = [];
    const check = async (prefix: string, what: string) => {
      const n = (await listKeys(store.client, prefix)).length;
      if (n !== count) throw new Error(`${what} copied ${n} of ${count} objects`);
      await removePrefix(store.client, prefix);
    };
    try {
      for (let r = 0; r < rounds; r++) {
        const viaApi = async () => {
          const to = `api-${r}/`;
          const t = performance.now();
          const out = await apiPostJson<CopyResult>(api, `/api/buckets/${BUCKET}/copy`, {
            prefix: SOURCE,
            to: { bucket: BUCKET, prefix: to },
          });
          const took = seconds(t);
          if (out.copied !== count) throw new Error(`API copy: ${JSON.stringify(out)}`);
          await check(to, 'API');
          return took;
        };
        const direct = async () => {
          const to = `direct-${r}/`;
          const t = performance.now();
          const keys = await listKeys(store.client, SOURCE);
          await pMap(
            keys,
            (key) =>
              store.client.send(
                new CopyObjectCommand({
                  Bucket: BUCKET,
                  Key: to + key.slice(SOURCE.length),
                  CopySource: `${BUCKET}/${key}`,
                  MetadataDirective: 'COPY',
                }),
              ),
            { concurrency: CONCURRENCY },
          );
          const took = seconds(t);
          await check(to, 'direct');
          return took;
        };
        const t = await interleaved(r, viaApi, direct);
        apiTimes.push(t.api);
        directTimes.push(t.direct);
        ratios.push(t.api / t.direct);
        log(
          `  round ${r + 1}: API ${t.api.toFixed(2)} s, direct ${t.direct.toFixed(2)} s, ratio ${(t.api / t.direct).toFixed(2)}`,
        );
      }
    } finally {
      await api.stop();
    }
    const ratio = median(ratios);
    return [
      {
        id: 'copy.ratio',
        figure: `Copy a folder of ${count.toLocaleString('en-US')} objects: API ÷ direct CopyObject time`,
        budget: `≤ ${BUDGET}`,
        value: ratio.toFixed(2),
        met: ratio <= BUDGET,
        detail: `median of ${rounds} rounds; API ${median(apiTimes).toFixed(2)} s, direct ${median(directTimes).toFixed(2)} s (${(count / median(directTimes)).toFixed(0)} copies/s); ratios ${ratios.map((x) => x.toFixed(2)).join(', ')}`,
        raw: { ratio, apiSeconds: median(apiTimes), directSeconds: median(directTimes) },
      },
    ];
  },
};
