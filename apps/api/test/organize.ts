import net from 'node:net';
import { PutObjectCommand, type PutObjectCommandInput, type S3Client } from '@aws-sdk/client-s3';
import {
  CopyProgressSchema,
  CopyResultSchema,
  NDJSON,
  type CopyObjectsInput,
  type CopyProgress,
  type CopyResult,
  type RenameInput,
} from '@stowage/shared';
import pMap from 'p-map';
import { afterAll, expect } from 'vitest';
import { listKeys } from './fixtures.js';
import { build, createBucket, type TestApp } from './helper.js';

/** Helpers of the copy, move and rename suites (copy-*.test.ts, rename.test.ts). */

/** The apps a suite builds, closed once its tests are done. */
export function appsClosedAfterAll(): TestApp[] {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
  });
  return apps;
}

/** A signed-in app (kept in `apps`) and two new buckets, `<name>-src…` and `<name>-dst…`. */
export async function appWithBuckets(apps: TestApp[], name: string) {
  const app = await build();
  apps.push(app);
  const src = await createBucket(app, `${name}-src`);
  return { app, src, dst: await createBucket(app, `${name}-dst`) };
}

/** The keys under a prefix, sorted. */
export const sortedKeys = async (s3: S3Client, bucket: string, prefix: string) =>
  (await listKeys(s3, bucket, prefix)).sort();

/** Objects written concurrently by a plain client, each body its own key unless given. */
export async function putMany(
  s3: S3Client,
  bucket: string,
  keys: readonly string[],
  extra: Omit<PutObjectCommandInput, 'Bucket' | 'Key'> = {},
): Promise<void> {
  await pMap(
    keys,
    (Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Key, ...extra })),
    { concurrency: 16 },
  );
}

export const copyRequest = (
  app: TestApp,
  bucket: string,
  body: CopyObjectsInput,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: 'POST',
    url: `/api/buckets/${encodeURIComponent(bucket)}/copy`,
    payload: body,
    headers,
  });

export const renameRequest = (
  app: TestApp,
  bucket: string,
  body: RenameInput,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: 'POST',
    url: `/api/buckets/${encodeURIComponent(bucket)}/rename`,
    payload: body,
    headers,
  });

export const ndjsonHeaders = { accept: NDJSON };

/** An NDJSON answer read strictly: progress lines, then one CopyResult as the last line. */
export function parseNdjson(text: string): { progress: CopyProgress[]; result: CopyResult } {
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.trimEnd().split('\n');
  const last = lines.pop()!;
  return {
    progress: lines.map((l) => CopyProgressSchema.strict().parse(JSON.parse(l))),
    result: CopyResultSchema.strict().parse(JSON.parse(last)),
  };
}

/** `p/0000` … `p/(n-1)`, zero-padded so they list in order. */
export const numbered = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

type Store = TestApp['objectStore'];
type Operation = 'copyObjects' | 'deletePrefix';

/**
 * An app whose every `command` sent to the store takes `ms` longer, and the result of its next
 * `operation` (observed on the store the route calls, to wait for its end after a client left).
 */
export async function slowApp<O extends Operation>(
  apps: TestApp[],
  command: string,
  operation: O,
  ms: number,
) {
  const slow = await build();
  apps.push(slow);
  slow.objectStore.aroundSends(async (name, _input, send) => {
    if (name === command) await new Promise((r) => setTimeout(r, ms));
    return send();
  });
  const store = slow.objectStore;
  const run = (store[operation] as (...args: unknown[]) => ReturnType<Store[O]>).bind(store);
  let finished: ReturnType<Store[O]> | undefined;
  (store as unknown as Record<O, (...args: unknown[]) => ReturnType<Store[O]>>)[operation] = (
    ...args
  ) => (finished = run(...args));
  return { slow, finished: () => finished! };
}

/**
 * Sends a request on a real socket (`body` as JSON, none if undefined) and hangs up once
 * `closeWhen` holds for what arrived, or once `closeAfter` settles: a client that goes away
 * mid-answer. Resolves with what arrived.
 */
export function requestThenHangUp(
  port: number,
  target: TestApp,
  request: {
    method?: string;
    path: string;
    body?: unknown;
    headers?: Record<string, string>;
    closeWhen?: (received: string) => boolean;
    closeAfter?: Promise<unknown>;
  },
): Promise<string> {
  const { method = 'POST', path, body, headers = {}, closeWhen = () => false } = request;
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const head =
    `${method} ${path} HTTP/1.1\r\n` +
    Object.entries({
      host: `127.0.0.1:${port}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'content-length': String(payload.length),
      ...target.sessionHeaders,
      ...headers,
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n';
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const hangUp = () => {
      socket.destroy();
      resolve(received);
    };
    socket.on('error', reject);
    socket.on('data', (c: Buffer) => {
      received += c.toString('utf8');
      if (closeWhen(received)) hangUp();
    });
    void request.closeAfter?.then(hangUp);
    socket.write(head);
    socket.write(payload);
  });
}
