/**
 * The one place the benchmarks talk to the API. The API runs with STOWAGE_AUTH=off (see
 * harness.ts), so no session is needed; writes still carry the CSRF header.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';
import type { Api } from './harness.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function headers(): Record<string, string> {
  return { [CSRF_HEADER]: CSRF_HEADER_VALUE };
}

/** GET a JSON route of the API. */
export async function apiJson<T>(api: Api, pathAndQuery: string): Promise<T> {
  const res = await request(api, 'GET', pathAndQuery);
  const text = await readAll(res);
  if (res.statusCode !== 200) throw new Error(`GET ${pathAndQuery}: ${res.statusCode} ${text}`);
  return JSON.parse(text) as T;
}

/** GET a route and count its bytes without keeping them; returns the byte count. */
export async function apiDrain(api: Api, pathAndQuery: string): Promise<number> {
  const res = await request(api, 'GET', pathAndQuery);
  if (res.statusCode !== 200) throw new Error(`GET ${pathAndQuery}: ${res.statusCode}`);
  let bytes = 0;
  for await (const chunk of res) bytes += (chunk as Buffer).length;
  return bytes;
}

/**
 * GET an NDJSON route and hand each line to `onLine` as it arrives, with the milliseconds since
 * the request was sent; `onLine` answering true hangs up. Resolves with the lines' count.
 */
export async function apiLines(
  api: Api,
  pathAndQuery: string,
  onLine: (line: Record<string, unknown>, ms: number) => boolean | void,
): Promise<number> {
  const t = performance.now();
  const res = await request(api, 'GET', pathAndQuery);
  if (res.statusCode !== 200) {
    throw new Error(`GET ${pathAndQuery}: ${res.statusCode} ${await readAll(res)}`);
  }
  res.setEncoding('utf8');
  let rest = '';
  let lines = 0;
  for await (const chunk of res) {
    const ms = performance.now() - t;
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) {
      lines += 1;
      if (onLine(JSON.parse(p) as Record<string, unknown>, ms) === true) {
        res.destroy();
        return lines;
      }
    }
  }
  return lines;
}

/**
 * Uploads a file as the web app does (multipart/form-data: the size field, then the file),
 * streamed from disk with node:http — as lean a client as lib-storage's on the direct path.
 */
export async function apiUpload(
  api: Api,
  bucket: string,
  key: string,
  file: string,
  size: number,
): Promise<void> {
  const boundary = `----stowage-bench-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="size"\r\n\r\n${size}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${key}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(`/api/buckets/${bucket}/upload?key=${encodeURIComponent(key)}`, api.url);
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: {
        ...headers(),
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + size + tail.length),
      },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.write(head);
    const body = createReadStream(file, { highWaterMark: 1024 * 1024 });
    body.once('error', reject);
    body.on('end', () => req.end(tail));
    body.pipe(req, { end: false });
  });
  const text = await readAll(res);
  if (res.statusCode !== 200) throw new Error(`upload ${key}: ${res.statusCode} ${text}`);
}

/** POST a JSON body to the API and read its JSON answer. */
export async function apiPostJson<T>(api: Api, pathAndQuery: string, body: unknown): Promise<T> {
  const res = await request(api, 'POST', pathAndQuery, JSON.stringify(body));
  const text = await readAll(res);
  if (res.statusCode !== 200) throw new Error(`POST ${pathAndQuery}: ${res.statusCode} ${text}`);
  return JSON.parse(text) as T;
}

function request(api: Api, method: string, pathAndQuery: string, json?: string) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.request(new URL(pathAndQuery, api.url), {
      method,
      agent,
      headers:
        json === undefined ? headers() : { ...headers(), 'content-type': 'application/json' },
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end(json);
  });
}

async function readAll(res: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** GET a route into a file (as boto3's download_file writes one); returns the byte count. */
export async function apiDownloadToFile(
  api: Api,
  pathAndQuery: string,
  file: string,
): Promise<number> {
  const res = await request(api, 'GET', pathAndQuery);
  if (res.statusCode !== 200) throw new Error(`GET ${pathAndQuery}: ${res.statusCode}`);
  let bytes = 0;
  res.on('data', (c: Buffer) => (bytes += c.length));
  await pipeline(res, createWriteStream(file));
  return bytes;
}
