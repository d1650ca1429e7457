/**
 * What the servers under test hold at start: the demo bucket seeded on their fresh data
 * directories, and the embedded store's keys. Read from the seeding code itself
 * (apps/api/src/embedded/demo-facts.ts and keys.ts, built), never copied here.
 */
import {
  DEMO_BUCKET,
  DEMO_IMAGE,
  DEMO_MANY_COUNT,
  DEMO_MANY_PREFIX,
  DEMO_TEXT_OBJECTS,
  demoManyItem,
} from '@stowage/api/embedded/demo-facts';
import { DEMO_EMBEDDED_KEYS } from '@stowage/api/embedded/keys';

export { DEMO_BUCKET, DEMO_IMAGE };

/** The embedded store's keys: the servers of the run set no others (STOWAGE_EMBEDDED_*). */
export const STORE_KEYS = DEMO_EMBEDDED_KEYS;

/** many/ holds item-00001.txt … item-02600.txt: three API pages of at most 1,000. */
export const MANY_COUNT = DEMO_MANY_COUNT;

export function manyItemName(n: number): string {
  return demoManyItem(n).name;
}

/** The body a seeded text object was written with. */
export function seededBody(key: string): string {
  const object = DEMO_TEXT_OBJECTS.find((o) => o.key === key);
  if (!object) throw new Error(`Not a seeded text object: "${key}"`);
  return object.body;
}

/**
 * The demo bucket's root as the grid lists it: every folder, then every object, each in store
 * order (the seeded names are ASCII there, so code-unit order is the store's byte order).
 */
export const DEMO_ROOT_ROWS = rootRows([
  ...DEMO_TEXT_OBJECTS.map((o) => o.key),
  DEMO_IMAGE.key,
  `${DEMO_MANY_PREFIX}${manyItemName(1)}`,
]);

function rootRows(keys: string[]): string[] {
  const folders = new Set<string>();
  const objects: string[] = [];
  for (const key of keys) {
    const slash = key.indexOf('/');
    if (slash === -1) objects.push(key);
    else folders.add(key.slice(0, slash + 1));
  }
  return [...[...folders].sort(), ...objects.sort()];
}
