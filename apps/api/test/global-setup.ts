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
    /** Ceph started with CEPH_RGW_STS=1 (STS AssumeRoleWithWebIdentity on). */
    storeSts: boolean;
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
    project.provide('storeSts', false);
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
    return undefined;
  }
  if (kind === 'ceph') {
    // CEPH_RGW_STS=1: STS on (web-identity.test.ts runs its Ceph part). Off by default: with
    // rgw_s3_auth_use_sts RGW 16 answers some SigV2 requests differently (sigv2.test.ts fails;
    // docs/stores/ceph-rgw.md "STS").
    const ceph = startCephRgw();
    project.provide('storeKind', kind);
    project.provide('storeEndpoint', ceph.endpoint);
    project.provide('storeAccessKeyId', ceph.accessKeyId);
    project.provide('storeSecretAccessKey', ceph.secretAccessKey);
    project.provide('storeSts', process.env.CEPH_RGW_STS === '1');
    return () => ceph.stop();
  }
  throw new Error(`STOWAGE_TEST_STORE must be embedded or ceph, not ${kind}`);
}
