/** Initial JavaScript of the SPA, gzipped: what index.html loads before anything is lazy. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { webDist, type Bench } from './harness.js';

/** Scripts and modulepreloads of index.html, plus every chunk they import statically. */
export function initialChunks(dist = webDist): string[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => path.join(dist, m[1] as string));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only (`import{a}from"./x.js"`, `import"./x.js"`); import("./x.js") is lazy.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      queue.push(path.resolve(path.dirname(file), m[1] as string));
    }
  }
  return [...seen];
}

export const bundle: Bench = {
  name: 'bundle',
  storeIndependent: true,
  adrs: ['0007-initial-javascript-without-zod.md'],
  method:
    'apps/web/dist as `pnpm build` leaves it: the scripts and modulepreloads of index.html and ' +
    'every chunk they import statically (not `import()` chunks), each gzipped (zlib level 9) and summed.',
  async run({ log }) {
    const chunks = initialChunks();
    let raw = 0;
    let gz = 0;
    const parts = chunks.map((file) => {
      const buf = readFileSync(file);
      const z = gzipSync(buf, { level: 9 }).length;
      raw += buf.length;
      gz += z;
      return `${path.basename(file)} ${(z / 1024).toFixed(1)} KB`;
    });
    log(`  ${parts.join(', ')}`);
    return [
      {
        id: 'bundle.initial',
        figure: 'Initial JavaScript, gzipped',
        budget: '< 150 KB',
        value: `${(gz / 1024).toFixed(1)} KB`,
        met: gz < 150 * 1024,
        detail: `${chunks.length} chunks, ${(raw / 1024).toFixed(0)} KB before gzip: ${parts.join(', ')}`,
      },
    ];
  },
};
