/**
 * Upload benchmark (`pnpm bench`): a large file through the API against a direct lib-storage
 * upload to the same store, and the API's peak RSS for a small and a large upload.
 * Prints figures; it asserts nothing. Usage:
 *   pnpm bench [-- --store embedded|ceph] [--size-mib 1024] [--small-mib 64]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createReadStream,
  mkdtempSync,
  openAsBlob,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCephRgw } from '../test/ceph-rgw.js';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@stowage/shared';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    store: { type: 'string', default: 'embedded' },
    'size-mib': { type: 'string', default: '1024' },
    'small-mib': { type: 'string', default: '64' },
  },
});
const MiB = 1024 * 1024;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const serverJs = path.join(root, 'apps/api/dist/server.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'stowage-bench-'));
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

interface Store {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): void;
}

function startStore(kind: string): Store {
  if (kind === 'ceph') {
    return startCephRgw({
      ...env,
      CEPH_STATE_DIR: path.join(work, 'ceph'),
      CEPH_RGW_PORT: '7490',
      CEPH_MON_PORT: '3310',
      CEPH_MON_V1_PORT: '6799',
    });
  }
  // The embedded store runs as the API's own child (as with `npm start`): no endpoint here;
  // startApi reads the one the API prints.
  return { endpoint: '', accessKeyId: '', secretAccessKey: '', stop: () => {} };
}

/** Starts the built API; resolves with its URL and pid once it listens. */
async function startApi(
  store: Store,
  dataDir: string,
): Promise<{ url: string; proc: ChildProcess }> {
  const apiEnv: NodeJS.ProcessEnv = {
    ...env,
    PORT: '0',
    LOG_LEVEL: 'warn',
    STOWAGE_DATA_DIR: dataDir,
    STOWAGE_SEED_DEMO: 'false',
    // The benchmark measures uploads, not sign-in: no session on this loopback-only API.
    STOWAGE_AUTH: 'off',
  };
  if (store.endpoint) {
    Object.assign(apiEnv, {
      AWS_ENDPOINT_URL: store.endpoint,
      AWS_ACCESS_KEY_ID: store.accessKeyId,
      AWS_SECRET_ACCESS_KEY: store.secretAccessKey,
    });
  }
  const proc = spawn(process.execPath, [serverJs], {
    env: apiEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    proc.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /Stowage is running at (\S+)/.exec(buf);
      if (m?.[1]) resolve(m[1]);
      const e = /Embedded S3 store \(s3rver\) on (\S+),/.exec(buf);
      if (e?.[1]) embeddedEndpoint = e[1];
    });
    proc.once('exit', (c) => reject(new Error(`API exited (${c})`)));
  });
  return { url, proc };
}
let embeddedEndpoint = '';

/** The kernel's high-water mark of a process's resident memory, in MiB. */
function peakRssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] ? Number(m[1]) / 1024 : NaN;
}

function makeFile(mib: number): string {
  const file = path.join(work, `${mib}MiB.bin`);
  const chunk = randomBytes(MiB);
  const buffers = Array.from({ length: mib }, () => chunk);
  writeFileSync(file, Buffer.concat(buffers));
  return file;
}

async function uploadThroughApi(
  url: string,
  bucket: string,
  key: string,
  file: string,
  size: number,
) {
  const form = new FormData();
  form.set('size', String(size));
  form.set('file', await openAsBlob(file), key);
  const started = performance.now();
  const res = await fetch(`${url}/api/buckets/${bucket}/upload?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: form,
  });
  if (!res.ok) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return (performance.now() - started) / 1000;
}

async function uploadDirect(
  client: S3Client,
  bucket: string,
  key: string,
  file: string,
  size: number,
) {
  const started = performance.now();
  const partSize = Math.max(8 * MiB, Math.ceil(size / 9000));
  await new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: createReadStream(file) },
    partSize,
    queueSize: 4,
  }).done();
  return (performance.now() - started) / 1000;
}

async function main() {
  const bigMiB = Number(values['size-mib']);
  const smallMiB = Number(values['small-mib']);
  const store = startStore(values.store ?? 'embedded');
  console.log(
    `store: ${values.store}; files: ${smallMiB} MiB and ${bigMiB} MiB; machine: ${os.cpus().length} cores, node ${process.version}`,
  );
  const big = makeFile(bigMiB);
  const small = makeFile(smallMiB);
  const rows: string[] = [];
  try {
    // A fresh API process per measured upload, so each peak RSS belongs to one upload.
    const measure = async (file: string, mib: number, label: string) => {
      const api = await startApi(store, path.join(work, `data-${label}`));
      const client = new S3Client({
        endpoint: store.endpoint || embeddedEndpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: {
          accessKeyId: store.accessKeyId || 'S3RVER',
          secretAccessKey: store.secretAccessKey || 'S3RVER',
        },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      const bucket = `bench-${label}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      const baseRss = peakRssMiB(api.proc.pid as number);
      const viaApi = await uploadThroughApi(
        api.url,
        bucket,
        `via-api-${label}.bin`,
        file,
        mib * MiB,
      );
      const rss = peakRssMiB(api.proc.pid as number);
      const direct = await uploadDirect(client, bucket, `direct-${label}.bin`, file, mib * MiB);
      api.proc.kill('SIGTERM');
      await new Promise((r) => api.proc.once('exit', r));
      client.destroy();
      const row = { mib, viaApi, direct, ratio: direct / viaApi, baseRss, rss };
      rows.push(
        `| ${mib} MiB | ${(mib / viaApi).toFixed(1)} MiB/s | ${(mib / direct).toFixed(1)} MiB/s | ${row.ratio.toFixed(2)} | ${baseRss.toFixed(0)} MiB | ${rss.toFixed(0)} MiB |`,
      );
      return row;
    };
    const s = await measure(small, smallMiB, 'small');
    const b = await measure(big, bigMiB, 'big');
    console.log(
      '\n| file | through the API | direct lib-storage | API ÷ direct | API RSS at start | API peak RSS |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
    console.log(`\npeak RSS ${bigMiB} MiB ÷ ${smallMiB} MiB: ${(b.rss / s.rss).toFixed(2)}`);
  } finally {
    store.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
