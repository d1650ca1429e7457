import { expect, type Page } from '@playwright/test';
import { folderPageUrl } from '@stowage/shared';
import { demoApiPath } from './support/api';
import { DEMO_BUCKET } from './support/demo';
import { test } from './support/fixtures';

/** Every API request of the page, in order: `ask …` when sent, `got …` when answered. */
function recordApiTraffic(page: Page): string[] {
  const events: string[] = [];
  const name = (url: string) => {
    const { pathname, search } = new URL(url);
    return pathname.startsWith('/api/') ? `${pathname}${search}` : null;
  };
  page.on('request', (req) => {
    const n = name(req.url());
    if (n) events.push(`ask ${n}`);
  });
  page.on('requestfinished', (req) => {
    const n = name(req.url());
    if (n) events.push(`got ${n}`);
  });
  return events;
}

test("a folder's URL: its first page is preloaded with the page and asked for once; the capability probes wait for it", async ({
  page,
  folderPage,
}) => {
  const events = recordApiTraffic(page);
  const firstPage = folderPageUrl(DEMO_BUCKET, 'docs/');
  const capabilities = demoApiPath('capabilities');

  const res = await folderPage.goto('docs/');
  expect(res?.headers().link).toContain(`<${firstPage}>; rel=preload; as=fetch; crossorigin`);
  await expect(folderPage.row('unicode/')).toBeVisible();
  // The probes' answer is shown once they ran.
  await expect(page.getByText(/^Versioning: /)).toBeVisible();

  // One request for the first page: the app's fetch got the preloaded answer.
  expect(events.filter((e) => e.endsWith(firstPage))).toEqual([
    `ask ${firstPage}`,
    `got ${firstPage}`,
  ]);
  expect(events.filter((e) => e.endsWith('/api/session'))).toEqual([
    'ask /api/session',
    'got /api/session',
  ]);
  expect(events.indexOf(`ask ${capabilities}`)).toBeGreaterThan(events.indexOf(`got ${firstPage}`));
});
