import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderPageUrl } from '@stowage/shared';
import { build, createBucket, fixtureClient, type TestApp } from '../helper.js';

const webDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));
let app: TestApp;
let bucket: string;
// Every character a Link header or an HTML attribute could trip over.
const oddPrefix = 'a>b, c;d "e" <f> &g=h?#%/';

beforeAll(async () => {
  app = await build({}, { webDir });
  bucket = await createBucket(app, 'preload');
  await fixtureClient().send(
    new PutObjectCommand({ Bucket: bucket, Key: `${oddPrefix}inside.txt`, Body: 'x' }),
  );
});
afterAll(() => app.close());

/** The URLs a page's Link header preloads, each checked to be a `fetch` preload. */
async function preloads(url: string): Promise<string[]> {
  const res = await app.injectRaw(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  const links = String(res.headers.link).split(', ');
  return links.map((link) => {
    const m = /^<([^>]*)>; rel=preload; as=fetch; crossorigin$/.exec(link);
    expect(m, link).not.toBeNull();
    return m![1]!;
  });
}

describe('the app page preloads its first requests (Link header)', () => {
  it('the bucket list: the session and the buckets', async () => {
    expect(await preloads('/')).toEqual(['/api/session', '/api/buckets']);
  });

  it("a folder: the session and the folder's first page, the very URL the app asks for", async () => {
    expect(await preloads(`/b/${bucket}?prefix=docs/`)).toEqual([
      '/api/session',
      `/api/buckets/${bucket}/objects?prefix=docs%2F&delimiter=%2F&limit=1000`,
    ]);
    // The bucket's root, and an object's deep link (?key=) in it.
    expect((await preloads(`/b/${bucket}?prefix=docs/&key=docs/a.txt`))[1]).toBe(
      folderPageUrl(bucket, 'docs/'),
    );
    expect((await preloads(`/b/${bucket}`))[1]).toBe(folderPageUrl(bucket, ''));
  });

  it('a folder with "Show deleted" (?deleted=1): the listing with the deleted keys, as the app asks', async () => {
    expect((await preloads(`/b/${bucket}?prefix=docs/&deleted=1`))[1]).toBe(
      `/api/buckets/${bucket}/objects?prefix=docs%2F&delimiter=%2F&limit=1000&deleted=1`,
    );
    expect((await preloads(`/b/${bucket}?prefix=docs/&deleted=1`))[1]).toBe(
      folderPageUrl(bucket, 'docs/', undefined, { deleted: true }),
    );
    // Anything else is the plain listing (the app reads only "1").
    expect((await preloads(`/b/${bucket}?prefix=docs/&deleted=true`))[1]).toBe(
      folderPageUrl(bucket, 'docs/'),
    );
  });

  it('any prefix stays inside its URL, and that URL lists the folder', async () => {
    const page = `/b/${bucket}?prefix=${encodeURIComponent(oddPrefix)}`;
    const [, url] = await preloads(page);
    expect(new URL(url!, 'http://x').searchParams.get('prefix')).toBe(oddPrefix);
    const listing = await app.inject(url!);
    expect(listing.statusCode).toBe(200);
    expect(listing.json().objects.map((o: { key: string }) => o.key)).toEqual([
      `${oddPrefix}inside.txt`,
    ]);
  });

  it('a page the app cannot open preloads the session only; /api paths stay JSON 404s', async () => {
    for (const url of ['/b/x/y', '/somewhere/else']) {
      expect(await preloads(url), url).toEqual(['/api/session']);
    }
    // A malformed escape in the path: a 400 from the router, not a 500 from the preload.
    expect((await app.injectRaw('/b/%E0%A4%A')).statusCode).toBe(400);
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers.link).toBeUndefined();
    expect(res.json()).toMatchObject({ statusCode: 404 });
  });
});
