import { defineConfig } from 'vitest/config';

// Unit tests of the web's pure logic (queue, batch preparation, form schemas), in Node.
// The Playwright specs in e2e/ are not Vitest's.
export default defineConfig({
  // `@/…` -> src/…, as in vite.config.ts.
  resolve: { conditions: ['@stowage/source'], tsconfigPaths: true },
  ssr: { resolve: { conditions: ['@stowage/source'] } },
  test: { include: ['src/**/*.test.ts'] },
});
