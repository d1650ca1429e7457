import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BufferBudget } from '../../src/upload/buffer-budget.js';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { exists, inProgressUploads, sdkCalls, sha256, storedSha, until } from '../fixtures.js';
import {
  FORM_END,
  FORM_TYPE,
  closeRawRequests,
  formHead,
  parseResponse,
  rawRequest,
  sleep,
  type RawExchange,
} from '../raw-exchange.js';

const MiB = 1024 * 1024;
/** STOWAGE_BODY_TIMEOUT_SECONDS, small for the test. */
const WINDOW_MS = 2000;
/** How late a cut may come: the watchdog looks every WINDOW_MS / 4, and the machine is busy. */
const LATE_MS = 1500;
const s3 = fixtureClient();
const budget = new BufferBudget(256 * MiB);
const logLines: string[] = [];
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString());
      cb();
    },
  });
  app = await build(
    {},
    { bodyTimeoutMs: WINDOW_MS, uploadBudget: budget, logger: { level: 'info', stream } },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  bucket = await createBucket(app, 'slow');
});
afterEach(closeRawRequests);
afterAll(() => app.close());

const uploadPath = (key: string) => `/api/buckets/${bucket}/upload?${q({ key })}`;
const startUpload = (key: string, contentLength: number) =>
  rawRequest(app, {
    method: 'POST',
    path: uploadPath(key),
    headers: { 'content-type': FORM_TYPE, 'content-length': contentLength },
  });

/** Sends one byte every `everyMs` until the connection closes. */
async function trickle(req: RawExchange, everyMs: number) {
  let open = true;
  void req.closed.then(() => (open = false));
  while (open) {
    await sleep(everyMs);
    if (open) await req.send('x');
  }
}

/** When the connection closed, or undefined if it is still open after `ms`. */
const closedWithin = (req: RawExchange, ms: number) =>
  Promise.race([req.closed, sleep(ms).then(() => undefined)]);

/** The server's 408, then the connection closed: how long after `from` it closed. */
async function expectCutOff(req: RawExchange, from: number) {
  const closed = await closedWithin(req, from + WINDOW_MS + LATE_MS + 1000 - Date.now());
  expect(closed, 'the connection is still open').toBeDefined();
  const { at, data } = closed!;
  const res = parseResponse(data);
  expect(res?.status).toBe(408);
  // Written straight to the socket, with the security headers every answer carries.
  expect(res!.head).toMatch(/\r\ncontent-security-policy: default-src 'self'/i);
  expect(res!.head).toMatch(/\r\ncache-control: no-store\r\n/i);
  expect(JSON.parse(res!.body)).toEqual({
    statusCode: 408,
    code: 'RequestTimeout',
    error: 'Request Timeout',
    message: `The request body stalled: less than 1 KiB arrived in ${WINDOW_MS / 1000} s of waiting; the connection was closed`,
    requestId: expect.any(String),
  });
  const ms = at - from;
  expect(ms).toBeGreaterThanOrEqual(WINDOW_MS - 500);
  expect(ms).toBeLessThanOrEqual(WINDOW_MS + LATE_MS);
  return ms;
}

const stalledLogged = () => logLines.filter((l) => l.includes('The request body stalled')).length;

