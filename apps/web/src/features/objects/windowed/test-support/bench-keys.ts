/**
 * The browser bench's folder of 1,000,000 names, for the estimator's tests: `keyAt1m` copied
 * from tools/bench/src/seed-1m.ts (the bench package is Node and AWS SDK code the web app does
 * not depend on); `bench-keys.test.ts` checks the copy against a few names of the original.
 */
export const FOLDER_1M = 'm/';

const WORDS = (
  'amber anchor apple aspen atlas autumn badger basalt beacon birch bramble breeze canyon ' +
  'cedar cinder clover comet coral cotton crane delta dune ember falcon fern fjord garnet ' +
  'glacier granite harbor hazel heron indigo iris jasper juniper kestrel lagoon larch lotus ' +
  'maple marble meadow mesa nimbus oak onyx orchid otter pebble pine quartz raven reef ' +
  'saffron sage spruce summit thistle tundra umber valley willow yarrow zephyr'
).split(' ');
const EXT = ['pdf', 'png', 'txt', 'csv', 'docx', 'md'];

function hash(i: number): number {
  let h = (i + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The i-th name of the bench's folder (see seed-1m.ts). */
export function keyAt1m(i: number): string {
  const h = hash(i);
  const r = i % 20;
  if (r < 8) {
    const t = Date.UTC(2026, 0, 1) + Math.floor((h / 2 ** 32) ** 3 * 365 * 86_400_000);
    const iso = new Date(t).toISOString().replace(/:/g, '-');
    return `${FOLDER_1M}log-${iso}-${i.toString(16).padStart(5, '0')}.json`;
  }
  if (r < 14)
    return `${FOLDER_1M}img_${String(Math.floor(i / 20) * 6 + (r - 8)).padStart(7, '0')}.jpg`;
  if (r < 18) {
    const w1 = WORDS[h % WORDS.length]!;
    const w2 = WORDS[(h >>> 8) % WORDS.length]!;
    return `${FOLDER_1M}${w1}-${w2}-${i}.${EXT[(h >>> 16) % EXT.length]!}`;
  }
  if (r === 18) return `${FOLDER_1M}Q${(h % 4) + 1}_Report_${i.toString(36)}.xlsx`;
  return h % 2
    ? `${FOLDER_1M}été-${i}.txt`
    : `${FOLDER_1M}${String(i % 100_000).padStart(5, '0')} scan ${i}.tif`;
}
