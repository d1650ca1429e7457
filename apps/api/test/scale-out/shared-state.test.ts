import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answeredBy, client, signIn, startCluster, waitUntil, type Cluster } from './cluster.js';

// Sessions, sign-outs and the sign-in limit across two instances sharing one Redis.
const keys = [inject('storeAccessKeyId'), inject('storeSecretAccessKey')] as const;
let cluster: Cluster;

const bucket = `scale-links-${randomBytes(4).toString('hex')}`;
const PASSWORD = 'open sesame';
/** A relay link with a password (served with the link keys: the store's). */
let linkToken = '';

beforeAll(async () => {
  cluster = await startCluster({
    storeEndpoint: inject('storeEndpoint'),
    env: { STOWAGE_LINK_ACCESS_KEY_ID: keys[0], STOWAGE_LINK_SECRET_ACCESS_KEY: keys[1] },
  });
  const s3 = new S3Client({
    endpoint: inject('storeEndpoint'),
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: keys[0], secretAccessKey: keys[1] },
  });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'hello.txt', Body: 'hello' }));
  s3.destroy();
  const cookie = await signIn(cluster.url, ...keys);
  const made = await client(cluster.url, cookie)(`/api/buckets/${bucket}/share`, {
    method: 'POST',
    body: { key: 'hello.txt', expiresIn: 3600, mode: 'relay', password: PASSWORD },
  });
  expect(made.status).toBe(200);
  linkToken = new URL(((await made.json()) as { url: string }).url).pathname.slice(3);
});

/** A password attempt on the link, through `base`. */
const unlock = (password: string, base = cluster.url) =>
  client(base)(`/s/${linkToken}/unlock`, { method: 'POST', body: { password } });
afterAll(() => cluster?.stop());

/** Requests `n` times through nginx; the statuses, and which instances answered. */
async function spread(cookie: string, n = 10) {
  const answers = await Promise.all(
    Array.from({ length: n }, async () => {
      const res = await client(cluster.url, cookie)('/api/buckets');
      return { status: res.status, by: answeredBy(res) };
    }),
  );
  return { statuses: new Set(answers.map((a) => a.status)), by: new Set(answers.map((a) => a.by)) };
}

const both = () => new Set(cluster.instances.map((i) => i.id));

describe('sign-out across instances', () => {
  it('a signed-out cookie is refused by the other instance on the very next request', async () => {
    const [one, two] = cluster.instances as [
      (typeof cluster.instances)[0],
      (typeof cluster.instances)[0],
    ];
    const cookie = await signIn(cluster.url, ...keys);
    expect((await client(two.base, cookie)('/api/buckets')).status).toBe(200);
    // Signed out on one; the copy of the cookie goes straight to the other.
    expect((await client(one.base, cookie)('/api/session', { method: 'DELETE' })).status).toBe(204);
    const next = await client(two.base, cookie)('/api/buckets');
    expect(next.status).toBe(401);
    expect(((await next.json()) as { code: string }).code).toBe('SessionEnded');
    // And through nginx, whichever instance answers.
    const after = await spread(cookie);
    expect(after.statuses).toEqual(new Set([401]));
    expect(after.by).toEqual(both());
  });

  it('sign out everywhere ends the sessions the other instance made', async () => {
    const [one, two] = cluster.instances as [
      (typeof cluster.instances)[0],
      (typeof cluster.instances)[0],
    ];
    const first = await signIn(two.base, ...keys);
    const second = await signIn(one.base, ...keys);
    expect((await client(one.base, second)('/api/sessions', { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await client(two.base, first)('/api/buckets')).status).toBe(401);
    expect((await client(two.base, second)('/api/buckets')).status).toBe(401);
    // A sign-in after it is not affected.
    const third = await signIn(cluster.url, ...keys);
    expect((await spread(third)).statuses).toEqual(new Set([200]));
  });
});

describe('the sign-in limit across instances', () => {
  it('refuses the 11th failing sign-in of an account, the 10 before spread over both', async () => {
    const account = `nobody-${randomBytes(4).toString('hex')}`;
    const by = new Set<string | null>();
    for (let i = 1; i <= 10; i++) {
      const res = await client(cluster.url)('/api/session', {
        method: 'POST',
        body: { accessKeyId: account, secretAccessKey: 'wrong-secret-key' },
      });
      expect(res.status).toBe(401);
      by.add(answeredBy(res));
    }
    expect(by).toEqual(both());
    // Whichever instance takes it: both count the same failures.
    for (const instance of cluster.instances) {
      const res = await client(instance.base)('/api/session', {
        method: 'POST',
        body: { accessKeyId: account, secretAccessKey: 'wrong-secret-key' },
      });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});

describe('the link password limit across instances', () => {
  it('refuses the 6th attempt on a link, the 5 before spread over both', async () => {
    const by = new Set<string | null>();
    for (let i = 1; i <= 5; i++) {
      const res = await unlock('wrong');
      expect(res.status, `attempt ${i}`).toBe(401);
      by.add(answeredBy(res));
    }
    expect(by).toEqual(both());
    for (const instance of cluster.instances) {
      expect((await unlock(PASSWORD, instance.base)).status).toBe(429);
    }
  });
});

describe('a Redis outage', () => {
  it('keeps signed-in browsing going, refuses sign-ins with 503, and signs in again once Redis is back', async () => {
    const cookie = await signIn(cluster.url, ...keys);
    await cluster.redis!.stop();

    const browsing = await spread(cookie, 20);
    expect(browsing.statuses).toEqual(new Set([200]));
    expect(browsing.by).toEqual(both());

    const refused = await client(cluster.url)('/api/session', {
      method: 'POST',
      body: { accessKeyId: keys[0], secretAccessKey: keys[1] },
    });
    expect(refused.status).toBe(503);
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe('SharedStateUnavailable');
    expect(body.message).toContain('the shared state store (Redis) cannot be reached');
    // A link's password attempts are counted in Redis too: refused, not let through uncounted.
    const unlocking = await unlock('wrong');
    expect(unlocking.status).toBe(503);
    expect(((await unlocking.json()) as { code: string }).code).toBe('SharedStateUnavailable');
    // Nothing crashed, and each instance said why in its log.
    for (const instance of cluster.instances) {
      expect(instance.running).toBe(true);
      expect(instance.output()).toContain('Redis (STOWAGE_REDIS_URL) is unreachable');
    }

    await cluster.redis!.start();
    // ioredis reconnects within about 2 s: sign-ins through nginx work again on both.
    const signedIn = new Set<string | null>();
    await waitUntil('sign-ins on both instances', async () => {
      const res = await client(cluster.url)('/api/session', {
        method: 'POST',
        body: { accessKeyId: keys[0], secretAccessKey: keys[1] },
      });
      if (res.status === 200) signedIn.add(answeredBy(res));
      return signedIn.size === 2;
    });
    expect((await spread(cookie)).statuses).toEqual(new Set([200]));
  });
});