describe('a body that stalls is cut off after one window', () => {
  it.each([
    ['trickles one byte every 0.5 s', true],
    ['sends nothing more', false],
  ])(
    'an upload with a part already in the store that then %s: 408, closed, aborted, released',
    async (label, trickles) => {
      const key = `stall/${label.replaceAll(' ', '-')}.bin`;
      const calls = sdkCalls(app.objectStore);
      const logged = stalledLogged();
      const req = startUpload(key, 20 * MiB + 1024);
      await req.send(formHead({ size: String(20 * MiB) }));
      // Over one 8 MiB part: the multipart upload has begun when the client falters.
      for (let i = 0; i < 9; i++) await req.send(randomBytes(MiB));
      const from = Date.now();
      if (trickles) void trickle(req, 500);
      const ms = await expectCutOff(req, from);
      console.log(`${label}: cut off ${ms} ms after the last full-speed byte`);

      await until(() => budget.reservedBytes === 0, 'the upload to release its budget');
      await until(
        () => calls.some((c) => c.command === 'AbortMultipartUpload' && c.status !== undefined),
        'the multipart upload to be aborted',
      );
      expect(calls.map((c) => c.command)).toContain('UploadPart');
      expect(calls.map((c) => c.command)).not.toContain('CompleteMultipartUpload');
      // s3rver aborts too (patches/s3rver: its parts' folder is removed).
      const abort = calls.find((c) => c.command === 'AbortMultipartUpload');
      expect(abort?.status).toBe(204);
      expect(await exists(s3, bucket, key)).toBe(false);
      if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);
      await until(() => stalledLogged() > logged, 'the stall to be logged');
    },
  );

  it('an upload whose client stops in the middle of the form fields', async () => {
    const req = startUpload('stall/fields.bin', 10_000);
    const head = formHead({ contentType: 'text/plain', size: '5000' });
    await req.send(head.subarray(0, 60));
    await expectCutOff(req, Date.now());
    expect(budget.reservedBytes).toBe(0);
    expect(await exists(s3, bucket, 'stall/fields.bin')).toBe(false);
  });

  it('a JSON body (delete many) trickling one byte every 0.5 s', async () => {
    await app.objectStore.putObject({ bucket, key: 'keep/me.txt', body: 'still here' });
    const req = rawRequest(app, {
      method: 'POST',
      path: `/api/buckets/${bucket}/delete`,
      headers: { 'content-type': 'application/json', 'content-length': 200 },
    });
    const from = Date.now();
    await req.send('{"keys":["keep/me.txt"');
    void trickle(req, 500);
    await expectCutOff(req, from);
    expect(await exists(s3, bucket, 'keep/me.txt')).toBe(true);
    const health = await app.injectRaw('/api/health');
    expect(health.statusCode).toBe(200);
  });

  it('a body the server answered early (401: no session) and the client then trickles', async () => {
    const req = rawRequest(app, {
      method: 'POST',
      path: uploadPath('stall/no-session.bin'),
      headers: {
        cookie: '',
        'content-type': FORM_TYPE,
        'content-length': 100_000,
      },
    });
    const from = Date.now();
    await req.send(formHead());
    void trickle(req, 500);
    const closed = await closedWithin(req, WINDOW_MS + LATE_MS + 1000);
    expect(closed, 'the connection is still open').toBeDefined();
    const { at, data } = closed!;
    // The 401 went out at once; Node then reads the rest to nowhere, kept alive, until the
    // watchdog closes the connection.
    expect(parseResponse(data)?.status).toBe(401);
    expect(at - from).toBeGreaterThanOrEqual(WINDOW_MS - 500);
    expect(at - from).toBeLessThanOrEqual(WINDOW_MS + LATE_MS);
  });
});

describe('what the watchdog leaves to Node', () => {
  it('slow or missing request headers: Node’s headersTimeout (60 s), with no overall request limit', () => {
    // Fastify sets requestTimeout to 0 after creating the server, so Node's headersTimeout keeps
    // its default (measured: a silent connection, and headers trickled every 5 s, get a 408 and
    // are closed after 60 s). The watchdog only sees requests whose headers have arrived.
    expect(app.server.headersTimeout).toBe(60_000);
    expect(app.server.requestTimeout).toBe(0);
  });
});

describe('a slow but live body is not cut off', () => {
  it('an upload of 64 KiB every 200 ms for three windows arrives whole', async () => {
    const chunks = Array.from({ length: 30 }, () => randomBytes(64 * 1024));
    const file = Buffer.concat(chunks);
    const head = formHead({ size: String(file.length) });
    const req = startUpload('live/slow.bin', head.length + file.length + FORM_END.length);
    const started = Date.now();
    await req.send(head);
    for (const chunk of chunks) {
      await sleep(200);
      await req.send(chunk);
    }
    await req.send(FORM_END);
    const res = await req.response();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThan(3 * WINDOW_MS);
    expect(JSON.parse(res.body)).toMatchObject({ key: 'live/slow.bin', size: file.length });
    expect(await storedSha(s3, bucket, 'live/slow.bin')).toBe(sha256(file));
  });
});

describe('a download to a client that stops reading', () => {
  // The store's socket idles once the client's socket is full: the SDK gives up after the
  // store timeout (STOWAGE_S3_REQUEST_TIMEOUT_MS, 1.5 s here) and the answer is cut short.
  let timed: TestApp;
  beforeAll(async () => {
    timed = await build({ requestTimeoutMs: 1500 });
    await timed.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => timed.close());
  const connections = () =>
    new Promise<number>((resolve, reject) =>
      timed.server.getConnections((err, n) => (err ? reject(err) : resolve(n))),
    );

  it('is ended by the store timeout, not held open', async () => {
    // Written by another client: the app's own has the short timeout under test.
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'big/download.bin',
        Body: randomBytes(64 * MiB),
      }),
    );
    const req = rawRequest(timed, {
      method: 'GET',
      path: `/api/buckets/${bucket}/object/content?${q({ key: 'big/download.bin', download: 1 })}`,
      headers: {},
    });
    req.socket.pause();
    await until(async () => (await connections()) === 1, 'the download to start');
    const started = Date.now();
    await until(
      async () => (await connections()) === 0,
      'the server to close the download',
      15_000,
    );
    const ms = Date.now() - started;
    console.log(`download to a client that stopped reading: closed after ${ms} ms`);
    expect(ms).toBeLessThan(1500 + 5000);
  });
});
