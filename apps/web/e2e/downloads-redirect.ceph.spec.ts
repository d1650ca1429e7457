import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { cephEndpoint, cephURL } from './servers';
import { putObjectViaApi } from './support/api';
import { makeApiBucket, removeApiBucket } from './support/api-buckets';
import type { FolderPage } from './pages/folder-page';
import { test as base } from './support/fixtures';
import { onePagePdf, pdfViewerLoaded, VIDEO_SECONDS, videoClip } from './support/preview-files';

// Downloads in redirect mode on Ceph RGW (the `ceph` project: its API runs with
// STOWAGE_DOWNLOADS=redirect, ceph-server.mjs). An element's src and a download follow the
// content route's 302 to a presigned URL, and the bytes come from the RGW (the CSP allows its
// origin for img, media and frames); a text preview reads with fetch(), through the relay
// (relay=1), so it needs no CORS on the bucket. The relay side of each is previews.spec.ts.

const test = base.extend<{ bucket: string }>({
  bucket: async ({ request }, use) => {
    const bucket = await makeApiBucket(request, 'redirect');
    await use(bucket);
    await removeApiBucket(request, bucket);
  },
});

/** A w×h RGB PNG, one colour: a real image for the preview to decode. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x5a)]);
  const pixels = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What the page asked of the content route and of the RGW, by status. */
function watch(page: Page) {
  const route: { url: URL; status: number }[] = [];
  const store: { url: URL; status: number }[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.origin === cephURL && url.pathname.endsWith('/object/content')) {
      route.push({ url, status: res.status() });
    } else if (url.origin === cephEndpoint) {
      store.push({ url, status: res.status() });
    }
  });
  return { route, store };
}

type Seeded = [key: string, body: string | Buffer, contentType?: string];

/**
 * Puts the objects into the bucket, then (watching what the page asks from now on) opens the
 * first one's details.
 */
async function openSeeded(
  {
    page,
    request,
    bucket,
    folderPage,
  }: { page: Page; request: APIRequestContext; bucket: string; folderPage: FolderPage },
  objects: Seeded[],
) {
  for (const [key, body, contentType] of objects) {
    await putObjectViaApi(request, key, body, { bucket, ...(contentType ? { contentType } : {}) });
  }
  const seen = watch(page);
  await folderPage.gotoBucket(bucket, '', objects[0]![0]);
  return seen;
}

test('an image preview follows the 302 and loads from the RGW', async ({
  page,
  request,
  bucket,
  folderPage,
  detailsPanel,
}) => {
  const seen = await openSeeded({ page, request, bucket, folderPage }, [
    ['square.png', png(24, 16), 'image/png'],
  ]);
  const image = detailsPanel.preview.getByRole('img', { name: 'Preview of the object' });
  await expect(image).toBeVisible();
  await expect(image).toHaveJSProperty('complete', true);
  await expect(image).toHaveJSProperty('naturalWidth', 24);
  await expect(image).toHaveJSProperty('naturalHeight', 16);
  await expect(detailsPanel.preview.getByText('This image could not be displayed.')).toHaveCount(0);
  expect(seen.route.map((r) => r.status)).toContain(302);
  expect(seen.store.some((r) => r.status === 200 && r.url.pathname.endsWith('/square.png'))).toBe(
    true,
  );
});

test('a text preview reads through the relay (relay=1), never from the RGW', async ({
  page,
  request,
  bucket,
  folderPage,
  detailsPanel,
}) => {
  const seen = await openSeeded({ page, request, bucket, folderPage }, [
    ['notes.txt', 'hello from a redirect profile'],
    ['table.csv', 'name,count\nalpha,1\nbeta,2\n', 'text/csv'],
  ]);
  await expect(detailsPanel.previewText).toHaveText('hello from a redirect profile');
  await folderPage.gotoBucket(bucket, '', 'table.csv');
  await expect(detailsPanel.previewTable.getByRole('cell', { name: 'beta' })).toBeVisible();
  const reads = seen.route.filter((r) => r.url.searchParams.get('relay') === '1');
  expect(reads.map((r) => r.status).sort()).toEqual([206, 206]);
  expect(seen.store).toEqual([]);
});

test('Download saves the exact bytes, served by the RGW', async ({
  page,
  request,
  bucket,
  folderPage,
  detailsPanel,
}) => {
  const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 251));
  const name = 'report (final) ü.bin';
  const seen = await openSeeded({ page, request, bucket, folderPage }, [
    [name, body, 'application/octet-stream'],
  ]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    detailsPanel.downloadLink.click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  expect(await download.failure()).toBeNull();
  expect((await readFile(await download.path())).equals(body)).toBe(true);
  // The browser saved what the RGW served at the presigned URL the route redirected to.
  const from = new URL(download.url());
  expect(from.origin).toBe(cephEndpoint);
  expect(from.searchParams.get('X-Amz-Expires')).toBe('300');
  expect(seen.store.map((r) => r.status)).toEqual([200]);
});

test('a video seeks by Range and a PDF shows in its frame, both from the RGW', async ({
  page,
  request,
  bucket,
  folderPage,
  detailsPanel,
}) => {
  const seen = await openSeeded({ page, request, bucket, folderPage }, [
    ['clip.webm', videoClip(), 'video/webm'],
    ['doc.pdf', onePagePdf('Hello PDF'), 'application/pdf'],
  ]);
  const video = detailsPanel.previewVideo;
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration))
    .toBeCloseTo(VIDEO_SECONDS, 0);
  await video.evaluate((v: HTMLVideoElement) => {
    v.currentTime = 2.5;
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => !v.seeking && v.currentTime))
    .toBeCloseTo(2.5, 1);
  // The element re-sent its Range to the RGW, which answered in part.
  expect(seen.route.map((r) => r.status)).toContain(302);
  const clip = seen.store.filter((r) => r.url.pathname.endsWith('/clip.webm'));
  expect(clip.map((r) => r.status)).toContain(206);

  await folderPage.gotoBucket(bucket, '', 'doc.pdf');
  const frame = detailsPanel.previewPdf;
  await expect(frame).toBeVisible();
  const pdfFrame = await (await frame.elementHandle())?.contentFrame();
  expect(pdfFrame).toBeTruthy();
  await expect.poll(() => pdfFrame?.evaluate(() => document.contentType)).toBe('application/pdf');
  await expect.poll(() => pdfViewerLoaded(page)).toBe(true);
  expect(seen.store.some((r) => r.status === 200 && r.url.pathname.endsWith('/doc.pdf'))).toBe(
    true,
  );
});
