import pMap from 'p-map';
import type { ObjectStore, PutObjectInput } from '../store/object-store.js';
import { demoPng } from './demo-png.js';

export const DEMO_BUCKET = 'demo';
/** Over 2,500 so the listing needs three pages of 1,000. */
export const DEMO_MANY_COUNT = 2600;
export const DEMO_MANY_PREFIX = 'many/';

const readme = `Welcome to Stowage.

This demo bucket lives in the embedded S3 store (s3rver) under the data directory.
Browse the folders, open a file to see its details, preview it or download it.
`;

/** The demo objects, except the many/ folder. */
export function demoObjects(): Omit<PutObjectInput, 'bucket'>[] {
  const text = 'text/plain; charset=utf-8';
  return [
    { key: 'README.txt', body: readme, contentType: text },
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
    { key: 'images/gradient.png', body: demoPng(), contentType: 'image/png' },
    {
      key: 'docs/reports 2024/annual report.txt',
      body: 'Annual report: all good.\n',
      contentType: text,
    },
    { key: 'docs/unicode/日本語 ファイル.txt', body: 'こんにちは、世界\n', contentType: text },
    { key: 'docs/unicode/café émoji 🎉.txt', body: 'Café, crème brûlée, 🎉\n', contentType: text },
    {
      key: 'docs/unicode/a+b & c=d #1 50%.txt',
      body: 'Special characters in a key.\n',
      contentType: text,
    },
    { key: 'nested/a/b/c/deep.txt', body: 'Four folders down.\n', contentType: text },
  ];
}

/** Creates the demo bucket if needed and writes every demo object (puts are idempotent). */
export async function seedDemo(store: ObjectStore): Promise<void> {
  if (!(await store.bucketExists(DEMO_BUCKET))) await store.createBucket(DEMO_BUCKET);
  const puts: Omit<PutObjectInput, 'bucket'>[] = demoObjects();
  for (let i = 1; i <= DEMO_MANY_COUNT; i++) {
    const n = String(i).padStart(5, '0');
    puts.push({
      key: `${DEMO_MANY_PREFIX}item-${n}.txt`,
      body: `Item ${n}\n`,
      contentType: 'text/plain',
    });
  }
  await pMap(puts, (p) => store.putObject({ ...p, bucket: DEMO_BUCKET }), { concurrency: 16 });
}
