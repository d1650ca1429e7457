/**
 * What every benchmark shares: the store (embedded s3rver or Ceph RGW), the BUILT API as its
 * own process (so its memory is its own), a direct S3 client, test files, and statistics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmbeddedStore } from '@stowage/api/embedded';
import { DEMO_EMBEDDED_KEYS } from '@stowage/api/embedded/keys';
import { startCephRgw } from '@stowage/api/test/ceph-rgw';

export const MiB = 1024 * 1024;
export const root = fileURLToPath(new URL('../../../', import.meta.url));
const serverJs = path.join(process.env.BENCH_APP_ROOT ?? root, 'apps/api/dist/server.js');
export const webDist = path.join(process.env.BENCH_APP_ROOT ?? root, 'apps/web/dist');
/** BENCH_APP_ROOT: another checkout's built app, to compare two builds with the same bench. */
/** Kept between runs: test files, and the embedded store's data (its seeded bucket). STOWAGE_BENCH_DIR moves it. */
export const benchDir = process.env.STOWAGE_BENCH_DIR ?? path.join(os.tmpdir(), 'stowage-bench');
mkdirSync(benchDir, { recursive: true });

export type StoreKind = 'embedded' | 'ceph';

export interface Store {
  kind: StoreKind;
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  version: string;
  /** One direct client, shared by every benchmark on this store. */
  client: S3Client;
  /**
   * Frees what deleted objects still hold now (Ceph: `radosgw-admin gc process --include-all`;
   * its memstore OSD would otherwise keep them for the GC delay, and blocks writes when full).
   */
  reclaim(): void;
  stop(): Promise<void>;
}

const quiet = { info: () => {}, error: (m: string) => console.error(m) };

export async function startStore(kind: StoreKind): Promise<Store> {
  if (kind === 'ceph' && process.env.BENCH_CEPH_ENDPOINT) return runningCeph(process.env);
  if (kind === 'ceph') {
    const env = { ...process.env };
    if (!env.CEPH_STATE_DIR) env.CEPH_STATE_DIR = path.join(benchDir, 'ceph');
    // Room for every round's GiB-sized objects: RGW frees deleted ones only after its GC delay,
    // and a full memstore OSD blocks writes instead of refusing them. Memory is used as written.
    env.CEPH_MEMSTORE_BYTES ??= String(14 * 1024 * MiB);
    const rgw = startCephRgw(env);
    const version = execFileSync('radosgw', ['--version'], { encoding: 'utf8' })
      .split('\n')[0]!
      .replace(/\s*\(.*$/, '');
    return {
      kind,
      ...rgw,
      version: `${version} (memstore, 1 OSD)`,
      client: s3Client(rgw.endpoint, rgw.accessKeyId, rgw.secretAccessKey),
      reclaim: () => {
        execFileSync('radosgw-admin', ['gc', 'process', '--include-all'], {
          env: { ...env, CEPH_CONF: path.join(env.CEPH_STATE_DIR!, 'ceph.conf') },
          stdio: 'ignore',
          timeout: 120_000,
        });
      },
      stop: async () => rgw.stop(),
    };
  }
  const keys = DEMO_EMBEDDED_KEYS;
  const embedded = await startEmbeddedStore(path.join(benchDir, 'embedded'), keys, quiet);
  const pkg = JSON.parse(
    readFileSync(path.join(root, 'apps/api/node_modules/s3rver/package.json'), 'utf8'),
  ) as { version: string };
  return {
    kind,
    endpoint: embedded.endpoint,
    ...keys,
    version: `s3rver ${pkg.version} (files on disk)`,
    client: s3Client(embedded.endpoint, keys.accessKeyId, keys.secretAccessKey),
    reclaim: () => {},
    stop: () => embedded.stop(),
  };
}

/**
 * A Ceph RGW already running (BENCH_CEPH_ENDPOINT, e.g. one started with scripts/ceph-rgw.sh and
 * the same CEPH_* variables): its seeded buckets are kept between runs, and the run leaves it up.
 * For iterating on a bench that needs a big seeded bucket (100,000 keys take ~150 s to seed).
 */
function runningCeph(env: NodeJS.ProcessEnv): Store {
  const endpoint = env.BENCH_CEPH_ENDPOINT!;
  const accessKeyId = env.CEPH_S3_ACCESS_KEY ?? 'stowage-test';
  const secretAccessKey = env.CEPH_S3_SECRET_KEY ?? 'stowage-test-secret-key-0123456789';
  const version = execFileSync('radosgw', ['--version'], { encoding: 'utf8' })
    .split('\n')[0]!
    .replace(/\s*\(.*$/, '');
  return {
    kind: 'ceph',
    endpoint,
    accessKeyId,
    secretAccessKey,
    version: `${version} (memstore, 1 OSD)`,
    client: s3Client(endpoint, accessKeyId, secretAccessKey),
    reclaim: () => {
      if (!env.CEPH_STATE_DIR) return;
      execFileSync('radosgw-admin', ['gc', 'process', '--include-all'], {
        env: { ...env, CEPH_CONF: path.join(env.CEPH_STATE_DIR, 'ceph.conf') },
        stdio: 'ignore',
        timeout: 120_000,
      });
    },
    stop: async () => {},
  };
}

/**
 * A direct client set up like the API's own (s3-client.ts): keep-alive, 64 sockets, middleware
 * resolved once per command (cacheMiddleware). It reads listings with the SDK's deserializer.
 */
export function s3Client(endpoint: string, accessKeyId: string, secretAccessKey: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    cacheMiddleware: true,
    requestHandler: new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    }),
  });
}

