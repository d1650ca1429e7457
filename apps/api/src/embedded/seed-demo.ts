import pMap from 'p-map';
import type { ObjectStore, PutObjectInput } from '../store/object-store.js';
import {
  DEMO_BUCKET,
  DEMO_IMAGE,
  DEMO_MANY_COUNT,
  DEMO_MANY_PREFIX,
  DEMO_TEXT_OBJECTS,
  demoManyItem,
} from './demo-facts.js';
import { demoPng } from './demo-png.js';

/** The demo objects, except the many/ folder. */
export function demoObjects(): Omit<PutObjectInput, 'bucket'>[] {
  return [
    ...DEMO_TEXT_OBJECTS,
    {
      key: DEMO_IMAGE.key,
      body: demoPng(DEMO_IMAGE.width, DEMO_IMAGE.height),
      contentType: 'image/png',
    },
  ];
}

/** Creates the demo bucket if needed and writes every demo object (puts are idempotent). */
export async function seedDemo(store: ObjectStore): Promise<void> {
  if (!(await store.bucketExists(DEMO_BUCKET))) await store.createBucket(DEMO_BUCKET);
  const puts: Omit<PutObjectInput, 'bucket'>[] = demoObjects();
  for (let i = 1; i <= DEMO_MANY_COUNT; i++) {
    const { name, body } = demoManyItem(i);
    puts.push({ key: `${DEMO_MANY_PREFIX}${name}`, body, contentType: 'text/plain' });
  }
  await pMap(puts, (p) => store.putObject({ ...p, bucket: DEMO_BUCKET }), { concurrency: 16 });
}
