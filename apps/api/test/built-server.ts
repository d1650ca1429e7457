import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** The built server (`pnpm run build`), as a deployment runs it: `node apps/api/dist/server.js`. */
export const builtServer = fileURLToPath(new URL('../dist/server.js', import.meta.url));

export interface BuiltServer {
  base: string;
  port: number;
  proc: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGKILL if still running, remove its data directory. */
  dispose(): Promise<void>;
}

/**
 * Starts the built server on a free loopback port against the suite's store, with the store's
 * keys held by the server and sign-in off (allowed on loopback), plus `env`.
 */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer> {
  if (!existsSync(builtServer)) {
    throw new Error(`${builtServer} is missing: run pnpm run build first`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stowage-built-'));
  const proc = spawn(process.execPath, [builtServer], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      STOWAGE_DATA_DIR: dataDir,
      STOWAGE_SEED_DEMO: 'false',
      STOWAGE_AUTH: 'off',
      AWS_ENDPOINT_URL_S3: inject('storeEndpoint'),
      AWS_ACCESS_KEY_ID: inject('storeAccessKeyId'),
      AWS_SECRET_ACCESS_KEY: inject('storeSecretAccessKey'),
      STOWAGE_S3_FORCE_PATH_STYLE: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const dispose = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = /Stowage is running at (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      };
      proc.stdout!.on('data', check);
      proc.stderr!.on('data', check);
      void exited.then((c) => reject(new Error(`server exited (${c}): ${out}`)));
    });
    return { base, port: Number(new URL(base).port), proc, output: () => out, exited, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
