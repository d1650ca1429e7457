import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import { partHead } from './multipart.js';

/**
 * An upload form streamed by hand to `POST /api/buckets/:bucket/upload` at `base`: `send(n)`
 * writes the next n bytes of the file and resolves once they are handed to the socket;
 * `finish()` writes the rest and the closing boundary. `answer` rejects when the connection
 * fails. A write also ends once the answer is in: a proxy that has already answered (its
 * upstream gone) may stop reading the body, and then the write would never be done.
 */
export function streamedUpload(
  base: string,
  bucket: string,
  key: string,
  file: Buffer,
  headers: Record<string, string> = {},
) {
  const boundary = `----streamed${randomBytes(6).toString('hex')}`;
  const head = Buffer.concat([
    partHead(boundary, { name: 'size' }),
    Buffer.from(`${file.length}\r\n`),
    partHead(boundary, { name: 'file', filename: 'f.bin', contentType: 'application/x-test' }),
  ]);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(base);
  const req = http.request({
    host: url.hostname,
    port: url.port,
    method: 'POST',
    path: `/api/buckets/${bucket}/upload?key=${encodeURIComponent(key)}`,
    headers: {
      ...headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + file.length + tail.length),
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const settled = answer.then(
    () => {},
    () => {},
  );
  let at = 0;
  const write = (b: Buffer) =>
    Promise.race([new Promise<void>((r) => req.write(b, () => r())), settled]);
  req.write(head);
  return {
    answer,
    async send(n: number) {
      await write(file.subarray(at, at + n));
      at += n;
    },
    async finish() {
      await write(file.subarray(at));
      req.end(tail);
    },
  };
}
