import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `@stowage/source` lets Vite read packages/shared from its TypeScript sources. Setting
// `conditions` replaces Vite's defaults (module, browser, development|production), so keep them.
export default defineConfig({
  plugins: [react()],
  resolve: {
    conditions: ['@stowage/source', ...defaultClientConditions],
    // `@/…` -> src/…, as declared in tsconfig.json.
    tsconfigPaths: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
});
