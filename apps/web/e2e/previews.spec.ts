import { expect } from '@playwright/test';
import { pdfViewerLoaded } from './support/preview-files';
import { objectContentApiPath, putObjectViaApi } from './support/api';
import { folderTest as test } from './support/fixtures';
import { onePagePdf, VIDEO_SECONDS, videoClip, wavTone } from './support/preview-files';

// Each richer preview kind shows in the details panel (the XSS side is previews-xss.spec.ts).

test('a video plays from the content route and seeks by Range', async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const key = `${folder}clip.webm`;
  await putObjectViaApi(request, key, videoClip(), { contentType: 'video/webm' });
  const ranges: string[] = [];
  page.on('request', (req) => {
    const range = req.headers().range;
    if (req.url().includes('/object/content') && range !== undefined) ranges.push(range);
  });

  await folderPage.goto(folder, key);
  const video = detailsPanel.previewVideo;
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration))
    .toBeCloseTo(VIDEO_SECONDS, 0);
  // The element knows it can seek (the route answers Range), and it does.
  await expect
    .poll(() =>
      video.evaluate((v: HTMLVideoElement) =>
        v.seekable.length ? v.seekable.end(v.seekable.length - 1) : 0,
      ),
    )
    .toBeGreaterThan(VIDEO_SECONDS - 0.5);
  await video.evaluate((v: HTMLVideoElement) => {
    v.currentTime = 2.5;
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => !v.seeking && v.currentTime))
    .toBeCloseTo(2.5, 1);
  expect(ranges.length).toBeGreaterThan(0);
  expect(ranges.every((r) => r.startsWith('bytes='))).toBe(true);
});

test('audio shows a player with its duration', async ({
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const key = `${folder}tone.wav`;
  await putObjectViaApi(request, key, wavTone(2), { contentType: 'audio/wav' });

  await folderPage.goto(folder, key);
  const audio = detailsPanel.previewAudio;
  await expect(audio).toBeVisible();
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeCloseTo(2, 1);
  await expect
    .poll(() => audio.evaluate((a: HTMLAudioElement) => a.seekable.length))
    .toBeGreaterThan(0);
});

test("a PDF shows in the browser's viewer, in a frame on the content route", async ({
  page,
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const key = `${folder}doc.pdf`;
  await putObjectViaApi(request, key, onePagePdf('Hello PDF'), { contentType: 'application/pdf' });
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });

  await folderPage.goto(folder, key);
  const frame = detailsPanel.previewPdf;
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('title', 'PDF preview of doc.pdf');
  const src = await frame.getAttribute('src');
  expect(src).toBe(objectContentApiPath(key));
  // The frame holds the PDF document, shown by Chromium's own viewer (its extension's frame
  // inside), not downloaded.
  const pdfFrame = await (await frame.elementHandle())?.contentFrame();
  expect(pdfFrame).toBeTruthy();
  await expect.poll(() => pdfFrame?.evaluate(() => document.contentType)).toBe('application/pdf');
  await expect.poll(() => pdfViewerLoaded(page)).toBe(true);
  expect(downloads).toBe(0);
});

test('a CSV shows as a table of its cells', async ({
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const key = `${folder}people.csv`;
  const csv = 'name,city,"note, quoted"\nAda,London,"one, two"\nGrace,Arlington,x\n';
  await putObjectViaApi(request, key, csv, { contentType: 'text/csv' });

  await folderPage.goto(folder, key);
  const table = detailsPanel.previewTable;
  await expect(table.getByRole('columnheader', { name: 'note, quoted' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'city' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Arlington' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'one, two' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
});

test('a TSV with more rows than the cap: the first 5,000, virtualized, and a note', async ({
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const key = `${folder}numbers.tsv`;
  const lines = ['n\tsquare'];
  for (let i = 1; i <= 6000; i++) lines.push(`${String(i)}\t${String(i * i)}`);
  await putObjectViaApi(request, key, `${lines.join('\n')}\n`, {
    contentType: 'text/tab-separated-values',
  });

  await folderPage.goto(folder, key);
  const table = detailsPanel.previewTable;
  await expect(detailsPanel.preview.getByText('Showing the first 5,000 rows')).toBeVisible();
  await expect(table.getByRole('cell', { name: '144', exact: true })).toBeVisible();
  // Only the rows in view (and a few beyond) are in the page.
  expect(await table.getByRole('row').count()).toBeLessThan(100);
  await table.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(table.getByRole('cell', { name: '25000000', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: '5001', exact: true })).toHaveCount(0);
});

test('Markdown is rendered', async ({ request, folder, folderPage, detailsPanel }) => {
  const key = `${folder}README.md`;
  const md =
    '# Hello heading\n\nSome *emphasis* and a [link](https://example.com/x).\n\n- one\n- two\n';
  await putObjectViaApi(request, key, md, { contentType: 'text/markdown' });

  await folderPage.goto(folder, key);
  const doc = detailsPanel.previewMarkdown;
  await expect(doc.getByRole('heading', { level: 1, name: 'Hello heading' })).toBeVisible();
  await expect(doc.locator('em')).toHaveText('emphasis');
  await expect(doc.getByRole('listitem')).toHaveText(['one', 'two']);
  const link = doc.getByRole('link', { name: 'link' });
  await expect(link).toHaveAttribute('href', 'https://example.com/x');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('code is highlighted by its language', async ({
  request,
  folder,
  folderPage,
  detailsPanel,
}) => {
  const key = `${folder}main.py`;
  const source = 'def greet(name):\n    # say hello\n    return "hi " + name\n';
  await putObjectViaApi(request, key, source, { contentType: 'text/x-python' });

  await folderPage.goto(folder, key);
  const code = detailsPanel.previewCode;
  await expect(code).toHaveText(source);
  await expect(code).toHaveAttribute('data-language', 'python');
  await expect(code.locator('.hljs-keyword').first()).toHaveText('def');
  await expect(code.locator('.hljs-string')).toHaveText('"hi "');
  await expect(code.locator('.hljs-comment')).toHaveText('# say hello');
  // Tokens are coloured apart from the plain text.
  const plain = await code.evaluate((el) => getComputedStyle(el).color);
  await expect(code.locator('.hljs-keyword').first()).not.toHaveCSS('color', plain);
});
