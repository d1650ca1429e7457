import { defineConfig } from 'vitest/config';

// One suite, run once per store: STOWAGE_TEST_STORE=embedded (s3rver) or ceph (Ceph RGW).
export default defineConfig({
  resolve: { conditions: ['@stowage/source'] },
  ssr: { resolve: { conditions: ['@stowage/source'] } },
  test: {
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Files share one store; each makes its own bucket, but two at a time is kind to 2 cores.
    maxWorkers: 2,
  },
});
