/** The bucket of many small keys that listing, head and browser share, seeded directly. */
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import pMap from 'p-map';
import { ensureBucket, seconds, type BenchContext } from './harness.js';

export const PREFIX = 'k/';
export const keyAt = (i: number) => `${PREFIX}key-${String(i).padStart(6, '0')}.txt`;
const SEED_CONCURRENCY = 48;

export interface Seeded {
  bucket: string;
  count: number;
  /** Seconds seeding took in this run, or null when an earlier run's bucket was reused. */
  seededSeconds: number | null;
}

const done = new Map<string, Promise<Seeded>>();

/** `count` keys under k/ in bench-list-<count>; a marker object says the seeding finished. */
export function seededBucket(ctx: BenchContext): Promise<Seeded> {
  const count = ctx.quick ? 10_000 : 100_000;
  const id = `${ctx.store.kind}/${count}`;
  let p = done.get(id);
  if (!p) {
    p = seed(ctx, count);
    done.set(id, p);
  }
  return p;
}

async function seed({ store, log }: BenchContext, count: number): Promise<Seeded> {
  const bucket = `bench-list-${count}`;
  const marker = `seeded-${count}`;
  await ensureBucket(store, bucket);
  try {
    await store.client.send(new HeadObjectCommand({ Bucket: bucket, Key: marker }));
    log(`  reusing ${bucket} (seeded by an earlier run)`);
    return { bucket, count, seededSeconds: null };
  } catch {
    // not seeded yet
  }
  log(`  seeding ${count} keys into ${bucket} (${SEED_CONCURRENCY} at once)…`);
  const t = performance.now();
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  let put = 0;
  await pMap(
    indexes,
    async (i) => {
      await store.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: keyAt(i), Body: `object ${i}\n` }),
      );
      if (++put % 10_000 === 0) log(`    ${put} (${seconds(t).toFixed(0)} s)`);
    },
    { concurrency: SEED_CONCURRENCY },
  );
  await store.client.send(new PutObjectCommand({ Bucket: bucket, Key: marker, Body: '' }));
  const took = seconds(t);
  log(`  seeded in ${took.toFixed(0)} s (${(count / took).toFixed(0)} PUT/s)`);
  return { bucket, count, seededSeconds: took };
}
