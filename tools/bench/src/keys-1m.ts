/**
 * The names of the browser bench's folder of 1,000,000 keys (issue 24, goal 1): pure, with no
 * import, so the web app's estimator tests use the same names as the bench that seeds them
 * (apps/web/src/features/objects/windowed/test-support/bench-keys.ts).
 */

/** The one folder: every key is a direct child of it (delimiter '/'). */
export const FOLDER_1M = 'm/';

const WORDS = (
  'amber anchor apple aspen atlas autumn badger basalt beacon birch bramble breeze canyon ' +
  'cedar cinder clover comet coral cotton crane delta dune ember falcon fern fjord garnet ' +
  'glacier granite harbor hazel heron indigo iris jasper juniper kestrel lagoon larch lotus ' +
  'maple marble meadow mesa nimbus oak onyx orchid otter pebble pine quartz raven reef ' +
  'saffron sage spruce summit thistle tundra umber valley willow yarrow zephyr'
).split(' ');
const EXT = ['pdf', 'png', 'txt', 'csv', 'docx', 'md'];

/** A 32-bit hash of i (deterministic: the seeding can resume and the bench can predict keys). */
function hash(i: number): number {
  let h = (i + 0x9e3779b9) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The i-th key (0 ≤ i < 1,000,000), unique; names as a real folder has them, not evenly spread
 * over the key space: 40 % logs named by a timestamp clustered early in 2026
 * (`log-2026-01-07T13-42-05.123Z-0a3f1.json`), 30 % `img_0012345.jpg`, 20 % word names
 * (`maple-heron-123456.pdf`), 10 % others (`Q3_Report_2n9c.xlsx`, `été-123456.txt`,
 * `00042 scan.tif`).
 */
export function keyAt1m(i: number): string {
  const h = hash(i);
  const r = i % 20;
  if (r < 8) {
    // Cubed: most logs in the first weeks of the year, few at its end.
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
