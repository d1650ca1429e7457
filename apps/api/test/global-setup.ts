import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startEmbeddedStore } from '../src/store/embedded.js';
import { EMBEDDED_CREDENTIALS } from '../src/config.js';

export type StoreKind = 'embedded' | 'ceph';

declare module 'vitest' {
  export interface ProvidedContext {
    storeKind: StoreKind;
    storeEndpoint: string;
    storeAccessKeyId: string;
    storeSecretAccessKey: string;
  }
}

const cephScript = fileURLToPath(new URL('../../../scripts/ceph-rgw.sh', import.meta.url));

/** Starts the store the suite runs against, with the project's own scripts, and stops it after. */
export default async function setup(project: TestProject) {
  const kind = (process.env.STOWAGE_TEST_STORE ?? 'embedded') as StoreKind;
  if (kind === 'embedded') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-test-'));
    const store = await startEmbeddedStore(dir, { info: () => {}, error: console.error });
    project.provide('storeKind', kind);
    project.provide('storeEndpoint', store.endpoint);
    project.provide('storeAccessKeyId', EMBEDDED_CREDENTIALS.accessKeyId);
    project.provide('storeSecretAccessKey', EMBEDDED_CREDENTIALS.secretAccessKey);
    return async () => {
      await store.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  if (kind === 'ceph') {
    const out = execFileSync('bash', [cephScript, 'start'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const env = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2) as [string, string]),
    );
    project.provide('storeKind', kind);
    project.provide('storeEndpoint', env.CEPH_S3_ENDPOINT ?? '');
    project.provide('storeAccessKeyId', env.CEPH_S3_ACCESS_KEY ?? '');
    project.provide('storeSecretAccessKey', env.CEPH_S3_SECRET_KEY ?? '');
    return () => {
      execFileSync('bash', [cephScript, 'stop'], { stdio: 'inherit' });
    };
  }
  throw new Error(`STOWAGE_TEST_STORE must be embedded or ceph, not ${kind}`);
}
