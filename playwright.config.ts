import { readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { e2eDataDir as dataDir } from './apps/web/e2e/data-dir';
import {
  appURL,
  authStatePath,
  CEPH_KEYS,
  cephApiDataDir,
  cephAuthStatePath,
  cephPort,
  cephPorts,
  cephStateDir,
  cephURL,
  e2ePort,
  readOnlyDataDir,
  readOnlyPort,
  readOnlyURL,
  ssoDataDir,
  ssoPort,
  ssoProviderPort,
  ssoS3Port,
  ssoURL,
} from './apps/web/e2e/servers';

/** Debian's Chromium as root in a VM without GPU or network (shared with tools/bench/src/browser.ts). */
const chromiumArgs = JSON.parse(
  readFileSync(new URL('./scripts/chromium-args.json', import.meta.url), 'utf8'),
) as string[];

/** What both servers share: the built API serving the built app on a fresh embedded store. */
const serverEnv = {
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  // Enough for every sign-in of a run from one address; the API's own tests cover the limit.
  STOWAGE_LOGIN_RATE_LIMIT: '100',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * End-to-end in Debian's Chromium against the built app on a fresh embedded store. The setup
 * project signs in once through the login form; every spec starts from that session.
 */
export default defineConfig({
  testDir: 'apps/web/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  globalTeardown: './apps/web/e2e/global-teardown.ts',
  retries: 0,
  use: {
    baseURL: appURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
    acceptDownloads: true,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    {
      name: 'chromium',
      dependencies: ['setup'],
      testIgnore: /\.ceph\.spec\.ts$/,
      use: { storageState: authStatePath },
    },
    // The same app on Ceph RGW (ceph-server.mjs): what s3rver cannot do (multipart listing…).
    { name: 'ceph-setup', testMatch: /auth\.ceph\.setup\.ts$/, use: { baseURL: cephURL } },
    {
      name: 'ceph',
      dependencies: ['ceph-setup'],
      testMatch: /\.ceph\.spec\.ts$/,
      use: { baseURL: cephURL, storageState: cephAuthStatePath },
    },
  ],
  webServer: [
    {
      command: `rm -rf ${dataDir} && node apps/api/dist/server.js`,
      url: `${appURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        ...serverEnv,
        PORT: String(e2ePort),
        STOWAGE_DATA_DIR: dataDir,
        // An admin's, with an audit file: the Activity page (activity.spec.ts).
        STOWAGE_ADMIN: 'true',
        STOWAGE_AUDIT_LOG: `${dataDir}/audit.log`,
      },
    },
    {
      // The same demo data, read-only (read-only.spec.ts); also the other origin of csrf.spec.ts.
      command: `rm -rf ${readOnlyDataDir} && node apps/api/dist/server.js`,
      url: `${readOnlyURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        ...serverEnv,
        PORT: String(readOnlyPort),
        STOWAGE_DATA_DIR: readOnlyDataDir,
        STOWAGE_READ_ONLY: 'true',
      },
    },
    {
      // A fresh Ceph RGW (~5 s) and the API on it; SIGTERM stops both (no radosgw is left).
      command: 'node apps/web/e2e/ceph-server.mjs',
      url: `${cephURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
      env: {
        ...serverEnv,
        PORT: String(cephPort),
        E2E_CEPH_API_DATA_DIR: cephApiDataDir,
        CEPH_STATE_DIR: cephStateDir,
        CEPH_RGW_PORT: String(cephPorts.rgw),
        CEPH_MON_PORT: String(cephPorts.mon),
        CEPH_MON_V1_PORT: String(cephPorts.monV1),
        CEPH_S3_ACCESS_KEY: CEPH_KEYS.accessKeyId,
        CEPH_S3_SECRET_KEY: CEPH_KEYS.secretAccessKey,
      },
    },
    {
      // Single sign-on (sso.spec.ts): an OpenID provider, an s3rver and the API with `sso`.
      command: 'node apps/web/e2e/sso-server.mjs',
      url: `${ssoURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        ...serverEnv,
        SSO_PORT: String(ssoPort),
        SSO_PROVIDER_PORT: String(ssoProviderPort),
        SSO_S3_PORT: String(ssoS3Port),
        SSO_DATA_DIR: ssoDataDir,
      },
    },
  ],
});
