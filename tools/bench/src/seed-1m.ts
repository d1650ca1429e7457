/**
 * The folder of 1,000,000 keys (issue 24, goal 1) on its own Ceph cluster, kept between runs:
 * `scripts/ceph-rgw.sh` in CEPH_KEEP_STATE mode over `ceph-1m` in the bench's directory (harness.ts
 * benchDir; BENCH_1M_STATE_DIR moves it), seeded once through librados (seedViaRados); a marker object says it is done.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startCephRgw } from '@stowage/api/test/ceph-rgw';
import { MiB, benchDir, ensureBucket, root, s3Client, seconds, type Store } from './harness.js';
import { FOLDER_1M, keyAt1m } from './keys-1m.js';

export const BUCKET_1M = 'bench-1m';
/** The one folder (every key is a direct child of it) and its names: keys-1m.ts. */
export { FOLDER_1M, keyAt1m };
export const COUNT_1M = 1_000_000;
/** Outside the folder, so not in its listing. */
export const MARKER_1M = `.seed/.seeded-${COUNT_1M}`;

/** The kept cluster's settings: its own ports (the run's own Ceph keeps CEPH_RGW_PORT…). */
export function env1m(): NodeJS.ProcessEnv {
  const base = Number(process.env.CEPH_RGW_PORT ?? 7480);
  const port = (name: string, offset: number) => process.env[name] ?? String(base + offset);
  return {
    ...process.env,
    CEPH_KEEP_STATE: '1',
    CEPH_STATE_DIR: process.env.BENCH_1M_STATE_DIR ?? path.join(benchDir, 'ceph-1m'),
    CEPH_RGW_PORT: port('BENCH_1M_RGW_PORT', 5),
    CEPH_MON_PORT: port('BENCH_1M_MON_PORT', 6),
    CEPH_MON_V1_PORT: port('BENCH_1M_MON_V1_PORT', 7),
    // Keep mode's OSD is BlueStore on a sparse file, its cache bounded (ceph-rgw.sh).
    CEPH_OSD_MEMORY_BYTES: process.env.BENCH_1M_OSD_MEMORY_BYTES ?? String(1536 * MiB),
    CEPH_RGW_STS_PORT: '',
  };
}

/** Starts (or restarts over its saved state) the kept cluster. stop() saves it. */
export function startKeptCeph(): Store & { stateDir: string } {
  const env = env1m();
  const t = performance.now();
  const rgw = startCephRgw(env);
  const startS = seconds(t);
  return {
    kind: 'ceph',
    ...rgw,
    stateDir: env.CEPH_STATE_DIR!,
    version: `kept Ceph (BlueStore on a file, 1 OSD), started in ${startS.toFixed(0)} s`,
    client: s3Client(rgw.endpoint, rgw.accessKeyId, rgw.secretAccessKey),
    reclaim: () => {},
    stop: async () => rgw.stop(),
  };
}

