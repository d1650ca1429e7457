/**
 * boto3's transfer manager with its defaults (TransferConfig(): 10 threads, 8 MiB parts): the
 * seed's own client, run as `python3 tools/bench/python/boto3_transfer.py` (Debian's
 * python3-boto3). Its time is measured inside Python, around upload_file / download_file only.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { root, type Store } from './harness.js';

const run = promisify(execFile);
const script = path.join(root, 'tools/bench/python/boto3_transfer.py');

export interface Boto3Run {
  seconds: number;
  /** CPU seconds of the Python process during the transfer. */
  cpu: number;
}

export async function boto3Transfer(
  store: Store,
  op: 'upload' | 'download',
  bucket: string,
  key: string,
  file: string,
): Promise<Boto3Run> {
  const { stdout } = await run('python3', [script, op, store.endpoint, bucket, key, file], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: store.accessKeyId,
      AWS_SECRET_ACCESS_KEY: store.secretAccessKey,
    },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Boto3Run;
}