export async function ensureBucket(store: Store, bucket: string): Promise<void> {
  try {
    await store.client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    const name = (err as Error).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw err;
  }
}

export interface Api {
  url: string;
  pid: number;
  /** Resident memory now, and the kernel's high-water mark, in MiB. */
  rssMiB(): number;
  peakRssMiB(): number;
  /** CPU time (user + system) the API process has used so far, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts the built API (`node apps/api/dist/server.js`) against the store, on port 0. */
export async function startApi(
  store: Store,
  opts: { webDir?: string; env?: Record<string, string> } = {},
): Promise<Api> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PORT: '0',
    LOG_LEVEL: 'warn',
    STOWAGE_DATA_DIR: path.join(benchDir, 'api-data'),
    STOWAGE_SEED_DEMO: 'false',
    AWS_ENDPOINT_URL: store.endpoint,
    AWS_ACCESS_KEY_ID: store.accessKeyId,
    AWS_SECRET_ACCESS_KEY: store.secretAccessKey,
    // The bench measures the proxy, not sign-in: auth off (allowed because it binds loopback).
    STOWAGE_AUTH: 'off',
    // On a loaded machine s3rver can take longer than the default 5 s / 30 s to accept a
    // connection or to answer CompleteMultipartUpload of 1 GiB (seen: ETIMEDOUT, 502).
    STOWAGE_S3_CONNECT_TIMEOUT_MS: '30000',
    STOWAGE_S3_REQUEST_TIMEOUT_MS: '300000',
  };
  if (opts.webDir) env.STOWAGE_WEB_DIR = opts.webDir;
  Object.assign(env, opts.env);
  const proc: ChildProcess = spawn(process.execPath, [...apiNodeArgs(), serverJs], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    proc.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /Stowage is running at (\S+)/.exec(buf);
      if (m?.[1]) resolve(m[1]);
    });
    proc.once('exit', (c) => reject(new Error(`The API exited (${c}) before it listened`)));
  });
  const pid = proc.pid as number;
  return {
    url,
    pid,
    rssMiB: () => procStatusMiB(pid, 'VmRSS'),
    peakRssMiB: () => procStatusMiB(pid, 'VmHWM'),
    cpuSeconds: () => procCpuSeconds(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** Extra node flags for the API, e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p". */
function apiNodeArgs(): string[] {
  return (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/** utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds (utime + stime, and what reaped children used) of every Chromium process this
 * (the bench's) process started and all under them, by Chromium's process type (`browser`,
 * `renderer`, `utility` — the network service —, `zygote`, …).
 */
export function chromiumCpuByType(): Record<string, number> {
  const procs = new Map<number, { ppid: number; cpu: number; type: string; comm: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser';
      const cpu = fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      procs.set(Number(name), { ppid: Number(fields[1]), cpu, type, comm });
    } catch {
      // gone meanwhile
    }
  }
  const out: Record<string, number> = {};
  /** Whether a process is a Chromium the bench started, or under one. */
  const underChromium = (pid: number): boolean => {
    for (let p = procs.get(pid); p; p = procs.get(p.ppid)) {
      if (p.ppid === process.pid) return p.comm.startsWith('chromium');
    }
    return false;
  };
  for (const [pid, p] of procs) {
    if (underChromium(pid)) out[p.type] = (out[p.type] ?? 0) + p.cpu;
  }
  return out;
}

/** CPU seconds of every Chromium this (the bench's) process started, with all under them. */
export function chromiumCpuSeconds(): number {
  return Object.values(chromiumCpuByType()).reduce((a, b) => a + b, 0);
}

/** CPU seconds this (the bench's) process used while `fn` ran. */
export async function ownCpu<T>(fn: () => Promise<T>): Promise<{ out: T; cpu: number }> {
  const before = process.cpuUsage();
  const out = await fn();
  const used = process.cpuUsage(before);
  return { out, cpu: (used.user + used.system) / 1e6 };
}

function procStatusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] ? Number(m[1]) / 1024 : NaN;
}

/** A file of random bytes, kept between runs. `seed` makes different files of one size. */
export function testFile(mib: number, seed = 0): string {
  const file = path.join(benchDir, `random-${mib}MiB-${seed}.bin`);
  if (existsSync(file)) return file;
  const chunk = randomBytes(MiB);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, '');
  for (let i = 0; i < mib; i++) writeFileSync(tmp, chunk, { flag: 'a' });
  execFileSync('mv', [tmp, file]);
  return file;
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1] ?? NaN;
}

