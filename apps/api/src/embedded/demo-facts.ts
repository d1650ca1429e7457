/**
 * What the demo bucket holds, as plain data: seed-demo.ts writes it, and the web app's
 * end-to-end specs read it (apps/web/e2e/support/demo.ts) rather than keeping a copy. No
 * imports, no I/O: the specs load this module (built, `@stowage/api/embedded/demo-facts`)
 * without the store, the AWS SDK or anything Node-only.
 */

export const DEMO_BUCKET = 'demo';

/** Over 2,500 so the listing needs three pages of 1,000. */
export const DEMO_MANY_COUNT = 2600;
export const DEMO_MANY_PREFIX = 'many/';

/** Item n (1-based) of many/: item-00001.txt … item-02600.txt, each saying which it is. */
export function demoManyItem(n: number): { name: string; body: string } {
  const id = String(n).padStart(5, '0');
  return { name: `item-${id}.txt`, body: `Item ${id}\n` };
}

/** The demo image: a PNG drawn at seeding (demo-png.ts), this many pixels wide and high. */
export const DEMO_IMAGE = { key: 'images/gradient.png', width: 96, height: 64 } as const;

export interface DemoTextObject {
  key: string;
  body: string;
  contentType: string;
  metadata?: Record<string, string>;
}

const TEXT = 'text/plain; charset=utf-8';

const readme = `Welcome to Stowage.

This demo bucket lives in the embedded S3 store (s3rver) under the data directory.
Browse the folders, open a file to see its details, preview it or download it.
`;

/** Every demo object but the image and many/, as written. */
export const DEMO_TEXT_OBJECTS: readonly DemoTextObject[] = [
  { key: 'README.txt', body: readme, contentType: TEXT },
  {
    key: 'data/config.json',
    body: JSON.stringify({
      name: 'stowage',
      features: ['browse', 'preview'],
      nested: { ok: true },
    }),
    contentType: 'application/json',
    metadata: { owner: 'demo', purpose: 'sample-config' },
  },
  {
    key: 'docs/reports 2024/annual report.txt',
    body: 'Annual report: all good.\n',
    contentType: TEXT,
  },
  { key: 'docs/unicode/日本語 ファイル.txt', body: 'こんにちは、世界\n', contentType: TEXT },
  { key: 'docs/unicode/café émoji 🎉.txt', body: 'Café, crème brûlée, 🎉\n', contentType: TEXT },
  {
    key: 'docs/unicode/a+b & c=d #1 50%.txt',
    body: 'Special characters in a key.\n',
    contentType: TEXT,
  },
  { key: 'nested/a/b/c/deep.txt', body: 'Four folders down.\n', contentType: TEXT },
];
