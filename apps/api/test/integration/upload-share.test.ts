import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BufferBudget } from '../../src/upload/buffer-budget.js';
import { build, createBucket, fixtureClient, q, type TestApp } from '../helper.js';
import { exists, sha256, storedSha, until } from '../fixtures.js';
import {
  FORM_END,
  FORM_TYPE,
  closeRawRequests,
  formHead,
  parseResponse,
  rawRequest,
  sleep,
  wholeForm,
} from '../raw-exchange.js';

const MiB = 1024 * 1024;
const TiB = 1024 ** 4;
const s3 = fixtureClient();
/** The default budget (256 MiB), held by the test so it can see what uploads reserve. */
const budget = new BufferBudget(256 * MiB);
let app: TestApp;
let bucket: string;

beforeAll(async () => {
  app = await build({}, { uploadBudget: budget });
  await app.listen({ port: 0, host: '127.0.0.1' });
  bucket = await createBucket(app, 'share');
});
afterEach(closeRawRequests);
afterAll(() => app.close());

const uploadPath = (key: string) => `/api/buckets/${bucket}/upload?${q({ key })}`;

/** A whole upload on its own connection; resolves with the answer and how long it took. */
async function smallUpload(target: TestApp, key: string, file: Buffer) {
  const form = wholeForm(file, { size: String(file.length) });
  const started = Date.now();
  const req = rawRequest(target, {
    method: 'POST',
    path: `/api/buckets/${bucket}/upload?${q({ key })}`,
    headers: { 'content-type': FORM_TYPE, 'content-length': form.length, connection: 'close' },
  });
  await req.send(form);
  const res = await req.response();
  return { ...res, ms: Date.now() - started };
}

describe('one upload declaring 5 TiB', () => {
  it('reserves only its share of the budget, and a small upload beside it is taken at once', async () => {
    const staller = rawRequest(app, {
      method: 'POST',
      path: uploadPath('share/huge.bin'),
      headers: { 'content-type': FORM_TYPE, 'content-length': 5 * TiB + 1024 },
    });
    // The fields, the file part's head and a few bytes of the file: then nothing.
    await staller.send(formHead({ size: String(5 * TiB) }));
    await staller.send(randomBytes(1000));
    await until(() => budget.reservedBytes > 0, 'the 5 TiB upload to reserve its memory');
    // A quarter of the 256 MiB budget, not the whole of it (2 × 611 MiB parts, capped).
    expect(budget.reservedBytes).toBe(64 * MiB);

    const file = randomBytes(3 * MiB);
    const small = await smallUpload(app, 'share/small.bin', file);
    expect(small.status).toBe(200);
    // Not queued behind the staller: it goes straight through (a few hundred ms here).
    expect(small.ms).toBeLessThan(5000);
    expect(JSON.parse(small.body)).toMatchObject({ key: 'share/small.bin', size: file.length });
    expect(await storedSha(s3, bucket, 'share/small.bin')).toBe(sha256(file));
    expect(budget.reservedBytes).toBe(64 * MiB);

    staller.socket.destroy();
    await until(() => budget.reservedBytes === 0, 'the staller to give its share back');
    expect(await exists(s3, bucket, 'share/huge.bin')).toBe(false);
  });
});

