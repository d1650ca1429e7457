import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createBucket, fixtureClient, onEmbedded, q, type TestApp } from '../helper.js';
import { exists, inProgressUploads, sdkCalls, until } from '../fixtures.js';
import { partHead } from '../multipart.js';

const MiB = 1024 * 1024;
const s3 = fixtureClient();
let app: TestApp;
let base: string;
let bucket: string;

beforeAll(async () => {
  app = await build({}, { maxUploadBytes: 64 * MiB });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  bucket = await createBucket(app, 'cancel');
});
afterAll(() => app.close());

const boundary = 'stowage-cancel-test';
const uploadPath = (key: string) => `/api/buckets/${bucket}/upload?${q({ key })}`;

/** Starts a real HTTP upload; the caller writes the file and ends (or destroys) it. */
function startUpload(key: string, fields: Record<string, string> = {}, to = { app, base }) {
  const req = http.request(`${to.base}${uploadPath(key)}`, {
    method: 'POST',
    headers: {
      ...to.app.sessionHeaders,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  for (const [name, value] of Object.entries(fields)) {
    req.write(partHead(boundary, { name }));
    req.write(`${value}\r\n`);
  }
  req.write(partHead(boundary, { name: 'file', filename: 'big.bin' }));
  return { req, response };
}

/** Writes `bytes` of random data, respecting backpressure, unless `stop()` says otherwise. */
async function writeFile(req: http.ClientRequest, bytes: number, stop = () => false) {
  const chunk = randomBytes(256 * 1024);
  for (let sent = 0; sent < bytes && !stop(); sent += chunk.length) {
    const n = Math.min(chunk.length, bytes - sent);
    if (!req.write(chunk.subarray(0, n))) {
      await new Promise<void>((resolve) => {
        req.once('drain', resolve);
        req.once('close', resolve);
      });
    }
  }
}

describe('an upload the client abandons', () => {
  it('is aborted: no object, no multipart upload left, and the app keeps serving', async () => {
    const calls = sdkCalls(app.objectStore);
    const partSent = () => calls.some((c) => c.command === 'UploadPart' && c.status === 200);
    const { req, response } = startUpload('cancel/big.bin');
    response.catch(() => {}); // the request is destroyed: no response is expected
    // Stream until the store has taken a whole part, then vanish mid-file.
    await writeFile(req, 48 * MiB, partSent);
    expect(partSent()).toBe(true);
    req.destroy();

    await until(
      () => calls.some((c) => c.command === 'AbortMultipartUpload' && c.status !== undefined),
      'the app to abort the multipart upload',
    );
    const abort = calls.find((c) => c.command === 'AbortMultipartUpload');
    // s3rver aborts too (patches/s3rver: its parts' folder is removed).
    expect(abort?.status).toBe(204);
    expect(calls.map((c) => c.command)).not.toContain('CompleteMultipartUpload');
    expect(await exists(s3, bucket, 'cancel/big.bin')).toBe(false);
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});

describe('refusals over a real connection', () => {
  it('a file over the limit gets its 413 once the request is read', async () => {
    const { req, response } = startUpload('cancel/over.bin');
    await writeFile(req, 65 * MiB);
    req.end(`\r\n--${boundary}--\r\n`);
    const res = await response;
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).message).toBe(
      `The file is larger than the upload limit of ${64 * MiB} bytes; nothing was stored`,
    );
    expect(await exists(s3, bucket, 'cancel/over.bin')).toBe(false);
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);
  });

  it('a bad field before a big file gets its 400, and the connection is not left hanging', async () => {
    const { req, response } = startUpload('cancel/bad.bin', { colour: 'red' });
    await writeFile(req, 12 * MiB);
    req.end(`\r\n--${boundary}--\r\n`);
    const res = await response;
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toMatch(/^Unknown form field "colour"/);
    expect(await exists(s3, bucket, 'cancel/bad.bin')).toBe(false);
  });

  it('a complete upload over the same server works', async () => {
    const { req, response } = startUpload('cancel/ok.bin', { size: String(3 * MiB) });
    await writeFile(req, 3 * MiB);
    req.end(`\r\n--${boundary}--\r\n`);
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ key: 'cancel/ok.bin', size: 3 * MiB });
  });
});

describe('uploads beyond the memory budget', () => {
  // A budget of 40 MiB holds one upload of 8 MiB parts (4 in flight + 1 filling).
  let small: TestApp;
  let smallBase: string;
  beforeAll(async () => {
    small = await build({}, { uploadBufferBytes: 40 * MiB });
    await small.listen({ port: 0, host: '127.0.0.1' });
    smallBase = `http://127.0.0.1:${(small.server.address() as AddressInfo).port}`;
  });
  afterAll(() => small.close());
  const to = () => ({ app: small, base: smallBase });
  const end = (req: http.ClientRequest) => req.end(`\r\n--${boundary}--\r\n`);
  const settled = async <T>(p: Promise<T>, ms: number) =>
    Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

  it('wait their turn, unread, and then all arrive whole', async () => {
    const first = startUpload('budget/first.bin', { size: String(2 * MiB) }, to());
    await writeFile(first.req, 1 * MiB);
    const second = startUpload('budget/second.bin', { size: String(2 * MiB) }, to());
    await writeFile(second.req, 2 * MiB);
    end(second.req);
    // The first still streams: the second is held back, whole as it is on the wire.
    expect(await settled(second.response, 1500)).toBe(false);
    expect(await exists(s3, bucket, 'budget/second.bin')).toBe(false);

    await writeFile(first.req, 1 * MiB);
    end(first.req);
    const [a, b] = await Promise.all([first.response, second.response]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(JSON.parse(b.body)).toMatchObject({ key: 'budget/second.bin', size: 2 * MiB });
    expect(await exists(s3, bucket, 'budget/second.bin')).toBe(true);
  });

  it('a client that leaves while waiting gives up its place', async () => {
    const first = startUpload('budget/holder.bin', { size: String(2 * MiB) }, to());
    await writeFile(first.req, 1 * MiB);
    const leaver = startUpload('budget/leaver.bin', { size: String(2 * MiB) }, to());
    leaver.response.catch(() => {});
    await writeFile(leaver.req, 1 * MiB);
    await new Promise((r) => setTimeout(r, 300));
    leaver.req.destroy();
    const third = startUpload('budget/third.bin', { size: String(1 * MiB) }, to());
    await writeFile(third.req, 1 * MiB);
    end(third.req);

    await writeFile(first.req, 1 * MiB);
    end(first.req);
    expect((await first.response).status).toBe(200);
    expect((await third.response).status).toBe(200);
    expect(await exists(s3, bucket, 'budget/leaver.bin')).toBe(false);
  });
});
