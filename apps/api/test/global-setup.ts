import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedStore } from '../src/embedded/embedded-store.js';
import { DEMO_EMBEDDED_KEYS } from '../src/embedded/keys.js';
import { startCephRgw } from './ceph-rgw.js';

export type StoreKind = 'embedded' | 'ceph';

declare module 'vitest' {
  export interface ProvidedContext {
    storeKind: StoreKind;
    storeEndpoint: string;
    storeAccessKeyId: string;
    storeSecretAccessKey: string;
    /** Ceph's second gateway, with STS on (CEPH_RGW_STS_PORT); '' on the embedded store. */
    storeStsEndpoint: string;
  }
}

/** Starts the store the suite runs against, with the project's own scripts, and stops it after. */
export default async function setup(project: TestProject) {
  const kind = (process.env.STOWAGE_TEST_STORE ?? 'embedded') as StoreKind;
  if (kind === 'embedded') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'stowage-test-'));
    const store = await startEmbeddedStore(dir, DEMO_EMBEDDED_KEYS, {
      info: () => {},
      error: console.error,
    });
    project.provide('storeKind', kind);
    project.provide('storeEndpoint', store.endpoint);
    project.provide('storeAccessKeyId', DEMO_EMBEDDED_KEYS.accessKeyId);
    project.provide('storeSecretAccessKey', DEMO_EMBEDDED_KEYS.secretAccessKey);
    project.provide('storeStsEndpoint', '');
    return async () => {
      await store.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  if (kind === 'ceph' && process.env.STOWAGE_TEST_CEPH_ENDPOINT) {
    // `npm test` started one Ceph for the whole run (scripts/test.mjs): use it, leave it running.
    project.provide('storeKind', kind);
    project.provide('storeEndpoint', process.env.STOWAGE_TEST_CEPH_ENDPOINT);
    project.provide('storeAccessKeyId', process.env.CEPH_S3_ACCESS_KEY ?? '');
    project.provide('storeSecretAccessKey', process.env.CEPH_S3_SECRET_KEY ?? '');
    project.provide('storeStsEndpoint', process.env.STOWAGE_TEST_CEPH_STS_ENDPOINT ?? '');
    return undefined;
  }
  if (kind === 'ceph') {
    // A second gateway with STS on (web-identity.test.ts) on CEPH_RGW_STS_PORT, by default the
    // RGW's port + 10. The first keeps STS off: with rgw_s3_auth_use_sts RGW 16 answers some
    // SigV2 requests differently (docs/stores/ceph-rgw.md "STS").
    const rgwPort = Number(process.env.CEPH_RGW_PORT ?? 7480);
    const ceph = startCephRgw({
      ...process.env,
      CEPH_RGW_STS_PORT: process.env.CEPH_RGW_STS_PORT ?? String(rgwPort + 10),
    });
    project.provide('storeKind', kind);
    project.provide('storeEndpoint', ceph.endpoint);
    project.provide('storeAccessKeyId', ceph.accessKeyId);
    project.provide('storeSecretAccessKey', ceph.secretAccessKey);
    project.provide('storeStsEndpoint', ceph.stsEndpoint);
    return () => ceph.stop();
  }
  throw new Error(`STOWAGE_TEST_STORE must be embedded or ceph, not ${kind}`);
}
