// The scale-out harness (issue 25): redis-server, N instances of the built API and nginx in
// front of them, all on loopback, each on its own free port, in one temp directory. See
// README.md beside this file for the API and the choices it makes.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

/** The header each instance answers with (STOWAGE_INSTANCE_ID), e.g. `stowage-1`. */
export const INSTANCE_HEADER = 'x-stowage-instance';
/** The session secret every instance of a cluster shares (a cookie of one opens the others). */
export const CLUSTER_SESSION_SECRET = 'scale-out-test-session-secret-0123456789abcdef';

export interface ClusterOptions {
  /** How many API instances (default 2), named stowage-1, stowage-2, … */
  instances?: number;
  /** The store every instance uses (the same one): AWS_ENDPOINT_URL; sign-in is with keys. */
  storeEndpoint: string;
  /** Start redis-server and give the instances STOWAGE_REDIS_URL (default true). */
  redis?: boolean;
  /** More environment for every instance (e.g. STOWAGE_LOGIN_RATE_LIMIT). */
  env?: Record<string, string>;
}

/** A process the harness runs: everything it printed, and whether it is running now. */
interface Running {
  output(): string;
  readonly running: boolean;
}

export interface Instance extends Running {
  /** Its STOWAGE_INSTANCE_ID, the X-Stowage-Instance header of its answers. */
  id: string;
  port: number;
  /** Its own address, past nginx. */
  base: string;
  pid(): number | undefined;
  /** Starts it (again) on the same port and data directory; resolves once it listens. */
  start(): Promise<void>;
  /** Sends `signal` (default SIGTERM) and resolves with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
  /** The JSON lines it logged with `"msg":"request"` (method, route, status, ms). */
  requestLines(): Record<string, unknown>[];
}

export interface RedisServer extends Running {
  port: number;
  url: string;
  /** Starts it (again) on the same port: empty, no persistence. */
  start(): Promise<void>;
  /** SIGTERM and waits for the exit: an outage as the instances see it. */
  stop(): Promise<void>;
}

export interface Cluster {
  /** nginx's address: what a user opens. */
  url: string;
  instances: Instance[];
  /** Undefined when started with `redis: false`. */
  redis: RedisServer | undefined;
  nginx: Running & { port: number; config: string };
  /** Stops nginx, the instances and redis, and removes the temp directory. */
  stop(): Promise<void>;
}

/** Which instance answered (its X-Stowage-Instance header). */
export const answeredBy = (res: Response) => res.headers.get(INSTANCE_HEADER);

/** A port free on loopback now (the OS picks it; it is taken again right away). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `cmd`, collects its output, resolves once `ready` matches it. A process that exits
 * first, or is not ready within `ms`, rejects with what it printed.
 */
function spawnReady(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  log: { text: string },
  ms = 60_000,
): Promise<ChildProcess> {
  const proc = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${cmd} was not ready in ${ms} ms:\n${log.text}`));
    }, ms);
    const onData = (d: Buffer) => {
      log.text += d.toString();
      if (ready.test(log.text)) {
        clearTimeout(timer);
        resolve(proc);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited (${code ?? signal}) before it was ready:\n${log.text}`));
    });
  });
}

async function stopProcess(proc: ChildProcess | undefined, signal: NodeJS.Signals) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return proc?.exitCode ?? null;
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  proc.kill(signal);
  return exited;
}

function startRedis(dir: string, port: number): RedisServer {
  const log = { text: '' };
  let proc: ChildProcess | undefined;
  const running = () => !!proc && proc.exitCode === null && proc.signalCode === null;
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    output: () => log.text,
    get running() {
      return running();
    },
    async start() {
      if (running()) return;
      // No persistence: a restart is an empty Redis, as after a crash without a volume.
      proc = await spawnReady(
        '/usr/bin/redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
          '--daemonize',
          'no',
        ],
        { PATH: process.env.PATH },
        /Ready to accept connections/,
        log,
      );
    },
    async stop() {
      await stopProcess(proc, 'SIGTERM');
    },
  };
}

/**
 * nginx as a deployment would put it in front of Stowage (README "Running several instances"
 * shows the same settings): round-robin over the instances, uploads streamed through
 * (`proxy_request_buffering off`, no body size limit of its own: Stowage enforces
 * STOWAGE_MAX_UPLOAD_BYTES), downloads streamed out (`proxy_buffering off`), the client's
 * address, scheme and host passed on (the instances trust loopback: STOWAGE_TRUST_PROXY), and
 * a request that could not reach an instance (refused connection, timeout to connect, 502) tried
 * on the next one — never a POST/PUT/DELETE that may have been sent (nginx's default).
 */
export function nginxConfig(dir: string, port: number, upstreams: number[]): string {
  const user = os.userInfo().username;
  return `# Generated by apps/api/test/scale-out/cluster.ts
${process.getuid?.() === 0 ? `user ${user};` : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  upstream stowage {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 16;
  }

  server {
    listen 127.0.0.1:${port};
    server_name localhost;

    # Uploads: streamed to Stowage as they arrive, any size (Stowage sets the limit).
    client_max_body_size 0;
    proxy_request_buffering off;
    client_body_timeout 120s;
    # Downloads and zips: streamed to the browser.
    proxy_buffering off;
    proxy_connect_timeout 5s;
    proxy_send_timeout 300s;
    proxy_read_timeout 300s;
    # A request that never reached an instance goes to the next one.
    proxy_next_upstream error timeout http_502;
    proxy_next_upstream_tries 2;
    proxy_next_upstream_timeout 10s;

    location / {
      proxy_pass http://stowage;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
    }
  }
}
`;
}

