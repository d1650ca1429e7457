import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Credentials } from '../config/connection.js';

export interface EmbeddedStore {
  endpoint: string;
  /** The current child's pid (it changes when the supervisor restarts the store). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

interface Logger {
  info(msg: string): void;
  error(msg: string): void;
}

const here = path.dirname(fileURLToPath(import.meta.url));
// From sources (tests, dev) the child needs tsx to load TypeScript; from dist it is plain JS.
const fromSource = import.meta.url.endsWith('.ts');
const entry = path.join(here, fromSource ? 'embedded-main.ts' : 'embedded-main.js');
const execArgv = ['--openssl-legacy-provider', ...(fromSource ? ['--import', 'tsx'] : [])];

/**
 * Starts s3rver in a supervised child process and resolves once it listens. If the child
 * dies unexpectedly it is restarted on the same port, so the endpoint stays valid. Only
 * requests signed (SigV4) with `keys` are served (embedded-auth.ts).
 */
export async function startEmbeddedStore(
  dataDir: string,
  keys: Credentials,
  log: Logger,
): Promise<EmbeddedStore> {
  const directory = path.join(dataDir, 's3');
  mkdirSync(directory, { recursive: true });
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let port = 0;

  const spawn = () =>
    new Promise<number>((resolve, reject) => {
      const c = fork(entry, [], {
        execArgv,
        env: {
          ...process.env,
          STOWAGE_EMBEDDED_DIR: directory,
          STOWAGE_EMBEDDED_PORT: String(port),
          STOWAGE_EMBEDDED_ACCESS_KEY_ID: keys.accessKeyId,
          STOWAGE_EMBEDDED_SECRET_ACCESS_KEY: keys.secretAccessKey,
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child = c;
      c.once('message', (m: { type?: string; port?: number }) => {
        if (m.type === 'listening' && m.port) resolve(m.port);
      });
      c.once('exit', (code, signal) => {
        reject(new Error(`The embedded store exited before it listened (${code ?? signal})`));
        if (stopping || child !== c) return;
        restarts += 1;
        log.error(`The embedded store exited (${code ?? signal}); restarting it (#${restarts})`);
        setTimeout(
          () => {
            if (!stopping) spawn().catch((err: Error) => log.error(err.message));
          },
          Math.min(5000, 200 * restarts),
        );
      });
    });

  port = await spawn(); // the first start picks a free port; restarts keep it
  const endpoint = `http://127.0.0.1:${port}`;
  log.info(`Embedded S3 store (s3rver) on ${endpoint}, data in ${directory}`);
  return {
    endpoint,
    pid: () => child?.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const c = child;
        if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
        const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
        c.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        c.kill('SIGTERM');
      }),
  };
}
