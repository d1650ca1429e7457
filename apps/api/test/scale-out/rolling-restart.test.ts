import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { streamedUpload } from '../streamed-upload.js';
import { client, signIn, startCluster, waitUntil, type Cluster, type Instance } from './cluster.js';

const keys = [inject('storeAccessKeyId'), inject('storeSecretAccessKey')] as const;
const MiB = 1024 ** 2;
const TOKEN = 'rolling-restart-metrics-token';
const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

let cluster: Cluster;
let cookie = '';
const bucket = `rolling-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  cluster = await startCluster({
    storeEndpoint: inject('storeEndpoint'),
    env: { STOWAGE_DRAIN_SECONDS: '20', STOWAGE_METRICS_TOKEN: TOKEN },
  });
  cookie = await signIn(cluster.url, ...keys);
  const made = await client(cluster.url, cookie)('/api/buckets', {
    method: 'POST',
    body: { name: bucket },
  });
  expect(made.status).toBe(201);
});

afterAll(async () => {
  await cluster?.stop();
});

/** One upload through nginx, the whole form at once (as a browser's fetch sends it). */
async function upload(key: string, file: Buffer): Promise<number> {
  const form = new FormData();
  form.append('size', String(file.length));
  form.append('file', new Blob([new Uint8Array(file)]), 'f.bin');
  const res = await fetch(`${cluster.url}/api/buckets/${bucket}/upload?key=${key}`, {
    method: 'POST',
    headers: { cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: form,
  });
  await res.arrayBuffer();
  return res.status;
}

/** The object's bytes' sha256, read back through nginx. */
async function storedSha(key: string): Promise<string> {
  const res = await fetch(`${cluster.url}/api/buckets/${bucket}/object/content?key=${key}`, {
    headers: { cookie },
  });
  expect(res.status).toBe(200);
  return sha(new Uint8Array(await res.arrayBuffer()));
}

/** An instance's count of `operation` sent to the store, from its own /metrics. */
async function s3Count(instance: Instance, operation: string): Promise<number> {
  const text = await fetch(`${instance.base}/metrics`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  }).then((r) => r.text());
  const m = new RegExp(
    `^stowage_s3_requests_total\\{operation="${operation}",code="ok"\\} (\\d+)$`,
    'm',
  ).exec(text);
  return Number(m?.[1] ?? 0);
}

/** An upload through nginx streamed by hand (test/streamed-upload.ts). */
const streamedThroughNginx = (key: string, file: Buffer) =>
  streamedUpload(cluster.url, bucket, key, file, { cookie });

describe('restarts behind nginx', () => {
  it('a rolling restart under load (listings and 8 MiB uploads) fails no request and stores every upload whole', async () => {
    const api = client(cluster.url, cookie);
    const [first] = cluster.instances as [Instance, Instance];
    const failures: string[] = [];
    const uploaded = new Map<string, string>();
    let running = true;
    let n = 0;
    const worker = async (w: number) => {
      while (running) {
        const i = n++;
        if (i % 3 === 0) {
          const key = `load/${w}-${i}.bin`;
          const file = randomBytes(8 * MiB);
          const status = await upload(key, file).catch((e: Error) => `error ${e.message}`);
          if (status === 200) uploaded.set(key, sha(file));
          else failures.push(`upload ${key}: ${status}`);
        } else {
          const res = await api(
            `/api/buckets/${bucket}/objects?prefix=load%2F&delimiter=%2F`,
          ).catch((e: Error) => e);
          if (res instanceof Error) failures.push(`listing: ${res.message}`);
          else {
            await res.arrayBuffer();
            if (res.status !== 200) failures.push(`listing: ${res.status}`);
          }
        }
      }
    };
    const workers = Promise.all([0, 1, 2, 3].map(worker));
    // A bounded run: the load stops after 60 s whatever happens.
    const cap = setTimeout(() => (running = false), 60_000);
    let code: number | null;
    try {
      // Load on both instances (an 8 MiB upload is one PutObject), then SIGTERM to one.
      await waitUntil(
        'uploads stored by the first instance',
        async () => (await s3Count(first, 'PutObject')) > 0,
      );
      code = await first.stop('SIGTERM');
      await first.start();
      const ready = await fetch(`${first.base}/api/ready`);
      expect(ready.status).toBe(200);
      // Load on the restarted instance too, then the end of the run.
      await waitUntil(
        'requests on the restarted instance',
        async () => (await s3Count(first, 'ListObjectsV2')) > 2,
      );
    } finally {
      running = false;
      clearTimeout(cap);
      await workers;
    }

    expect(code).toBe(0);
    expect(failures).toEqual([]);
    expect(uploaded.size).toBeGreaterThan(2);
    for (const [key, digest] of uploaded) expect(await storedSha(key), key).toBe(digest);
  }, 120_000);

  it('SIGKILL mid-upload fails only the upload on that instance, leaves no object, and the retry succeeds', async () => {
    const [a, b] = cluster.instances as [Instance, Instance];
    const before = {
      a: await s3Count(a, 'CreateMultipartUpload'),
      b: await s3Count(b, 'CreateMultipartUpload'),
    };
    const fileA = randomBytes(20 * MiB);
    const fileB = randomBytes(20 * MiB);
    const one = streamedThroughNginx('kill/one.bin', fileA);
    await one.send(12 * MiB);
    const grew = async (i: Instance, was: number) =>
      (await s3Count(i, 'CreateMultipartUpload')) > was;
    await waitUntil(
      'the first upload under way',
      async () => (await grew(a, before.a)) || (await grew(b, before.b)),
    );
    const victim = (await grew(a, before.a)) ? a : b;
    const other = victim === a ? b : a;
    const otherBefore = victim === a ? before.b : before.a;
    // nginx's round robin sends the next request to the other instance.
    const two = streamedThroughNginx('kill/two.bin', fileB);
    await two.send(12 * MiB);
    await waitUntil('the second upload under way on the other instance', () =>
      grew(other, otherBefore),
    );

    await victim.kill();
    await one.finish().catch(() => {});
    await two.finish();
    expect((await two.answer).status).toBe(200);
    expect(
      await one.answer.then(
        (a) => a.status,
        () => -1,
      ),
    ).not.toBe(200);
    expect(await storedSha('kill/two.bin')).toBe(sha(fileB));
    const listed = await client(
      cluster.url,
      cookie,
    )(`/api/buckets/${bucket}/objects?prefix=kill%2F&delimiter=%2F`).then(
      (r) => r.json() as Promise<{ objects: { key: string }[] }>,
    );
    expect(listed.objects.map((o) => o.key)).toEqual(['kill/two.bin']);

    // The client sends it again through nginx: the instance left answers.
    expect(await upload('kill/one.bin', fileA)).toBe(200);
    expect(await storedSha('kill/one.bin')).toBe(sha(fileA));
    await victim.start();
  }, 60_000);
});
