import { randomBytes } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { folderZipUrl } from '@stowage/shared';
import { build, createBucket, fixtureClient, testStoreConfig, type TestApp } from '../helper.js';
import { sdkCalls, until } from '../fixtures.js';
import { startFaultProxy } from '../fault-proxy.js';
import { listenOnLoopback } from '../raw-http.js';
import { closeRawRequests, rawRequest, sleep } from '../raw-exchange.js';
import { download, putAll, readZip } from '../zip-client.js';

const MiB = 1024 * 1024;
/** Members much bigger than the socket buffers between the store, the API and the client. */
const MEMBERS = 12;
const MEMBER_BYTES = 4 * MiB;
const s3 = fixtureClient();
const logLines: string[] = [];
let app: TestApp;
let port: number;
let bucket: string;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString());
      cb();
    },
  });
  app = await build({}, { logger: { level: 'info', stream } });
  port = await listenOnLoopback(app);
  bucket = await createBucket(app, 'zipstream');
  const objects: Record<string, Buffer> = {};
  for (let i = 0; i < MEMBERS; i++)
    objects[`big/${String(i).padStart(2, '0')}.bin`] = randomBytes(MEMBER_BYTES);
  for (let i = 0; i < 5; i++) objects[`small/${i}.txt`] = Buffer.from(`small ${i}`);
  await putAll(s3, bucket, objects);
}, 120_000);
afterEach(closeRawRequests);
afterAll(() => app.close());

const getObjects = (calls: { command: string }[]) =>
  calls.filter((c) => c.command === 'GetObject').length;

const startDownload = (prefix: string) =>
  rawRequest(app, { method: 'GET', path: folderZipUrl(bucket, prefix), headers: {} });

describe('a client that reads slowly or goes away', () => {
  it('holds the store back while the client does not read (backpressure)', async () => {
    const calls = sdkCalls(app.objectStore);
    const req = startDownload('big/');
    req.socket.pause();
    // Let the pipes between the store and the paused client fill up, then watch them stay full.
    await sleep(1500);
    const started = getObjects(calls);
    await sleep(1500);
    expect(getObjects(calls)).toBe(started);
    // Kernel and stream buffers hold a few MiB, not the 48 MiB folder.
    expect(started).toBeLessThanOrEqual(4);
    console.log(`paused client: ${started} of ${MEMBERS} GetObjects started`);
    req.socket.resume();
    // Then it reads on to the end of the chunked answer: every member was sent.
    await until(() => req.received().subarray(-5).toString() === '0\r\n\r\n', 'the whole zip');
    expect(getObjects(calls)).toBe(MEMBERS);
    expect(req.received().length).toBeGreaterThan(MEMBERS * MEMBER_BYTES);
  });

  it('stops sending GetObjects when the client disconnects mid-download', async () => {
    const calls = sdkCalls(app.objectStore);
    const req = startDownload('big/');
    await until(() => req.received().length > MiB, 'the first MiB');
    req.socket.destroy();
    await until(() => logLines.some((l) => l.includes('the client went away')), 'the log line');
    const atClose = getObjects(calls);
    await sleep(1000);
    expect(getObjects(calls)).toBe(atClose);
    expect(atClose).toBeLessThan(MEMBERS);
  });
});

describe('a store that fails', () => {
  it('after the first byte: the answer is cut off, not a zip that looks whole, and logged', async () => {
    // The third member's body breaks halfway, as a connection to the store that drops.
    let seen = 0;
    const undo = app.objectStore.aroundSends(async (command, _input, send) => {
      const out = (await send()) as { Body?: NodeJS.ReadableStream };
      if (command !== 'GetObject' || ++seen !== 3) return out;
      const broken = new PassThrough();
      let passed = 0;
      out.Body!.on('data', (chunk: Buffer) => {
        passed += chunk.length;
        if (passed < MEMBER_BYTES / 2) broken.write(chunk);
        else broken.destroy(new Error('connection to the store dropped'));
      });
      return { ...out, Body: broken };
    });
    try {
      const logged = logLines.length;
      const res = await download(port, {
        path: folderZipUrl(bucket, 'big/'),
        headers: { ...app.sessionHeaders },
      });
      expect(res.status).toBe(200);
      expect(res.complete).toBe(false);
      expect(res.body.length).toBeGreaterThan(2 * MEMBER_BYTES);
      expect(res.body.length).toBeLessThan(3 * MEMBER_BYTES);
      expect(readZip(res.body)).toMatchObject({ ok: false });
      const failed = logLines.slice(logged).find((l) => l.includes('zip download failed'));
      expect(failed).toContain('big/02.bin');
    } finally {
      undo();
    }
  });

  it('an object deleted between the listing and its turn: cut off', async () => {
    await putAll(s3, bucket, { 'gone/a.bin': randomBytes(MiB), 'gone/b.bin': randomBytes(MiB) });
    const undo = app.objectStore.aroundSends(async (command, input, send) => {
      // Once the first member is being read, a colleague deletes the second.
      if (command === 'GetObject' && input.Key === 'gone/a.bin') {
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'gone/b.bin' }));
      }
      return send();
    });
    try {
      const res = await download(port, {
        path: folderZipUrl(bucket, 'gone/'),
        headers: { ...app.sessionHeaders },
      });
      expect(res.status).toBe(200);
      expect(res.complete).toBe(false);
      expect(readZip(res.body)).toMatchObject({ ok: false });
      expect(
        logLines.some((l) => l.includes('zip download failed') && l.includes('gone/b.bin')),
      ).toBe(true);
    } finally {
      undo();
    }
  });

  it('before the first byte: the ordinary JSON error', async () => {
    const proxy = await startFaultProxy(testStoreConfig().endpoint!);
    const broken = await build({ endpoint: proxy.endpoint, maxAttempts: 2 });
    try {
      const brokenPort = await listenOnLoopback(broken);
      proxy.plan(['503', '503'], (r) => r.method === 'GET' && r.url.includes('x-id=GetObject'));
      const res = await download(brokenPort, {
        path: folderZipUrl(bucket, 'small/'),
        headers: { ...broken.sessionHeaders },
      });
      expect(res.status).toBe(503);
      expect(res.complete).toBe(true);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(res.body.toString())).toMatchObject({ code: 'StoreBusy' });
      expect(proxy.seen.filter((r) => r.fault === '503')).toHaveLength(2);
    } finally {
      await broken.close();
      await proxy.close();
    }
  });
});
