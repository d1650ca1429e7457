import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { bucketPath, bucketSettingPath } from '@stowage/shared';
import { cephEndpoint, cephURL } from './servers';
import { CSRF_HEADERS } from './support/api';
import { makeApiBucket, removeApiBucket } from './support/api-buckets';
import { makeBigFile } from './support/big-files';
import type { FolderPage } from './pages/folder-page';
import type { TransfersPanel } from './pages/transfers-panel';
import { test as base } from './support/fixtures';

// The direct transport of big uploads on Ceph RGW (the `ceph` project: its API runs with
// STOWAGE_UPLOAD_TRANSPORT=direct, ceph-server.mjs). Where the bucket's CORS lets the page's
// origin PUT with Content-MD5 and exposes ETag, the parts go straight to the RGW (presigned
// URLs), none to the API; without CORS the same file goes through the relay, and the row says why.

const SIZE_MIB = 80;
/** What the API's create answer gives an 80 MiB file (multipartPartSize): 10 parts of 8 MiB. */
const PARTS = 10;

const test = base.extend<{ bucket: string }>({
  bucket: async ({ request }, use) => {
    const bucket = await makeApiBucket(request, 'direct');
    await use(bucket);
    await removeApiBucket(request, bucket);
  },
});
test.describe.configure({ timeout: 180_000 });

/** The part PUTs the page sends, by where they go: the RGW (direct) or the API (relay). */
function watchParts(page: Page) {
  const toStore: number[] = [];
  const toApi: number[] = [];
  const storeOk: number[] = [];
  page.on('request', (req) => {
    if (req.method() !== 'PUT') return;
    const url = new URL(req.url());
    if (url.origin === cephEndpoint && url.searchParams.has('uploadId')) {
      toStore.push(Number(url.searchParams.get('partNumber')));
    } else if (url.origin === cephURL && /\/multipart\/[^/]+\/parts\/\d+$/.test(url.pathname)) {
      toApi.push(Number(/(\d+)$/.exec(url.pathname)![1]));
    }
  });
  page.on('requestfinished', (req) => {
    const url = new URL(req.url());
    if (req.method() !== 'PUT' || url.origin !== cephEndpoint) return;
    void req.response().then((res) => {
      if (res?.ok()) storeOk.push(Number(url.searchParams.get('partNumber')));
    });
  });
  return { toStore, toApi, storeOk };
}

async function storedSha256(request: APIRequestContext, bucket: string, key: string) {
  const res = await request.get(
    `${bucketPath(bucket)}/object/content?key=${encodeURIComponent(key)}`,
    { timeout: 60_000 },
  );
  expect(res.status()).toBe(200);
  return createHash('sha256')
    .update(await res.body())
    .digest('hex');
}

/** One CORS rule on the bucket, through the API's settings route. */
async function putCors(request: APIRequestContext, bucket: string, rule: Record<string, unknown>) {
  const res = await request.put(bucketSettingPath(bucket, 'cors'), {
    headers: CSRF_HEADERS,
    data: { CORSRules: [rule] },
  });
  expect(res.status(), await res.text()).toBe(200);
}

type UploadFixtures = {
  page: Page;
  bucket: string;
  folderPage: FolderPage;
  transfersPanel: TransfersPanel;
};

/** An 80 MiB file picked in the bucket's folder, with its part PUTs watched and its row. */
async function startBigUpload(
  { page, bucket, folderPage, transfersPanel }: UploadFixtures,
  name: string,
) {
  const { file, sha256 } = await makeBigFile(name, SIZE_MIB);
  const parts = watchParts(page);
  await folderPage.gotoBucket(bucket);
  await folderPage.pickFiles('Upload files', file);
  return { sha256, parts, item: transfersPanel.item(name) };
}

test('with a CORS rule for the page, an 80 MiB file goes straight to the RGW, none of it through the API', async ({
  page,
  request,
  bucket,
  folderPage,
  transfersPanel,
}) => {
  await putCors(request, bucket, {
    AllowedOrigins: [cephURL],
    AllowedMethods: ['PUT'],
    AllowedHeaders: ['content-md5', 'content-type'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 300,
  });
  const { sha256, parts, item } = await startBigUpload(
    { page, bucket, folderPage, transfersPanel },
    'direct.bin',
  );
  await expect(item).toContainText('Multipart · direct to the store');
  await transfersPanel.expectUploaded('direct.bin');
  await expect(item).toContainText('Multipart · direct to the store');
  expect(new Set(parts.toStore).size).toBe(PARTS);
  expect(new Set(parts.storeOk).size).toBe(PARTS);
  expect(parts.toApi).toEqual([]);
  expect(await storedSha256(request, bucket, 'direct.bin')).toBe(sha256);
});

test('without CORS the same file goes through the relay, and the row says why', async ({
  page,
  request,
  bucket,
  folderPage,
  transfersPanel,
}) => {
  const { sha256, parts, item } = await startBigUpload(
    { page, bucket, folderPage, transfersPanel },
    'relay.bin',
  );
  await expect(item).toContainText('Multipart · relay: the bucket has no CORS configuration');
  await transfersPanel.expectUploaded('relay.bin');
  expect(parts.toStore).toEqual([]);
  expect(new Set(parts.toApi).size).toBe(PARTS);
  expect(await storedSha256(request, bucket, 'relay.bin')).toBe(sha256);
});

test('a CORS rule for another origin: the parts go through the relay, the row names the page origin', async ({
  page,
  request,
  bucket,
  folderPage,
  transfersPanel,
}) => {
  await putCors(request, bucket, {
    AllowedOrigins: ['https://elsewhere.example'],
    AllowedMethods: ['PUT'],
    AllowedHeaders: ['*'],
    ExposeHeaders: ['ETag'],
  });
  const { parts, item } = await startBigUpload(
    { page, bucket, folderPage, transfersPanel },
    'other.bin',
  );
  await expect(item).toContainText(
    `Multipart · relay: the bucket's CORS does not allow PUT from ${cephURL} with content-md5`,
  );
  await transfersPanel.expectUploaded('other.bin');
  expect(parts.toStore).toEqual([]);
});

test('direct offered but the store cannot be reached from the page: the rest goes through the relay, and the row says so', async ({
  page,
  request,
  bucket,
  folderPage,
  transfersPanel,
}) => {
  await putCors(request, bucket, {
    AllowedOrigins: [cephURL],
    AllowedMethods: ['PUT'],
    AllowedHeaders: ['content-md5'],
    ExposeHeaders: ['ETag'],
  });
  // The way from the page to the RGW is cut (a proxy or firewall between them): status 0.
  await page.route(`${cephEndpoint}/**`, (route) => route.abort('connectionrefused'));
  const { sha256, parts, item } = await startBigUpload(
    { page, bucket, folderPage, transfersPanel },
    'fallback.bin',
  );
  // The relay after the failed first PUTs: slower than the RGW alone on a busy machine.
  await expect(item).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await transfersPanel.expectUploaded('fallback.bin');
  await expect(item).toContainText(
    'Multipart · relay: direct failed (The store could not be reached from this page (network or CORS)); the rest goes through Stowage',
  );
  expect(parts.storeOk).toEqual([]);
  expect(new Set(parts.toApi).size).toBe(PARTS);
  expect(await storedSha256(request, bucket, 'fallback.bin')).toBe(sha256);
});
