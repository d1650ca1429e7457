import { defineConfig } from 'vitest/config';

// Pure functions, and processes the tests start themselves; the integration suite
// (vitest.config.ts) runs against a shared store.
export default defineConfig({
  resolve: { conditions: ['@stowage/source'] },
  ssr: { resolve: { conditions: ['@stowage/source'] } },
  test: { include: ['test/unit/**/*.test.ts', 'test/process/**/*.test.ts'], testTimeout: 30_000 },
});