/** Starts redis-server (unless `redis: false`), the instances, then nginx; `stop()` undoes it. */
export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  if (!existsSync(server)) {
    throw new Error(
      `${server} is missing: run \`pnpm run build\` first (the cluster runs the build)`,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-cluster-'));
  const count = opts.instances ?? 2;
  const ports = await Promise.all(Array.from({ length: count + 2 }, freePort));
  const [nginxPort, redisPort, ...apiPorts] = ports as [number, number, ...number[]];
  const url = `http://127.0.0.1:${nginxPort}`;
  const redis = opts.redis === false ? undefined : startRedis(dir, redisPort);
  const instances = apiPorts.map((port, i) => makeInstance(dir, port, i + 1, url, redis, opts));
  let nginxProc: ChildProcess | undefined;
  const nginxLog = { text: '' };
  const conf = path.join(dir, 'nginx.conf');
  const stop = async () => {
    await stopProcess(nginxProc, 'SIGQUIT');
    await Promise.all(instances.map((i) => i.stop()));
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await redis?.start();
    await Promise.all(instances.map((i) => i.start()));
    writeFileSync(conf, nginxConfig(dir, nginxPort, apiPorts));
    nginxProc = spawn(
      '/usr/sbin/nginx',
      ['-p', dir, '-e', `${dir}/error.log`, '-c', conf, '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    nginxProc.stdout!.on('data', (d: Buffer) => (nginxLog.text += d.toString()));
    nginxProc.stderr!.on('data', (d: Buffer) => (nginxLog.text += d.toString()));
    await waitUntil('nginx to answer', async () => {
      if (nginxProc!.exitCode !== null) throw new Error(`nginx exited: ${nginxLog.text}`);
      return (await fetch(`${url}/api/health`).catch(() => undefined))?.ok === true;
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    instances,
    redis,
    nginx: {
      port: nginxPort,
      config: conf,
      output: () => nginxLog.text,
      get running() {
        return !!nginxProc && nginxProc.exitCode === null && nginxProc.signalCode === null;
      },
    },
    stop,
  };
}

function makeInstance(
  dir: string,
  port: number,
  n: number,
  publicUrl: string,
  redis: RedisServer | undefined,
  opts: ClusterOptions,
): Instance {
  const id = `stowage-${n}`;
  const dataDir = path.join(dir, id);
  mkdirSync(dataDir);
  const log = { text: '' };
  let proc: ChildProcess | undefined;
  const running = () => !!proc && proc.exitCode === null && proc.signalCode === null;
  return {
    id,
    port,
    base: `http://127.0.0.1:${port}`,
    output: () => log.text,
    get running() {
      return running();
    },
    pid: () => (running() ? proc!.pid : undefined),
    async start() {
      if (running()) return;
      proc = await spawnReady(
        process.execPath,
        [server],
        {
          PATH: process.env.PATH,
          PORT: String(port),
          HOST: '127.0.0.1',
          STOWAGE_DATA_DIR: dataDir,
          STOWAGE_SEED_DEMO: 'false',
          AWS_ENDPOINT_URL: opts.storeEndpoint,
          STOWAGE_SESSION_SECRET: CLUSTER_SESSION_SECRET,
          STOWAGE_INSTANCE_ID: id,
          // nginx on loopback is the one proxy believed (X-Forwarded-For/-Proto/-Host).
          STOWAGE_TRUST_PROXY: '127.0.0.1',
          STOWAGE_PUBLIC_URL: publicUrl,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...(redis ? { STOWAGE_REDIS_URL: redis.url } : {}),
          ...opts.env,
        },
        /Stowage is running at/,
        log,
      );
    },
    stop: (signal = 'SIGTERM') => stopProcess(proc, signal),
    async kill() {
      await stopProcess(proc, 'SIGKILL');
    },
    requestLines: () =>
      log.text
        .split('\n')
        .filter((l) => l.startsWith('{') && l.includes('"msg":"request"'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Polls `test` every 50 ms until it is true (up to `ms`). */
export async function waitUntil(what: string, test: () => Promise<boolean> | boolean, ms = 15_000) {
  for (const end = Date.now() + ms; !(await test());) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A browser's minimum: JSON requests with the CSRF header and the session cookie, if any. */
export function client(base: string, cookie?: string) {
  return (pathname: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${base}${pathname}`, {
      method: init.method ?? 'GET',
      headers: {
        'x-stowage-csrf': '1',
        ...(cookie ? { cookie } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
}

/** Signs in through `base` with keys; the session cookie (`name=value`) of the answer. */
export async function signIn(base: string, accessKeyId: string, secretAccessKey: string) {
  const res = await client(base)('/api/session', {
    method: 'POST',
    body: { accessKeyId, secretAccessKey },
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}
