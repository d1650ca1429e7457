import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type BuiltServer } from '../built-server.js';
import { exists, inProgressUploads, sha256, storedSha } from '../fixtures.js';
import { fixtureClient, onEmbedded } from '../helper.js';
import { streamedUpload } from '../streamed-upload.js';
import { parseResponse } from '../raw-http.js';

const MiB = 1024 ** 2;

/** A request whose head is not finished yet: the connection is busy, not idle. */
function pendingRequest(port: number, path: string) {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve, reject) => {
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
  const written = new Promise<void>((r) =>
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, () => r()),
  );
  return {
    written,
    /** Ends the head: the server answers now. */
    async complete() {
      socket.write('\r\n');
      return parseResponse(await ended);
    },
  };
}

/** Whether a new connection to the port is refused (the listener closed). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.on('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

async function until(what: string, test: () => Promise<boolean>, ms = 15_000) {
  for (const end = Date.now() + ms; !(await test());) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('graceful restart (SIGTERM) of the built server', () => {
  let s3: S3Client;
  let bucket: string;
  const servers: BuiltServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startBuiltServer(env);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    s3 = fixtureClient();
    bucket = `t-drain-${randomBytes(4).toString('hex')}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  afterAll(async () => {
    for (const server of servers) await server.dispose();
    s3.destroy();
  });

  it('reports not-ready at once, refuses new connections, finishes the upload in flight, exits 0', async () => {
    const server = await start({ STOWAGE_DRAIN_SECONDS: '30' });
    const ready = await fetch(`${server.base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });

    const file = randomBytes(20 * MiB);
    const upload = streamedUpload(`http://127.0.0.1:${server.port}`, bucket, 'in-flight.bin', file);
    await upload.send(4 * MiB);
    const probe = pendingRequest(server.port, '/api/ready');
    await probe.written;

    server.proc.kill('SIGTERM');
    const answer = await probe.complete();
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ ready: false, reason: 'draining' });
    expect(answer.headers.connection).toBe('close');
    await until('the listener to close', () => refused(server.port));

    // The upload still running goes on to the end and is stored whole.
    await upload.finish();
    const done = await upload.answer;
    expect(done.status, done.body).toBe(200);
    expect(JSON.parse(done.body)).toMatchObject({ key: 'in-flight.bin', size: file.length });
    expect(await storedSha(s3, bucket, 'in-flight.bin')).toBe(sha256(file));
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: stopped');
    expect(server.output()).not.toContain('drain time over');
  }, 90_000);

  it('cuts a request still running after the drain time and aborts its multipart upload', async () => {
    const token = 'metrics-token-0123456789';
    const server = await start({ STOWAGE_DRAIN_SECONDS: '1', STOWAGE_METRICS_TOKEN: token });
    const file = randomBytes(24 * MiB);
    const upload = streamedUpload(`http://127.0.0.1:${server.port}`, bucket, 'cut.bin', file);
    // More than one 8 MiB part: the API has started a multipart upload.
    await upload.send(12 * MiB);
    const created = async () => {
      const text = await fetch(`${server.base}/metrics`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.text());
      return /stowage_s3_requests_total\{operation="UploadPart",code="ok"\} [1-9]/.test(text);
    };
    await until('a part of the multipart upload stored', created);
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual(['cut.bin']);

    // The client stalls: the upload outlives the drain time.
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const outcome = await upload.answer.then(
      (r) => `answered ${r.status}`,
      () => 'cut',
    );
    expect(outcome).not.toBe('answered 200');
    expect(server.output()).toContain('drain time over; 1 upload(s) aborted');
    expect(await exists(s3, bucket, 'cut.bin')).toBe(false);
    // s3rver has no ListMultipartUploads (fixtures.ts): the log line above is the check there.
    if (!onEmbedded) expect(await inProgressUploads(s3, bucket)).toEqual([]);
  }, 90_000);
});