export const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

/**
 * One round of an API-vs-direct throughput pair, the order alternating by round so neither
 * side always runs on a warmer (or more loaded) machine. Returns both durations in seconds.
 */
export async function interleaved(
  round: number,
  viaApi: () => Promise<number>,
  direct: () => Promise<number>,
): Promise<{ api: number; direct: number }> {
  if (round % 2 === 0) {
    const api = await viaApi();
    return { api, direct: await direct() };
  }
  const d = await direct();
  return { api: await viaApi(), direct: d };
}

/** One line of the results table. */
export interface Figure {
  /** Stable id, e.g. "upload.ratio". */
  id: string;
  figure: string;
  budget: string;
  value: string;
  met: boolean | null;
  /** Raw numbers and notes behind the value (printed, kept in results.json). */
  detail: string;
  /**
   * The numbers behind the value, unrounded where measured, by name (e.g. `directMs`, `hopMs`):
   * what the report computes from, such as a ceiling. Kept in results.json.
   */
  raw?: Record<string, number>;
  /** When, and the 1-minute load average before → after (set by run.ts). */
  at?: string;
  load?: string;
}

export interface BenchContext {
  store: Store;
  quick: boolean;
  log(msg: string): void;
}

/**
 * The best a bench's figures could reach on this machine, computed from numbers measured in the
 * same run (a figure's `raw`), never quoted: BENCHMARKS.md states it where it misses the budget.
 */
export interface Ceiling {
  /** The bound for one store's figure, or undefined when its run did not record what it needs. */
  bound(f: Figure): number | undefined;
  /** Whether a value would meet the budget (the same test as the figures' `met`). */
  meets(value: number): boolean;
  /** The one-line statement, given the bounds that miss: "<store> [<figure>] <bound>; …". */
  says(bounds: string): string;
}

export interface Bench {
  name: string;
  /** What the figure measures and how: stable text, no figures of a run (goes to BENCHMARKS.md). */
  method: string;
  /** The figures' ceiling on this machine, where one is measured (see Ceiling). */
  ceiling?: Ceiling;
  /** The records (docs/adr/*.md) of what was found about these figures and decided. */
  adrs: string[];
  /** The same on every store (measured once per run). */
  storeIndependent?: boolean;
  run(ctx: BenchContext): Promise<Figure[]>;
}
