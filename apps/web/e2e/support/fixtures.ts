/** The specs' `test` fixtures beyond Playwright's own. */
import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { deletePrefixViaApi } from './api';

/**
 * The write path: `test` with `folder`, a fresh "e2e-<spec>-<random>/" at the root of the demo
 * bucket for the test to write in (nothing creates it: the first upload into it does), deleted
 * with all its content after the test, pass or fail, so the seeded demo content the other
 * specs read stays as it was.
 */
export const folderTest = base.extend<{ folder: string }>({
  folder: async ({ request }, use, testInfo) => {
    const spec = path.basename(testInfo.file).replace(/\.spec\.ts$/, '');
    const folder = `e2e-${spec}-${randomBytes(4).toString('hex')}/`;
    await use(folder);
    await deletePrefixViaApi(request, folder);
  },
});
