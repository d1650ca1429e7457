import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';

/** The web app's features: each may import only itself, components/, lib/ and utils/. */
const features = readdirSync(new URL('./apps/web/src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      // Keys, metadata and tags come from the store: they are only ever rendered as text.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message: 'Store content is rendered as React text, never as HTML.',
        },
      ],
    },
  },
  // The S3 seam: only apps/api/src/store/s3-*.ts talks to S3 (store/README.md).
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/store/s3-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*'],
              message:
                'Only apps/api/src/store/s3-*.ts talks to S3: call the ObjectStore (store/object-store.ts), or add the operation there.',
            },
          ],
        },
      ],
    },
  },
  // Features do not import each other: routes (src/app) compose them.
  ...features.map((feature) => ({
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', `!@/features/${feature}`, `!@/features/${feature}/**`],
              message: `Features do not import each other (this is ${feature}): compose them in src/app, or move what both need to components/, lib/ or utils/.`,
            },
            {
              group: ['../../*'],
              message: 'Reach outside this feature with the @/ alias (components/, lib/, utils/).',
            },
          ],
        },
      ],
    },
  })),
);
