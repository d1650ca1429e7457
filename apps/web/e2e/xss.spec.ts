import { expect } from '@playwright/test';
import { objectContentApiPath, putObjectViaApi } from './support/api';
import { folderTest as test } from './support/fixtures';
import { expectNotPwned, watchDialogs } from './support/xss';

const IMG_KEY_NAME = '<img src=x onerror=alert(1)>';
const SCRIPT_VALUE = '<script>alert(1)</script>';
const HTML_BODY = '<!doctype html><script>window.__pwned = "html"; alert("html")</script><p>hi</p>';
const SVG_BODY =
  '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned = "svg"; alert("svg")</script></svg>';

test('a key and a metadata value holding markup render as text', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const dialogs = watchDialogs(page);
  const key = `${folder}${IMG_KEY_NAME}`;
  await putObjectViaApi(request, key, 'hello', { metadata: { note: SCRIPT_VALUE } });

  await folderPage.goto(folder);
  await expect(folderPage.row(IMG_KEY_NAME)).toBeVisible();
  await expect(folderPage.row(IMG_KEY_NAME).getByText(IMG_KEY_NAME)).toBeVisible();
  await folderPage.openRow(IMG_KEY_NAME);

  await expect(detailsPanel.heading).toHaveText(IMG_KEY_NAME);
  await expect(detailsPanel.field('Key')).toHaveText(key);
  const metadata = detailsPanel.table('User metadata');
  await expect(metadata.getByRole('cell', { name: SCRIPT_VALUE, exact: true })).toBeVisible();
  // No element was made of them: the only <img> and <script> are the app's own.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('#root script')).toHaveCount(0);
  await expectNotPwned(page);
  expect(dialogs).toEqual([]);
});

for (const [name, body, contentType] of [
  ['page.html', HTML_BODY, 'text/html; charset=utf-8'],
  ['drawing.svg', SVG_BODY, 'image/svg+xml'],
] as const) {
  test(`an uploaded ${name} with script cannot run it in the app's origin`, async ({
    page,
    request,
    folder,
    folderPage,
    detailsPanel,
  }) => {
    const dialogs = watchDialogs(page);
    const key = `${folder}${name}`;
    await putObjectViaApi(request, key, body, { contentType });

    // The preview shows the source as text.
    await folderPage.goto(folder, key);
    await expect(detailsPanel.previewText).toHaveText(body);
    await expect(detailsPanel.preview.locator('iframe, object, embed')).toHaveCount(0);
    await expectNotPwned(page);

    // The content URL: under a sandbox CSP (no script, an opaque origin), never sniffed.
    const url = objectContentApiPath(key);
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    const headers = res.headers();
    expect(headers['content-security-policy']).toMatch(/(^|;)\s*sandbox\s*(;|$)/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    const attachment = /^attachment\b/.test(headers['content-disposition'] ?? '');

    // Opened in the browser: a download, or a sandboxed document whose script does not run.
    const tab = await page.context().newPage();
    const tabDialogs = watchDialogs(tab);
    if (attachment) {
      const download = tab.waitForEvent('download');
      await tab.goto(url).catch(() => undefined); // "Download is starting"
      expect((await download).suggestedFilename()).toBe(name);
    } else {
      await tab.goto(url);
      await expectNotPwned(tab);
    }
    await tab.close();

    await expectNotPwned(page);
    expect([...dialogs, ...tabDialogs]).toEqual([]);
  });
}
