import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import pMap from 'p-map';

/** Debian's python3 (as boto3-interop.test.ts): its zipfile is the outside reader. */
const python = '/usr/bin/python3';
const zipCheck = fileURLToPath(new URL('./python/zip_check.py', import.meta.url));

export interface Download {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** False when the connection ended before the whole answer (a cut-off chunked body). */
  complete: boolean;
}

/** One request over real HTTP to the listening app, its answer read whole (or cut off). */
export function download(
  port: number,
  req: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Download> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path,
        headers: req.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => {});
        res.on('close', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            complete: res.complete,
          }),
        );
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

export interface ZipMemberSeen {
  name: string;
  isDir: boolean;
  utf8: boolean;
  stored: boolean;
  size: number;
  sha256: string;
  dateTime: number[];
  zip64Extra: boolean;
}

export type ZipSeen =
  | {
      ok: true;
      members: ZipMemberSeen[];
      testzip: string | null;
      zip64: { eocd: boolean; locator: boolean };
    }
  | { ok: false; error: string };

/** What Python's zipfile reads in these bytes (test/python/zip_check.py). */
export function readZip(bytes: Buffer): ZipSeen {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-zip-'));
  try {
    const file = path.join(dir, 'download.zip');
    writeFileSync(file, bytes);
    const out = execFileSync(python, [zipCheck, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(out) as ZipSeen;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes objects with a plain client, a few at a time. */
export async function putAll(s3: S3Client, bucket: string, objects: Record<string, Buffer>) {
  await pMap(
    Object.entries(objects),
    ([key, body]) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body })),
    { concurrency: 16 },
  );
}
