import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Where `vite dev` sends /api: STOWAGE_API_URL, else the API's default port. */
const apiUrl = process.env.STOWAGE_API_URL ?? 'http://127.0.0.1:8080';

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
    port: Number(process.env.STOWAGE_WEB_PORT ?? 5173),
    proxy: { '/api': apiUrl },
  },
  build: {
    outDir: 'dist',
    // Built beside the scripts but not named in them: served only with STOWAGE_SOURCE_MAPS=true,
    // which names them in a SourceMap header (plugins/external/static.ts).
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // React in a chunk of its own: left to itself the bundler put it in one chunk with zod
        // (both shared by lazy screens), and the first screen then loaded zod too (~29 KB gzip).
        advancedChunks: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
