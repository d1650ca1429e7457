import { expect } from '@playwright/test';
import { putObjectViaApi } from './support/api';
import { folderTest as test } from './support/fixtures';
import { expectNotPwned, watchDialogs } from './support/xss';
import { onePagePdf, pdfViewerLoaded } from './support/preview-files';

// Stored XSS through the richer previews: a payload inside a Markdown, CSV, code or PDF
// object runs nothing in the app's origin (as xss.spec.ts does for keys, metadata, HTML, SVG).

const MARKDOWN = [
  '# Safe heading',
  '',
  '<script>window.__pwned = "md-script"; alert("md-script")</script>',
  '',
  '<img src="x" onerror="window.__pwned = \'md-img\'; alert(\'md-img\')">',
  '',
  '[click me](javascript:window.__pwned=1;alert(1))',
  '',
  '<a href="javascript:window.__pwned=2;alert(2)">raw link</a>',
  '',
  '<svg><script>window.__pwned = "md-svg"; alert("md-svg")</script><a href="javascript:alert(3)"><text>svg link</text></a></svg>',
  '',
  '<iframe srcdoc="<script>parent.__pwned = \'md-iframe\'</script>"></iframe>',
  '',
  "<details open ontoggle=\"window.__pwned = 'md-toggle'; alert('md-toggle')\">x</details>",
  '',
  '<p style="background:url(javascript:alert(4))" onclick="alert(5)">styled</p>',
].join('\n');

test('a Markdown payload (script, onerror, javascript: links, SVG, iframe) runs nothing', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const dialogs = watchDialogs(page);
  const key = `${folder}evil.md`;
  await putObjectViaApi(request, key, MARKDOWN, { contentType: 'text/markdown' });

  await folderPage.goto(folder, key);
  const doc = detailsPanel.previewMarkdown;
  await expect(doc.getByRole('heading', { name: 'Safe heading' })).toBeVisible();
  await expect(doc.getByText('styled')).toBeVisible();
  // None of the active parts were kept.
  await expect(
    doc.locator('script, svg, iframe, [onerror], [ontoggle], [onclick], [style]'),
  ).toHaveCount(0);
  await expect(doc.locator('[href^="javascript:" i]')).toHaveCount(0);
  // The links were made inert: clicking them does nothing.
  await doc.getByText('click me').click();
  await doc.getByText('raw link').click();
  await doc.getByText('styled').click();
  await expectNotPwned(page);
  expect(dialogs).toEqual([]);
  await expect(page).toHaveURL(/\/b\/demo/);
});

test('a CSV cell holding markup shows as text', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const dialogs = watchDialogs(page);
  const key = `${folder}evil.csv`;
  const img = '<img src=x onerror="window.__pwned=1;alert(1)">';
  const script = '<script>window.__pwned=2;alert(2)</script>';
  const csv = `a,b\n"${img.replaceAll('"', '""')}",${script}\n`;
  await putObjectViaApi(request, key, csv, { contentType: 'text/csv' });

  await folderPage.goto(folder, key);
  const table = detailsPanel.previewTable;
  await expect(table.getByRole('cell', { name: img, exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: script, exact: true })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(table.locator('script')).toHaveCount(0);
  await expectNotPwned(page);
  expect(dialogs).toEqual([]);
});

test('a code file holding markup is highlighted as text', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const dialogs = watchDialogs(page);
  const key = `${folder}evil.js`;
  const source =
    '// </span><img src=x onerror="window.__pwned=1;alert(1)">\nconst s = "</pre><script>window.__pwned=2;alert(2)</script>";\n';
  await putObjectViaApi(request, key, source, { contentType: 'text/javascript' });

  await folderPage.goto(folder, key);
  const code = detailsPanel.previewCode;
  await expect(code).toHaveText(source);
  await expect(code.locator('.hljs-keyword').first()).toHaveText('const');
  await expect(code.locator('img, script')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expectNotPwned(page);
  expect(dialogs).toEqual([]);
});

test("a PDF with JavaScript runs none of it in the app's origin", async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const dialogs = watchDialogs(page);
  const key = `${folder}evil.pdf`;
  // Its open action alerts (PDFium's own app.alert) and tries to reach the page through
  // javascript: URLs.
  const js =
    'app.alert("pdf-alert"); try { app.launchURL("javascript:parent.__pwned=1;alert(1)"); } catch (e) {} try { this.getURL("javascript:parent.__pwned=2;alert(2)"); } catch (e) {}';
  const pdf = onePagePdf('Hello PDF', `/OpenAction << /S /JavaScript /JS (${js}) >>`);
  await putObjectViaApi(request, key, pdf, { contentType: 'application/pdf' });

  await folderPage.goto(folder, key);
  const frame = detailsPanel.previewPdf;
  await expect(frame).toBeVisible();
  const pdfFrame = await (await frame.elementHandle())?.contentFrame();
  await expect.poll(() => pdfFrame?.evaluate(() => document.contentType)).toBe('application/pdf');
  await expect.poll(() => pdfViewerLoaded(page)).toBe(true);
  // The open action has run: its alert came from Chromium's PDF viewer (PDFium runs the
  // document's script in its own isolate, in the viewer extension's origin, as in any tab).
  await expect.poll(() => dialogs).toContain('pdf-alert');
  await page.waitForLoadState('networkidle');
  // Nothing else: no script reached the app's page or the frame's document.
  expect(dialogs.filter((message) => message !== 'pdf-alert')).toEqual([]);
  await expectNotPwned(page);
  expect(await pdfFrame?.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page).toHaveURL(/\/b\/demo/);
  expect(page.context().pages()).toHaveLength(1);
});
