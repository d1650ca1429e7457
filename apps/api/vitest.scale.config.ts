import { defineConfig } from 'vitest/config';

// The scale-out suite (test/scale-out/): redis-server, nginx and two instances of the built API
// (`pnpm run build` first) on one Ceph RGW, the run's shared one under `npm test`
// (STOWAGE_TEST_CEPH_ENDPOINT), else a fresh one (CEPH_* variables: test/global-setup.ts).
process.env.STOWAGE_TEST_STORE ??= 'ceph';

export default defineConfig({
  resolve: { conditions: ['@stowage/source'] },
  ssr: { resolve: { conditions: ['@stowage/source'] } },
  test: {
    include: ['test/scale-out/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file runs its own cluster: one at a time on 2 cores.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