describe('with the budget held by another upload', () => {
  // 40 MiB: one upload of 8 MiB parts takes all of it. A short body timeout, so a wait of
  // several windows would be cut if it counted.
  const WINDOW_MS = 1000;
  const full = new BufferBudget(40 * MiB);
  let small: TestApp;
  beforeAll(async () => {
    small = await build({}, { uploadBudget: full, bodyTimeoutMs: WINDOW_MS });
    await small.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => small.close());

  it('an upload waiting for its turn is not cut off while it waits, and then completes', async () => {
    // The holder: a slow but live upload, 64 KiB every 200 ms for about three windows.
    const holderChunks = Array.from({ length: 16 }, () => randomBytes(64 * 1024));
    const holderFile = Buffer.concat(holderChunks);
    const holderHead = formHead({ size: String(holderFile.length) });
    const holder = rawRequest(small, {
      method: 'POST',
      path: uploadPath('wait/holder.bin'),
      headers: {
        'content-type': FORM_TYPE,
        'content-length': holderHead.length + holderFile.length + FORM_END.length,
      },
    });
    // (busboy sees a part's head only once bytes of the part follow it)
    await holder.send(Buffer.concat([holderHead, holderChunks[0]!]));
    await until(() => full.reservedBytes === 40 * MiB, 'the holder to reserve the budget');

    // The waiter sends its fields and the first 2 KiB of its file, then nothing until the
    // holder is done: its request flows (too little to fill any buffer) and gets no byte.
    const file = randomBytes(256 * 1024);
    const head = formHead({ size: String(file.length) });
    const waiter = rawRequest(small, {
      method: 'POST',
      path: uploadPath('wait/waiter.bin'),
      headers: {
        'content-type': FORM_TYPE,
        'content-length': head.length + file.length + FORM_END.length,
      },
    });
    await waiter.send(Buffer.concat([head, file.subarray(0, 2048)]));
    let waiterClosed = false;
    void waiter.closed.then(() => (waiterClosed = true));

    for (const chunk of holderChunks.slice(1)) {
      await sleep(200);
      await holder.send(chunk);
    }
    await holder.send(FORM_END);
    expect((await holder.response()).status).toBe(200);
    // The waiter waited three windows without a byte, and is still there.
    expect(waiterClosed).toBe(false);
    await waiter.send(Buffer.concat([file.subarray(2048), FORM_END]));
    const res = await waiter.response();
    expect(res.status).toBe(200);
    expect(await storedSha(s3, bucket, 'wait/waiter.bin')).toBe(sha256(file));
    expect(await storedSha(s3, bucket, 'wait/holder.bin')).toBe(sha256(holderFile));
    await until(() => full.reservedBytes === 0, 'both uploads to release the budget');
  });

  it('a small upload whose whole body is sent waits for the budget, then answers 200', async () => {
    // The staller takes the whole budget, sends a little of its file and then nothing.
    const staller = rawRequest(small, {
      method: 'POST',
      path: uploadPath('wait/staller.bin'),
      headers: { 'content-type': FORM_TYPE, 'content-length': MiB + 1024 },
    });
    await staller.send(Buffer.concat([formHead({ size: String(MiB) }), randomBytes(1000)]));
    await until(() => full.reservedBytes === 40 * MiB, 'the staller to reserve the budget');

    // The whole small form is sent, and read (busboy holds its file part) while it waits: its
    // request stream ends, and on Node 20 emits 'close', which is no reason to give up.
    const file = randomBytes(1000);
    const res = await smallUpload(small, 'wait/small.bin', file);
    expect(res.status, res.body).toBe(200);
    // It got its turn when the watchdog cut the staller off, about one window later.
    const cut = await staller.closed;
    expect(parseResponse(cut.data)?.status).toBe(408);
    expect(res.ms).toBeGreaterThanOrEqual(WINDOW_MS - 500);
    console.log(`small upload behind a staller: answered after ${res.ms} ms`);
    expect(JSON.parse(res.body)).toMatchObject({ key: 'wait/small.bin', size: file.length });
    expect(await storedSha(s3, bucket, 'wait/small.bin')).toBe(sha256(file));
    expect(await exists(s3, bucket, 'wait/staller.bin')).toBe(false);
    await until(() => full.reservedBytes === 0, 'the budget to be free again');
  });

  it('a waiting client that leaves gives up its place at once', async () => {
    const staller = rawRequest(small, {
      method: 'POST',
      path: uploadPath('wait/staller2.bin'),
      headers: { 'content-type': FORM_TYPE, 'content-length': MiB + 1024 },
    });
    await staller.send(Buffer.concat([formHead({ size: String(MiB) }), randomBytes(1000)]));
    await until(() => full.reservedBytes === 40 * MiB, 'the staller to reserve the budget');
    const form = wholeForm(randomBytes(1000));
    const leaver = rawRequest(small, {
      method: 'POST',
      path: uploadPath('wait/leaver.bin'),
      headers: { 'content-type': FORM_TYPE, 'content-length': form.length },
    });
    await leaver.send(form);
    await until(() => full.waiting === 1, 'the leaver to wait for the budget');
    leaver.socket.destroy();
    // Seen from its response's socket, well before the staller is cut off.
    const left = Date.now();
    await until(() => full.waiting === 0, 'the leaver to give up its place');
    expect(Date.now() - left).toBeLessThan(WINDOW_MS / 2);
    expect(full.reservedBytes).toBe(40 * MiB);
    await staller.closed;
    await until(() => full.reservedBytes === 0, 'the budget to be free again');
    expect(await exists(s3, bucket, 'wait/leaver.bin')).toBe(false);
  });
});
