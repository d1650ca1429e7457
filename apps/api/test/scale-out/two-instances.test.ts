import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answeredBy, client, signIn, startCluster, type Cluster } from './cluster.js';

const keys = [inject('storeAccessKeyId'), inject('storeSecretAccessKey')] as const;
let cluster: Cluster;
let cookie = '';
const bucket = `scale-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  cluster = await startCluster({ storeEndpoint: inject('storeEndpoint') });
  cookie = await signIn(cluster.url, ...keys);
  const made = await client(cluster.url, cookie)('/api/buckets', {
    method: 'POST',
    body: { name: bucket },
  });
  expect(made.status).toBe(201);
});

afterAll(async () => {
  if (cookie) {
    await client(cluster.url, cookie)(`/api/buckets/${bucket}`, { method: 'DELETE' }).catch(
      () => undefined,
    );
  }
  await cluster?.stop();
});

describe('two instances behind nginx, one store', () => {
  it('serves 100 requests with one cookie, spread over both instances, every one a 200', async () => {
    const api = client(cluster.url, cookie);
    const answers = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const res = await api(i % 2 ? '/api/buckets' : `/api/buckets/${bucket}/objects`);
        return { status: res.status, by: answeredBy(res) };
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const by = new Set(answers.map((a) => a.by));
    expect(by).toEqual(new Set(cluster.instances.map((i) => i.id)));
    // The instances' own request logs agree: each served some of them.
    for (const instance of cluster.instances) {
      expect(instance.requestLines().filter((l) => l.status === 200).length).toBeGreaterThan(0);
    }
  });

  it('opens every instance with a cookie one of them made (one session secret)', async () => {
    for (const instance of cluster.instances) {
      const res = await client(instance.base, cookie)('/api/buckets');
      expect(res.status).toBe(200);
      expect(answeredBy(res)).toBe(instance.id);
    }
  });
});
