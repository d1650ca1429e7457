import type { EmptyBucketResult, UsageResult } from '@stowage/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropBucket, ndjsonHeaders, putMany } from '../bucket-admin.js';
import { listKeys, until } from '../fixtures.js';
import { build, createBucket, fixtureClient, type TestApp } from '../helper.js';
import { listenOnLoopback } from '../raw-http.js';
import { requestThenHangUp as hangUpOn } from '../organize.js';

/** More than one page and one DeleteObjects batch. */
const COUNT = 1_100;
const s3 = fixtureClient();
const apps: TestApp[] = [];
let bucket: string;

beforeAll(async () => {
  const app = await build();
  apps.push(app);
  bucket = await createBucket(app, 'cancel');
  await putMany(s3, bucket, 'k/', COUNT);
});
afterAll(async () => {
  await dropBucket(s3, bucket);
  for (const a of apps) await a.close();
});

/**
 * An app (one DeleteObjects batch at a time) whose store holds every `command` until the
 * operation's signal has aborted (the client went away), and counts them.
 */
async function holdingApp(command: string) {
  const app = await build({ copyConcurrency: 1 });
  apps.push(app);
  let signal: AbortSignal | undefined;
  let sent = 0;
  app.objectStore.aroundSends(async (name, _input, send) => {
    if (name === command) {
      sent += 1;
      await until(() => signal?.aborted === true, 'the client to go away');
    }
    return send();
  });
  const store = app.objectStore;
  let finished: Promise<unknown> | undefined;
  const empty = store.emptyBucket.bind(store);
  store.emptyBucket = (b, options) => {
    signal = options?.signal;
    return (finished = empty(b, options)) as Promise<EmptyBucketResult>;
  };
  const usage = store.bucketUsage.bind(store);
  store.bucketUsage = (b, p, options) => {
    signal = options?.signal;
    return (finished = usage(b, p, options)) as Promise<UsageResult>;
  };
  return { app, sent: () => sent, finished: <T>() => finished as Promise<T> };
}

/** Sends a request on a real socket and hangs up once `closeWhen` holds (for what arrived). */
async function requestThenHangUp(
  app: TestApp,
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string>,
  closeWhen: (received: string) => boolean,
): Promise<string> {
  let received = '';
  return hangUpOn(await listenOnLoopback(app), app, {
    method,
    path: url,
    body,
    headers,
    closeWhen: (r) => ((received = r), false),
    closeAfter: until(() => closeWhen(received), 'the moment to hang up'),
  });
}

describe('a client that goes away', () => {
  it('stops a usage walk after the page in flight', async () => {
    const { app, sent, finished } = await holdingApp('ListObjectsV2');
    const received = await requestThenHangUp(
      app,
      'GET',
      `/api/buckets/${bucket}/usage`,
      undefined,
      {},
      () => sent() === 1,
    );
    expect(received).toBe('');
    const result = await finished<UsageResult>();
    expect(result).toMatchObject({
      objects: 1000,
      cancelled: true,
      uploads: null,
      noncurrent: null,
    });
    expect(sent()).toBe(1);
  });

  it('stops emptying after the batch in flight (NDJSON), and says so', async () => {
    const { app, sent, finished } = await holdingApp('DeleteObjects');
    const received = await requestThenHangUp(
      app,
      'POST',
      `/api/buckets/${bucket}/empty`,
      { confirm: bucket },
      ndjsonHeaders,
      (received) => sent() === 1 && received.includes('"total"'),
    );
    expect(received).toContain(`"total":${COUNT}`);
    const result = await finished<EmptyBucketResult>();
    expect(result).toEqual({ deleted: 1000, uploadsAborted: 0, errors: [], cancelled: true });
    expect(sent()).toBe(1);
    expect(await listKeys(s3, bucket)).toHaveLength(COUNT - 1000);
  });
});