/** The OSD's resident memory (BlueStore's cache, bounded by its memory target) in MiB, or NaN. */
export function osdRssMiB(stateDir: string): number {
  try {
    const pid = execFileSync('cat', [path.join(stateDir, 'run', 'osd.0.pid')], {
      encoding: 'utf8',
    }).trim();
    const m = /VmRSS:\s+(\d+) kB/.exec(
      execFileSync('cat', [`/proc/${pid}/status`], { encoding: 'utf8' }),
    );
    return m?.[1] ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** RGW's shard of a key in a bucket index of `shards` shards (rgw_bucket_shard_index, Pacific). */
export function shardOf(key: string, shards: number): number {
  let h = 0n;
  for (const c of Buffer.from(key)) {
    h = ((h + (BigInt(c) << 4n) + (BigInt(c) >> 4n)) * 11n) & 0xffffffffffffffffn;
  }
  const sid = Number(h & 0xffffffffn);
  const sid2 = (sid ^ ((sid & 0xff) << 24)) >>> 0;
  return (sid2 % (shards <= 7877 ? 7877 : 65521)) % shards;
}

/**
 * Writes the folder's index entries and head objects through librados (rados-seed.c): copies of
 * what radosgw wrote for one zero-byte PutObject (`.seed/template`), each with its own name.
 */
/** What the seeding took, written when it ends (SEEDED_FILE in the state dir). */
export interface SeedRecord {
  seconds: number;
  at: string;
  load: string;
  /** null: not recorded. */
  osdPeakRssMiB: number | null;
}
export const SEEDED_FILE = 'seed/seeded.json';

/** The OSD's peak resident memory (VmHWM) in MiB, or NaN. */
export function osdPeakRssMiB(stateDir: string): number {
  try {
    const pid = readFileSync(path.join(stateDir, 'run', 'osd.0.pid'), 'utf8').trim();
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Disk blocks the state dir takes (the OSD's block file is sparse), in MiB. */
export function stateDiskMiB(stateDir: string): number {
  return Number(execFileSync('du', ['-sm', stateDir], { encoding: 'utf8' }).split('\t')[0]);
}

export async function seedViaRados(
  store: Store,
  stateDir: string,
  log: (m: string) => void,
): Promise<SeedRecord> {
  const t = performance.now();
  const env = { ...process.env, CEPH_CONF: path.join(stateDir, 'ceph.conf') };
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { env, timeout: 120_000 });
  const work = path.join(stateDir, 'seed');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'xattrs'), { recursive: true });
  const bin = path.join(work, 'rados-seed');
  run('gcc', [
    '-O2',
    '-o',
    bin,
    path.join(root, 'tools/bench/rados-seed/rados-seed.c'),
    '/usr/lib/x86_64-linux-gnu/librados.so.2',
  ]);
  await ensureBucket(store, BUCKET_1M);
  const template = '.seed/template';
  await store.client.send(
    new PutObjectCommand({
      Bucket: BUCKET_1M,
      Key: template,
      Body: new Uint8Array(0),
      ContentType: 'application/octet-stream',
    }),
  );
  const stats = JSON.parse(
    run('radosgw-admin', ['bucket', 'stats', `--bucket=${BUCKET_1M}`]).toString(),
  ) as { marker: string; num_shards: number };
  const { marker, num_shards: shards } = stats;
  const indexPool = 'default.rgw.buckets.index';
  const dataPool = 'default.rgw.buckets.data';
  const entry = path.join(work, 'entry.bin');
  run('rados', [
    '-p',
    indexPool,
    'getomapval',
    `.dir.${marker}.${shardOf(template, shards)}`,
    template,
    entry,
  ]);
  const head = `${marker}_${template}`;
  for (const name of run('rados', ['-p', dataPool, 'listxattr', head]).toString().split('\n')) {
    if (name)
      writeFileSync(
        path.join(work, 'xattrs', name),
        run('rados', ['-p', dataPool, 'getxattr', head, name]),
      );
  }
  const lines: string[] = [];
  for (let i = 0; i < COUNT_1M; i++) {
    const key = keyAt1m(i);
    lines.push(`${shardOf(key, shards)}\t${key}`);
  }
  const input = path.join(work, 'keys.tsv');
  writeFileSync(input, lines.join('\n') + '\n');
  log(`    ${COUNT_1M} keys in ${shards} index shards: writing them through librados…`);
  await new Promise<void>((resolve, reject) => {
    const p = spawn(
      bin,
      [env.CEPH_CONF, indexPool, dataPool, marker, entry, path.join(work, 'xattrs'), '1'],
      { env, stdio: ['pipe', 'inherit', 'pipe'] },
    );
    p.stderr.on('data', (d: Buffer) =>
      log(`    ${d.toString().trim()} (${seconds(t).toFixed(0)} s)`),
    );
    p.once('exit', (c) => (c === 0 ? resolve() : reject(new Error(`rados-seed exited ${c}`))));
    p.stdin.end(readFileSync(input));
  });
  await store.client.send(
    new PutObjectCommand({ Bucket: BUCKET_1M, Key: MARKER_1M, Body: new Uint8Array(0) }),
  );
  const record: SeedRecord = {
    seconds: seconds(t),
    at: new Date().toISOString().slice(0, 16),
    load: os.loadavg()[0]!.toFixed(1),
    osdPeakRssMiB: Number.isFinite(osdPeakRssMiB(stateDir)) ? osdPeakRssMiB(stateDir) : null,
  };
  writeFileSync(path.join(stateDir, SEEDED_FILE), JSON.stringify(record));
  return record;
}
