import { defineConfig } from 'vitest/config';

// Unit tests of the web's pure logic (queue, batch preparation, form schemas, api-client), in
// Node; components render to static markup (react-dom/server), no DOM needed.
// The Playwright specs in e2e/ are not Vitest's.
export default defineConfig({
  // `@/…` -> src/…, as in vite.config.ts.
  resolve: { conditions: ['@stowage/source'], tsconfigPaths: true },
  ssr: { resolve: { conditions: ['@stowage/source'] } },
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
