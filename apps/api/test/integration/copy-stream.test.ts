import { NDJSON } from '@stowage/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureClient, type TestApp } from '../helper.js';
import { listKeys, until } from '../fixtures.js';
import { listenOnLoopback } from '../raw-http.js';
import { copyRequest, ndjsonHeaders, numbered, parseNdjson, putMany } from '../organize.js';
import { appWithBuckets, appsClosedAfterAll } from '../organize.js';
import { requestThenHangUp, slowApp as slowAppFor } from '../organize.js';

const s3 = fixtureClient();
const apps = appsClosedAfterAll();
let app: TestApp;
let src: string;
let dst: string;

beforeAll(async () => {
  ({ app, src, dst } = await appWithBuckets(apps, 'stream'));
});

/** An app whose every CopyObject takes `ms` longer, and the result of its next operation. */
const slowApp = (ms: number) => slowAppFor(apps, 'CopyObject', 'copyObjects', ms);

/** POSTs a copy on a real socket and hangs up mid-answer (see organize.ts). */
const postThenHangUp = (
  port: number,
  target: TestApp,
  body: unknown,
  headers: Record<string, string>,
  closeWhen: (received: string) => boolean,
  closeAfter?: Promise<unknown>,
) =>
  requestThenHangUp(port, target, {
    path: `/api/buckets/${src}/copy`,
    body,
    headers,
    closeWhen,
    ...(closeAfter ? { closeAfter } : {}),
  });

describe('NDJSON progress', () => {
  it('streams progress lines with the totals, then the summary', async () => {
    const keys = numbered('nd/', 120);
    await putMany(s3, src, keys);
    const totalBytes = keys.reduce((n, k) => n + Buffer.byteLength(k), 0);
    const { slow } = await slowApp(20);
    const res = await copyRequest(
      slow,
      src,
      { prefix: 'nd/', to: { bucket: dst, prefix: 'nd/' } },
      ndjsonHeaders,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(NDJSON);
    const { progress, result } = parseNdjson(res.payload);
    expect(result).toEqual({ copied: 120, skipped: 0, errors: [], cancelled: false });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    // Throttled: far fewer lines than objects.
    expect(progress.length).toBeLessThan(60);
    expect(progress[0]).toEqual({ done: 0, bytes: 0, total: 120, totalBytes });
    expect(progress.at(-1)).toEqual({ done: 120, bytes: totalBytes, total: 120, totalBytes });
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
    }
    expect(await listKeys(s3, dst, 'nd/')).toHaveLength(120);
  });

  it('answers an error before the work starts as an ordinary error', async () => {
    await putMany(s3, src, ['nde/a.txt']);
    await putMany(s3, dst, ['nde/a.txt']);
    const res = await copyRequest(
      app,
      src,
      { prefix: 'nde/', to: { bucket: dst, prefix: 'nde/' } },
      ndjsonHeaders,
    );
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().code).toBe('DestinationExists');
  });

  it('reports per-key errors in the last line; the status stays 200', async () => {
    await putMany(s3, src, ['ndk/ok.txt']);
    const res = await copyRequest(
      app,
      src,
      { keys: ['ndk/ok.txt', 'ndk/missing.txt'], to: { bucket: dst, prefix: 'ndk/' } },
      ndjsonHeaders,
    );
    expect(res.statusCode).toBe(200);
    const { progress, result } = parseNdjson(res.payload);
    expect(progress[0]).toMatchObject({ done: 1, total: 2 });
    expect(result).toMatchObject({
      copied: 1,
      errors: [{ key: 'ndk/missing.txt', code: 'NoSuchKey' }],
    });
  });
});

describe('a client that goes away', () => {
  it('closing the stream after the first progress line stops a move: no object in both places', async () => {
    const keys = numbered('cancel/', 120);
    await putMany(s3, src, keys);
    const { slow, finished } = await slowApp(150);
    const port = await listenOnLoopback(slow);
    const received = await postThenHangUp(
      port,
      slow,
      { prefix: 'cancel/', to: { bucket: dst, prefix: 'cancel/' }, move: true },
      { accept: NDJSON },
      (r) => r.includes('"done"'),
    );
    expect(received).toContain('"total":120');
    const result = await finished();
    expect(result.cancelled).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.copied).toBeLessThan(40);
    const left = await listKeys(s3, src, 'cancel/');
    const moved = await listKeys(s3, dst, 'cancel/');
    expect(left.length + moved.length).toBe(120);
    expect(moved).toHaveLength(result.copied);
    expect(left.filter((k) => moved.includes(k))).toEqual([]);
  });

  it('a plain JSON request stops too when its client disconnects', async () => {
    const keys = numbered('cancel-json/', 120);
    await putMany(s3, src, keys);
    const { slow, finished } = await slowApp(150);
    const port = await listenOnLoopback(slow);
    let copies = 0;
    slow.objectStore.aroundSends(async (command, _input, send) => {
      if (command === 'CopyObject') copies += 1;
      return send();
    });
    // The client leaves once the work has started (a few copies sent), before any answer.
    const received = await postThenHangUp(
      port,
      slow,
      { prefix: 'cancel-json/', to: { bucket: dst, prefix: 'cancel-json/' } },
      {},
      () => false,
      until(() => copies >= 4, 'the first copies'),
    );
    expect(received).toBe('');
    const result = await finished();
    expect(result.cancelled).toBe(true);
    expect(result.copied).toBeLessThan(60);
    expect((await listKeys(s3, dst, 'cancel-json/')).length).toBe(result.copied);
  });
});
