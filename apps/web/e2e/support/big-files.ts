/** Big files for the multipart specs: written to the disk once, and the part PUTs the page sends. */
import { test, type Page } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

const MiB = 1024 * 1024;

/**
 * Writes `mib` MiB of random bytes (1 MiB blocks) to `name` in the test's output folder and
 * returns its path and sha256.
 */
export async function makeBigFile(name: string, mib: number) {
  const dir = test.info().outputPath();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  for (let i = 0; i < mib; i += 1) {
    const block = randomBytes(MiB);
    hash.update(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { file, sha256: hash.digest('hex') };
}

const PART_PUT = /\/multipart\/[^/]+\/parts\/(\d+)\?/;

/**
 * Watches the page's part uploads (PUT …/multipart/:id/parts/:n): every part number sent,
 * those the API accepted (2xx), and the most in flight at once.
 */
export function watchPartPuts(page: Page) {
  const sent: number[] = [];
  const accepted: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const partOf = (url: string, method: string) => {
    const match = method === 'PUT' ? PART_PUT.exec(url) : null;
    return match ? Number(match[1]) : null;
  };
  page.on('request', (req) => {
    const n = partOf(req.url(), req.method());
    if (n === null) return;
    sent.push(n);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
  });
  page.on('requestfinished', (req) => {
    const n = partOf(req.url(), req.method());
    if (n === null) return;
    inFlight -= 1;
    void req.response().then((res) => {
      if (res && res.ok()) accepted.push(n);
    });
  });
  page.on('requestfailed', (req) => {
    if (partOf(req.url(), req.method()) !== null) inFlight -= 1;
  });
  return {
    sent,
    accepted,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** Slows the page's uploads down (CDP network emulation), so the spec can act mid-way. */
export async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}
