import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('../../src/server.ts', import.meta.url));

/** A running `server.ts` of a process test: its address, everything it printed, a stop. */
export interface ServerProcess {
  base: string;
  proc: ChildProcess;
  /** stdout and stderr so far, interleaved as they came. */
  output(): string;
  /** Waits (up to `ms`) until the output matches: lines printed after the start line. */
  waitFor(what: string, test: (output: string) => boolean, ms?: number): Promise<void>;
  /** SIGTERM, wait for the exit, remove its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts `server.ts` as `npm start` would (tsx, the source), with a fresh data directory, no
 * demo data and only PATH from this environment, plus `env`; resolves once it says where it runs.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-process-'));
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@stowage/source', server],
    {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        STOWAGE_DATA_DIR: dataDir,
        STOWAGE_SEED_DEMO: 'false',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += d.toString();
        const m = /Stowage is running at (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.once('exit', (c) => reject(new Error(`server exited (${c}): ${out}`)));
    });
    return {
      base,
      proc,
      output: () => out,
      async waitFor(what, test, ms = 5000) {
        for (const end = Date.now() + ms; !test(out);) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${out}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
