import { defineConfig } from '@playwright/test';
import { e2eDataDir as dataDir } from './apps/web/e2e/data-dir';

const port = Number(process.env.E2E_PORT ?? 18080);

/** End-to-end in Debian's Chromium against the built app on a fresh embedded store. */
export default defineConfig({
  testDir: 'apps/web/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  globalTeardown: './apps/web/e2e/global-teardown.ts',
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    acceptDownloads: true,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `rm -rf ${dataDir} && node apps/api/dist/server.js`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      STOWAGE_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
});
