import { defineConfig } from 'vitest/config';

// Pure functions only; the integration suite (vitest.config.ts) needs a store.
export default defineConfig({
  resolve: { conditions: ['@stowage/source'] },
  ssr: { resolve: { conditions: ['@stowage/source'] } },
  test: { include: ['test/unit/**/*.test.ts'] },
});
